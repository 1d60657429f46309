package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.Decimals;
import dev.ordertracker.api.OrderDetails;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.binance.codec.BinanceOrderStatus;
import dev.ordertracker.binance.codec.OrderUpdates;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/**
 * What the exchange says about one order ({@code order.status}, {@code GET /api/v3/order}, {@code openOrders.status},
 * or a placement/cancel response). Note Binance's spelling {@code cummulativeQuoteQty}. {@code type} is null for an
 * order type this version does not know; {@code details} holds {@code timeInForce, stopPrice, icebergQty,
 * orderListId, selfTradePreventionMode, preventedQuantity, isWorking, expiryReason, peggedPrice} as far as sent.
 */
public record ExchangeOrder(String symbol, long orderId, String clientOrderId, BinanceOrderStatus status,
                            OrderType type, OrderSide side, BigDecimal origQty, BigDecimal price,
                            BigDecimal executedQty, BigDecimal cumulativeQuoteQty, long time, long updateTime,
                            OrderDetails details) {

  public ExchangeOrder {
    if (details == null) {
      details = OrderDetails.NONE;
    }
  }

  /** An answer without details. */
  public ExchangeOrder(String symbol, long orderId, String clientOrderId, BinanceOrderStatus status, OrderType type,
                       OrderSide side, BigDecimal origQty, BigDecimal price, BigDecimal executedQty,
                       BigDecimal cumulativeQuoteQty, long time, long updateTime) {
    this(symbol, orderId, clientOrderId, status, type, side, origQty, price, executedQty, cumulativeQuoteQty, time,
        updateTime, OrderDetails.NONE);
  }

  /** @throws IllegalArgumentException naming the key when the answer is malformed */
  public static ExchangeOrder fromJson(JsonObject json) {
    try {
      String status = json.getString("status");
      BinanceOrderStatus s = BinanceOrderStatus.valueOf(status);
      long time = json.getLong("time", json.getLong("transactTime", -1L));
      return new ExchangeOrder(json.getString("symbol"), json.getLong("orderId"), json.getString("clientOrderId"),
          s, type(json.getString("type")), OrderSide.valueOf(json.getString("side")),
          decimal(json, "origQty"), decimal(json, "price"), decimal(json, "executedQty"),
          decimal(json, "cummulativeQuoteQty"), time, json.getLong("updateTime", time), details(json, s));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed order answer: " + e.getMessage());
    }
  }

  /** An order type this version does not know is survived as null (the stream decoder does the same). */
  private static OrderType type(String name) {
    try {
      return OrderType.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static OrderDetails details(JsonObject json, BinanceOrderStatus status) {
    long listId = json.getLong("orderListId", -1L);
    String expiry = json.getString("expiryReason");
    if (expiry == null && status == BinanceOrderStatus.EXPIRED_IN_MATCH) {
      expiry = OrderUpdates.STP_EXPIRY;
    }
    OrderDetails d = new OrderDetails(json.getString("timeInForce"), positiveOrNull(json, "stopPrice"),
        positiveOrNull(json, "icebergQty"), listId < 0 ? null : Long.toString(listId),
        json.getString("selfTradePreventionMode"),
        json.getValue("preventedQuantity") == null ? null : decimal(json, "preventedQuantity"), null,
        json.getBoolean("isWorking"), expiry, positiveOrNull(json, "peggedPrice"), null);
    return d.equals(OrderDetails.NONE) ? OrderDetails.NONE : d;
  }

  private static BigDecimal positiveOrNull(JsonObject json, String key) {
    BigDecimal d = json.getValue(key) == null ? null : decimal(json, key);
    return d == null || d.signum() <= 0 ? null : d;
  }

  private static BigDecimal decimal(JsonObject json, String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return BigDecimal.ZERO;
    }
    return Decimals.parse(v, key);
  }
}
