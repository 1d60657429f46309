package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.Decimals;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.binance.codec.BinanceOrderStatus;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/**
 * What the exchange says about one order ({@code order.status}, {@code GET /api/v3/order}, {@code openOrders.status},
 * or a placement/cancel response). Note Binance's spelling {@code cummulativeQuoteQty}.
 */
public record ExchangeOrder(String symbol, long orderId, String clientOrderId, BinanceOrderStatus status,
                            OrderType type, OrderSide side, BigDecimal origQty, BigDecimal price,
                            BigDecimal executedQty, BigDecimal cumulativeQuoteQty, long time, long updateTime) {

  /** @throws IllegalArgumentException naming the key when the answer is malformed */
  public static ExchangeOrder fromJson(JsonObject json) {
    try {
      String status = json.getString("status");
      BinanceOrderStatus s = BinanceOrderStatus.valueOf(status);
      long time = json.getLong("time", json.getLong("transactTime", -1L));
      return new ExchangeOrder(json.getString("symbol"), json.getLong("orderId"), json.getString("clientOrderId"),
          s, OrderType.valueOf(json.getString("type")), OrderSide.valueOf(json.getString("side")),
          decimal(json, "origQty"), decimal(json, "price"), decimal(json, "executedQty"),
          decimal(json, "cummulativeQuoteQty"), time, json.getLong("updateTime", time));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed order answer: " + e.getMessage());
    }
  }

  private static BigDecimal decimal(JsonObject json, String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return BigDecimal.ZERO;
    }
    return Decimals.parse(v, key);
  }
}
