package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What {@code trackOrder} takes: an order the caller placed (or is about to place). A new order starts PENDING.
 * When the tracker already knows the (symbol, order id) — for example its NEW report beat the placement response —
 * the details are merged into the known order and its status, history and fills are kept.
 */
public record NewOrder(String orderId, String clientOrderId, String symbol, OrderType orderType, OrderSide side,
                       BigDecimal quantity, BigDecimal price, String account, JsonObject exchangeResponse,
                       Instant createdAt) {

  /** Validates what a caller may get wrong; throws {@link IllegalArgumentException} naming the field. */
  public NewOrder {
    requireText(orderId, Fields.ORDER_ID);
    requireText(symbol, Fields.SYMBOL);
    if (orderType == null) {
      throw new IllegalArgumentException(Fields.ORDER_TYPE + " is required");
    }
    if (side == null) {
      throw new IllegalArgumentException(Fields.SIDE + " is required");
    }
    Decimals.bounded(quantity, Fields.QUANTITY);
    Decimals.bounded(price, Fields.PRICE);
    if (quantity == null || quantity.signum() <= 0) {
      throw new IllegalArgumentException(Fields.QUANTITY + " must be positive");
    }
    if (price != null && price.signum() < 0) {
      throw new IllegalArgumentException(Fields.PRICE + " must not be negative");
    }
    if (clientOrderId != null && clientOrderId.isBlank()) {
      throw new IllegalArgumentException(Fields.CLIENT_ORDER_ID + " must not be blank when given");
    }
  }

  public NewOrder(JsonObject json) {
    this(WireJson.requiredString(json, Fields.ORDER_ID),
        WireJson.optString(json, Fields.CLIENT_ORDER_ID),
        WireJson.requiredString(json, Fields.SYMBOL),
        OrderType.parse(WireJson.optString(json, Fields.ORDER_TYPE)),
        OrderSide.parse(WireJson.optString(json, Fields.SIDE)),
        Decimals.positive(json.getValue(Fields.QUANTITY), Fields.QUANTITY),
        Decimals.nonNegative(json.getValue(Fields.PRICE), Fields.PRICE),
        WireJson.optString(json, Fields.ACCOUNT),
        WireJson.optObject(json, Fields.EXCHANGE_RESPONSE),
        WireJson.optInstant(json, Fields.CREATED_AT));
  }

  /** The common case of the product brief: id, symbol, type, side, quantity. */
  public static NewOrder of(String orderId, String symbol, OrderType type, OrderSide side, BigDecimal quantity) {
    return new NewOrder(orderId, null, symbol, type, side, quantity, null, null, null, null);
  }

  public NewOrder withPrice(BigDecimal newPrice) {
    return new NewOrder(orderId, clientOrderId, symbol, orderType, side, quantity, newPrice, account,
        exchangeResponse, createdAt);
  }

  public NewOrder withClientOrderId(String id) {
    return new NewOrder(orderId, id, symbol, orderType, side, quantity, price, account, exchangeResponse, createdAt);
  }

  public NewOrder withAccount(String name) {
    return new NewOrder(orderId, clientOrderId, symbol, orderType, side, quantity, price, name, exchangeResponse,
        createdAt);
  }

  public NewOrder withExchangeResponse(JsonObject response) {
    return new NewOrder(orderId, clientOrderId, symbol, orderType, side, quantity, price, account, response,
        createdAt);
  }

  public OrderKey key() {
    return new OrderKey(symbol, orderId);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put(Fields.ORDER_ID, orderId)
        .put(Fields.CLIENT_ORDER_ID, clientOrderId)
        .put(Fields.SYMBOL, symbol)
        .put(Fields.ORDER_TYPE, orderType.name())
        .put(Fields.SIDE, side.name())
        .put(Fields.QUANTITY, WireJson.decimal(quantity))
        .put(Fields.PRICE, WireJson.decimal(price))
        .put(Fields.ACCOUNT, account)
        .put(Fields.EXCHANGE_RESPONSE, exchangeResponse)
        .put(Fields.CREATED_AT, Timestamps.format(createdAt));
  }

  static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required and must not be blank");
    }
  }
}
