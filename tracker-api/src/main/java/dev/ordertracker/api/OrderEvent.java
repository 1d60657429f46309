package dev.ordertracker.api;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * What the tracker publishes on {@code <prefix>.events.<EVENT_TYPE>} for every real change of an order.
 *
 * <p>Body: the product brief's seed structure (order_id, client_order_id, symbol, order_type, side, quantity,
 * status, filled_quantity, average_price, created_at, updated_at) plus price, event_type, priority, sequence
 * (monotonic per tracker, never reused), account, the order's {@link OrderDetails} (flattened) and
 * remaining_quantity, error_message (only when set), last_fill (only on fill events) and amendment (only on
 * {@link EventType#ORDER_AMENDED}). Headers: priority, event_type, symbol, order_id, sequence (and account when set).
 */
public record OrderEvent(EventType eventType, long sequence, String orderId, String clientOrderId, String symbol,
                         OrderType orderType, OrderSide side, BigDecimal quantity, BigDecimal price,
                         OrderStatus status, BigDecimal filledQuantity, BigDecimal averagePrice, Instant createdAt,
                         Instant updatedAt, String account, String errorMessage, Fill lastFill,
                         OrderDetails details, Amendment amendment) {

  public OrderEvent {
    if (details == null) {
      details = OrderDetails.NONE;
    }
  }

  /** An event without details or amendment (the form before they existed). */
  public OrderEvent(EventType eventType, long sequence, String orderId, String clientOrderId, String symbol,
                    OrderType orderType, OrderSide side, BigDecimal quantity, BigDecimal price, OrderStatus status,
                    BigDecimal filledQuantity, BigDecimal averagePrice, Instant createdAt, Instant updatedAt,
                    String account, String errorMessage, Fill lastFill) {
    this(eventType, sequence, orderId, clientOrderId, symbol, orderType, side, quantity, price, status,
        filledQuantity, averagePrice, createdAt, updatedAt, account, errorMessage, lastFill, OrderDetails.NONE, null);
  }

  /** The event for {@code order} as it is now. */
  public static OrderEvent of(EventType type, long sequence, TrackedOrder order, Fill lastFill) {
    return new OrderEvent(type, sequence, order.orderId(), order.clientOrderId(), order.symbol(), order.orderType(),
        order.side(), order.quantity(), order.price(), order.status(), order.filledQuantity(), order.averagePrice(),
        order.createdAt(), order.updatedAt(), order.account(), order.errorMessage(), lastFill, order.details(),
        null);
  }

  /** What is still open for execution (see {@link TrackedOrder#remainingQuantity()}). */
  public BigDecimal remainingQuantity() {
    return TrackedOrder.remaining(quantity, filledQuantity, details.preventedQuantity(), status);
  }

  public static OrderEvent fromJson(JsonObject json) {
    JsonObject fill = WireJson.optObject(json, Fields.LAST_FILL);
    JsonObject amendment = WireJson.optObject(json, Fields.AMENDMENT);
    String type = WireJson.optString(json, Fields.ORDER_TYPE);
    String side = WireJson.optString(json, Fields.SIDE);
    return new OrderEvent(EventType.parse(WireJson.optString(json, Fields.EVENT_TYPE)),
        WireJson.optLong(json, Fields.SEQUENCE, -1),
        WireJson.requiredString(json, Fields.ORDER_ID),
        WireJson.optString(json, Fields.CLIENT_ORDER_ID),
        WireJson.requiredString(json, Fields.SYMBOL),
        type == null ? null : OrderType.parse(type),
        side == null ? null : OrderSide.parse(side),
        WireJson.optDecimal(json, Fields.QUANTITY),
        WireJson.optDecimal(json, Fields.PRICE),
        OrderStatus.parse(WireJson.optString(json, Fields.STATUS)),
        WireJson.optDecimal(json, Fields.FILLED_QUANTITY),
        WireJson.optDecimal(json, Fields.AVERAGE_PRICE),
        WireJson.optInstant(json, Fields.CREATED_AT),
        WireJson.optInstant(json, Fields.UPDATED_AT),
        WireJson.optString(json, Fields.ACCOUNT),
        WireJson.optString(json, Fields.ERROR_MESSAGE),
        fill == null ? null : new Fill(fill),
        OrderDetails.fromJson(json),
        amendment == null ? null : new Amendment(amendment));
  }

  public int priority() {
    return eventType.priority();
  }

  public OrderKey key() {
    return new OrderKey(symbol, orderId);
  }

  public JsonObject toJson() {
    // Sized for the 31 keys at most: a too small table resized on every event (measured ~5% of the tracker).
    JsonObject json = new JsonObject(new LinkedHashMap<>(48));
    writeMembers(JsonMembers.of(json));
    return json;
  }

  /**
   * The JSON text of {@link #toJson()} ({@code toJson().encode()}), written without building the tree (the stores
   * journal one for every change).
   */
  public String encode() {
    return JsonMembers.encode(this, OrderEvent::writeMembers);
  }

  /**
   * {@link #encode()} without the members whose value is null: the stores' form (about a third shorter). Reading
   * it back ({@code OrderEvent.fromJson(new JsonObject(text))}) gives an equal object, since every reader takes a
   * missing member as null; the documented shape, with every member, is {@link #encode()}'s.
   */
  public String encodeWithoutNulls() {
    return JsonMembers.encodeWithoutNulls(this, OrderEvent::writeMembers);
  }

  /** {@link #encode()} as UTF-8 bytes. */
  byte[] encodeBytes() {
    return JsonMembers.encodeBytes(this, OrderEvent::writeMembers);
  }

  /**
   * The body to publish on a clustered event bus: reads like {@link #toReadOnlyJson()}, and the bus encodes it for
   * other nodes from this record ({@link #encode()}'s text) instead of walking a map through Jackson databind. Local
   * consumers on the publishing node get {@link #toJson()}'s mutable copy, as with a plain body.
   */
  public JsonObject toWireJson() {
    return new WireEventJson(this);
  }

  /**
   * The same body, read-only (nested last_fill too): {@code put}/{@code remove} throw
   * {@link UnsupportedOperationException}; {@code copy()} gives a mutable copy (a HashMap: key order is not kept,
   * which JSON does not promise anyway). The tracker publishes this form on
   * a non-clustered Vert.x and shares one instance between all local consumers ({@link EventBodyCodec}). Its map is
   * a view of this record ({@link EventBodyView}): values are computed when read, nothing is copied per event.
   */
  public JsonObject toReadOnlyJson() {
    return new JsonObject(new EventBodyView(this));
  }

  private void writeMembers(JsonMembers json) {
    json.put(Fields.EVENT_TYPE, eventType.name())
        .put(Fields.PRIORITY, eventType.priority())
        .put(Fields.SEQUENCE, sequence)
        .put(Fields.ORDER_ID, orderId)
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
        .put(Fields.ACCOUNT, account);
    details.writeMembers(json);
    json.put(Fields.REMAINING_QUANTITY, WireJson.decimal(remainingQuantity()));
    if (errorMessage != null) {
      json.put(Fields.ERROR_MESSAGE, errorMessage);
    }
    if (lastFill != null) {
      json.putObject(Fields.LAST_FILL, lastFill, Fill::writeMembers);
    }
    if (amendment != null) {
      json.putObject(Fields.AMENDMENT, amendment, Amendment::writeMembers);
    }
  }

  /** The DeliveryOptions headers every event carries. */
  public DeliveryOptions deliveryOptions() {
    DeliveryOptions options = new DeliveryOptions()
        .addHeader(Fields.HEADER_PRIORITY, Integer.toString(eventType.priority()))
        .addHeader(Fields.HEADER_EVENT_TYPE, eventType.name())
        .addHeader(Fields.HEADER_SYMBOL, symbol)
        .addHeader(Fields.HEADER_ORDER_ID, orderId)
        .addHeader(Fields.HEADER_SEQUENCE, Long.toString(sequence));
    if (account != null) {
      options.addHeader(Fields.HEADER_ACCOUNT, account);
    }
    return options;
  }
}
