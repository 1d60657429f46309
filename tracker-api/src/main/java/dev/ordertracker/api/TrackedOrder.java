package dev.ordertracker.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of a tracked order. Only the tracker verticle creates them; everybody else reads them.
 * The JSON form has exactly the keys of {@link #toJson()}, always present (null when unknown): the
 * {@link OrderDetails} flattened, {@code remaining_quantity} ({@link #remainingQuantity()}) and the
 * {@code amendments}, oldest first. Objects written before those keys existed still load (absent = unknown/none).
 */
public record TrackedOrder(String orderId, String clientOrderId, String symbol, OrderType orderType, OrderSide side,
                           BigDecimal quantity, BigDecimal price, OrderStatus status, BigDecimal filledQuantity,
                           BigDecimal averagePrice, Instant createdAt, Instant updatedAt, String errorMessage,
                           List<StatusChange> statusHistory, List<Fill> fills, JsonObject exchangeResponse,
                           String account, OrderDetails details, List<Amendment> amendments) {

  public TrackedOrder {
    Objects.requireNonNull(orderId, Fields.ORDER_ID);
    Objects.requireNonNull(symbol, Fields.SYMBOL);
    Objects.requireNonNull(status, Fields.STATUS);
    statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
    fills = fills == null ? List.of() : List.copyOf(fills);
    if (filledQuantity == null) {
      filledQuantity = BigDecimal.ZERO;
    }
    if (details == null) {
      details = OrderDetails.NONE;
    }
    amendments = amendments == null ? List.of() : List.copyOf(amendments);
  }

  /** An order without details or amendments (the form before they existed). */
  public TrackedOrder(String orderId, String clientOrderId, String symbol, OrderType orderType, OrderSide side,
                      BigDecimal quantity, BigDecimal price, OrderStatus status, BigDecimal filledQuantity,
                      BigDecimal averagePrice, Instant createdAt, Instant updatedAt, String errorMessage,
                      List<StatusChange> statusHistory, List<Fill> fills, JsonObject exchangeResponse,
                      String account) {
    this(orderId, clientOrderId, symbol, orderType, side, quantity, price, status, filledQuantity, averagePrice,
        createdAt, updatedAt, errorMessage, statusHistory, fills, exchangeResponse, account, OrderDetails.NONE,
        List.of());
  }

  public TrackedOrder(JsonObject json) {
    this(WireJson.requiredString(json, Fields.ORDER_ID),
        WireJson.optString(json, Fields.CLIENT_ORDER_ID),
        WireJson.requiredString(json, Fields.SYMBOL),
        json.getValue(Fields.ORDER_TYPE) == null ? null : OrderType.parse(WireJson.optString(json, Fields.ORDER_TYPE)),
        json.getValue(Fields.SIDE) == null ? null : OrderSide.parse(WireJson.optString(json, Fields.SIDE)),
        WireJson.optDecimal(json, Fields.QUANTITY),
        WireJson.optDecimal(json, Fields.PRICE),
        OrderStatus.parse(WireJson.optString(json, Fields.STATUS)),
        WireJson.optDecimal(json, Fields.FILLED_QUANTITY),
        WireJson.optDecimal(json, Fields.AVERAGE_PRICE),
        WireJson.optInstant(json, Fields.CREATED_AT),
        WireJson.optInstant(json, Fields.UPDATED_AT),
        WireJson.optString(json, Fields.ERROR_MESSAGE),
        list(json.getJsonArray(Fields.STATUS_HISTORY), StatusChange::new),
        list(json.getJsonArray(Fields.FILLS), Fill::new),
        WireJson.optObject(json, Fields.EXCHANGE_RESPONSE),
        WireJson.optString(json, Fields.ACCOUNT),
        OrderDetails.fromJson(json),
        list(json.getJsonArray(Fields.AMENDMENTS), Amendment::new));
  }

  public static TrackedOrder fromJson(JsonObject json) {
    return new TrackedOrder(json);
  }

  public OrderKey key() {
    return new OrderKey(symbol, orderId);
  }

  public boolean isFinal() {
    return status.isFinal();
  }

  /**
   * What is still open for execution: quantity − filled − prevented (Binance: {@code q − z − A}), never below zero;
   * zero once the order is final; null when the quantity is unknown.
   */
  public BigDecimal remainingQuantity() {
    return remaining(quantity, filledQuantity, details.preventedQuantity(), status);
  }

  static BigDecimal remaining(BigDecimal quantity, BigDecimal filled, BigDecimal prevented, OrderStatus status) {
    if (quantity == null) {
      return null;
    }
    if (status.isFinal()) {
      return BigDecimal.ZERO;
    }
    BigDecimal open = filled == null ? quantity : quantity.subtract(filled);
    if (prevented != null) {
      open = open.subtract(prevented);
    }
    return open.signum() < 0 ? BigDecimal.ZERO : open;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    writeMembers(JsonMembers.of(json));
    return json;
  }

  /**
   * The JSON text of {@link #toJson()} ({@code toJson().encode()}), written without building the tree: about
   * half the cost (the stores and the replication write one for every change).
   */
  public String encode() {
    return JsonMembers.encode(this, TrackedOrder::writeMembers);
  }

  /**
   * {@link #encode()} without the members whose value is null: the stores' form (about a third shorter). Reading
   * it back ({@code new TrackedOrder(new JsonObject(text))}) gives an equal object, since every reader takes a missing
   * member as null; the documented shape, with every member, is {@link #encode()}'s.
   */
  public String encodeWithoutNulls() {
    return JsonMembers.encodeWithoutNulls(this, TrackedOrder::writeMembers);
  }

  private void writeMembers(JsonMembers json) {
    json.put(Fields.ORDER_ID, orderId)
        .put(Fields.CLIENT_ORDER_ID, clientOrderId)
        .put(Fields.SYMBOL, symbol)
        .put(Fields.ORDER_TYPE, orderType == null ? null : orderType.name())
        .put(Fields.SIDE, side == null ? null : side.name())
        .put(Fields.QUANTITY, WireJson.decimal(quantity))
        .put(Fields.PRICE, WireJson.decimal(price))
        .put(Fields.STATUS, status.name())
        .put(Fields.FILLED_QUANTITY, WireJson.decimal(filledQuantity))
        .put(Fields.AVERAGE_PRICE, WireJson.decimal(averagePrice))
        .put(Fields.CREATED_AT, Timestamps.format(createdAt))
        .put(Fields.UPDATED_AT, Timestamps.format(updatedAt))
        .put(Fields.ERROR_MESSAGE, errorMessage)
        .putArray(Fields.STATUS_HISTORY, statusHistory, StatusChange::writeMembers)
        .putArray(Fields.FILLS, fills, Fill::writeMembers)
        .put(Fields.EXCHANGE_RESPONSE, exchangeResponse)
        .put(Fields.ACCOUNT, account);
    details.writeMembers(json);
    json.put(Fields.REMAINING_QUANTITY, WireJson.decimal(remainingQuantity()))
        .putArray(Fields.AMENDMENTS, amendments, Amendment::writeMembers);
  }

  private static <T> List<T> list(JsonArray array, java.util.function.Function<JsonObject, T> reader) {
    if (array == null) {
      return List.of();
    }
    List<T> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(reader.apply(array.getJsonObject(i)));
    }
    return out;
  }
}
