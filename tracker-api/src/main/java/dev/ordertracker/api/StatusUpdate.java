package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/**
 * What {@code updateOrderStatus} takes (the product brief's {@code update_order_status}): a new status with,
 * optionally, the cumulative filled quantity and the average price the caller knows. {@code symbol} may be null
 * when the order id is unambiguous (see {@code OrderTrackerService#getOrder}).
 */
public record StatusUpdate(String orderId, String symbol, OrderStatus status, BigDecimal filledQuantity,
                           BigDecimal averagePrice, String errorMessage) {

  public StatusUpdate {
    NewOrder.requireText(orderId, Fields.ORDER_ID);
    if (symbol != null && symbol.isBlank()) {
      throw new IllegalArgumentException(Fields.SYMBOL + " must not be blank when given");
    }
    if (status == null) {
      throw new IllegalArgumentException(Fields.STATUS + " is required");
    }
    Decimals.bounded(filledQuantity, Fields.FILLED_QUANTITY);
    Decimals.bounded(averagePrice, Fields.AVERAGE_PRICE);
    if (filledQuantity != null && filledQuantity.signum() < 0) {
      throw new IllegalArgumentException(Fields.FILLED_QUANTITY + " must not be negative");
    }
    if (averagePrice != null && averagePrice.signum() < 0) {
      throw new IllegalArgumentException(Fields.AVERAGE_PRICE + " must not be negative");
    }
  }

  public StatusUpdate(JsonObject json) {
    this(WireJson.requiredString(json, Fields.ORDER_ID),
        WireJson.optString(json, Fields.SYMBOL),
        OrderStatus.parse(WireJson.optString(json, Fields.STATUS)),
        Decimals.nonNegative(json.getValue(Fields.FILLED_QUANTITY), Fields.FILLED_QUANTITY),
        Decimals.nonNegative(json.getValue(Fields.AVERAGE_PRICE), Fields.AVERAGE_PRICE),
        WireJson.optString(json, Fields.ERROR_MESSAGE));
  }

  public static StatusUpdate of(String orderId, OrderStatus status) {
    return new StatusUpdate(orderId, null, status, null, null, null);
  }

  public static StatusUpdate filled(String orderId, OrderStatus status, BigDecimal filledQuantity,
                                    BigDecimal averagePrice) {
    return new StatusUpdate(orderId, null, status, filledQuantity, averagePrice, null);
  }

  public StatusUpdate withSymbol(String value) {
    return new StatusUpdate(orderId, value, status, filledQuantity, averagePrice, errorMessage);
  }

  public StatusUpdate withErrorMessage(String value) {
    return new StatusUpdate(orderId, symbol, status, filledQuantity, averagePrice, value);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put(Fields.ORDER_ID, orderId)
        .put(Fields.SYMBOL, symbol)
        .put(Fields.STATUS, status.name())
        .put(Fields.FILLED_QUANTITY, WireJson.decimal(filledQuantity))
        .put(Fields.AVERAGE_PRICE, WireJson.decimal(averagePrice))
        .put(Fields.ERROR_MESSAGE, errorMessage);
  }
}
