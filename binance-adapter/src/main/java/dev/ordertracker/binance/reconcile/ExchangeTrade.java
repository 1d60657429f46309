package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.Decimals;
import dev.ordertracker.api.Fill;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;

/** One of the account's trades ({@code myTrades}, or a {@code fills[]} entry of a FULL placement response). */
public record ExchangeTrade(String symbol, long id, long orderId, BigDecimal price, BigDecimal qty,
                            BigDecimal quoteQty, BigDecimal commission, String commissionAsset, long time,
                            boolean maker) {

  public static ExchangeTrade fromJson(JsonObject json) {
    try {
      BigDecimal price = Decimals.parse(json.getValue("price"), "price");
      BigDecimal qty = Decimals.parse(json.getValue("qty"), "qty");
      String quote = json.getString("quoteQty");
      return new ExchangeTrade(json.getString("symbol"), json.getLong("id"), json.getLong("orderId"), price, qty,
          quote == null ? price.multiply(qty) : Decimals.parse(quote, "quoteQty"),
          json.getString("commission") == null ? null : Decimals.parse(json.getValue("commission"), "commission"),
          json.getString("commissionAsset"), json.getLong("time", 0L), json.getBoolean("isMaker", false));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed trade answer: " + e.getMessage());
    }
  }

  /** A FULL placement response's fill ({@code price qty commission commissionAsset tradeId}); takers only. */
  public static ExchangeTrade fromResponseFill(JsonObject fill, String symbol, long orderId, long time) {
    BigDecimal price = Decimals.parse(fill.getValue("price"), "price");
    BigDecimal qty = Decimals.parse(fill.getValue("qty"), "qty");
    return new ExchangeTrade(symbol, fill.getLong("tradeId"), orderId, price, qty, price.multiply(qty),
        fill.getString("commission") == null ? null : Decimals.parse(fill.getValue("commission"), "commission"),
        fill.getString("commissionAsset"), time, false);
  }

  public Fill toFill() {
    return new Fill(id, qty, price, quoteQty, commission, commissionAsset, maker, Instant.ofEpochMilli(time));
  }
}
