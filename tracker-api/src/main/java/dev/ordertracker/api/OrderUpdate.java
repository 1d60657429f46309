package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An exchange-neutral report about an order, what {@code applyUpdate} takes: the status the exchange reports, the
 * cumulative filled quantity and quote quantity (average price = quote / quantity), the last fill when the report
 * is a trade, and the execution id and transaction time that make duplicates recognisable.
 *
 * <p>Exchange adapters decode their frames into this record. The order details (type, side, quantity, price,
 * client id, account, creation time) let the tracker start tracking an order it first sees here, for example one
 * placed elsewhere or whose NEW report beat the placement response. {@code lost} marks an order the exchange no
 * longer knows and that no trade explains; the tracker ends it as EXPIRED and publishes {@link EventType#ORDER_LOST}.
 *
 * <p>{@code kind} says which rows of the transition table classify the report (a status report, an in-place
 * amendment, a self-trade prevention that leaves the order open); {@code details} carries what the report says
 * about the order's terms and execution state ({@link OrderDetails}, never null).
 */
public record OrderUpdate(String orderId, String symbol, OrderStatus status, BigDecimal cumulativeFilledQuantity,
                          BigDecimal cumulativeQuoteQuantity, Fill lastFill, String executionId,
                          Instant transactionTime, String errorMessage, String clientOrderId, String account,
                          OrderType orderType, OrderSide side, BigDecimal quantity, BigDecimal price,
                          Instant createdAt, boolean lost, UpdateKind kind, OrderDetails details) {

  public OrderUpdate {
    NewOrder.requireText(orderId, Fields.ORDER_ID);
    NewOrder.requireText(symbol, Fields.SYMBOL);
    if (status == null) {
      throw new IllegalArgumentException(Fields.STATUS + " is required");
    }
    if (cumulativeFilledQuantity == null) {
      cumulativeFilledQuantity = BigDecimal.ZERO;
    }
    Decimals.bounded(cumulativeFilledQuantity, Fields.CUMULATIVE_FILLED_QUANTITY);
    Decimals.bounded(cumulativeQuoteQuantity, Fields.CUMULATIVE_QUOTE_QUANTITY);
    Decimals.bounded(quantity, Fields.QUANTITY);
    Decimals.bounded(price, Fields.PRICE);
    if (cumulativeFilledQuantity.signum() < 0) {
      throw new IllegalArgumentException(Fields.CUMULATIVE_FILLED_QUANTITY + " must not be negative");
    }
    if (cumulativeQuoteQuantity != null && cumulativeQuoteQuantity.signum() < 0) {
      throw new IllegalArgumentException(Fields.CUMULATIVE_QUOTE_QUANTITY + " must not be negative");
    }
    if (quantity != null && quantity.signum() <= 0) {
      throw new IllegalArgumentException(Fields.QUANTITY + " must be positive");
    }
    if (kind == null) {
      kind = UpdateKind.STATUS;
    }
    if (details == null) {
      details = OrderDetails.NONE;
    }
    if (kind == UpdateKind.AMENDMENT && quantity == null && clientOrderId == null) {
      throw new IllegalArgumentException(Fields.UPDATE_KIND + " AMENDMENT needs the new " + Fields.QUANTITY
          + " or " + Fields.CLIENT_ORDER_ID);
    }
    if (kind == UpdateKind.TRADE_PREVENTION && details.preventedQuantity() == null) {
      throw new IllegalArgumentException(Fields.UPDATE_KIND + " TRADE_PREVENTION needs "
          + Fields.PREVENTED_QUANTITY);
    }
  }

  /** A status report (the form before update kinds and details existed). */
  public OrderUpdate(String orderId, String symbol, OrderStatus status, BigDecimal cumulativeFilledQuantity,
                     BigDecimal cumulativeQuoteQuantity, Fill lastFill, String executionId,
                     Instant transactionTime, String errorMessage, String clientOrderId, String account,
                     OrderType orderType, OrderSide side, BigDecimal quantity, BigDecimal price,
                     Instant createdAt, boolean lost) {
    this(orderId, symbol, status, cumulativeFilledQuantity, cumulativeQuoteQuantity, lastFill, executionId,
        transactionTime, errorMessage, clientOrderId, account, orderType, side, quantity, price, createdAt, lost,
        UpdateKind.STATUS, OrderDetails.NONE);
  }

  public OrderUpdate(JsonObject json) {
    this(WireJson.requiredString(json, Fields.ORDER_ID),
        WireJson.requiredString(json, Fields.SYMBOL),
        OrderStatus.parse(WireJson.optString(json, Fields.STATUS)),
        Decimals.nonNegative(json.getValue(Fields.CUMULATIVE_FILLED_QUANTITY), Fields.CUMULATIVE_FILLED_QUANTITY),
        Decimals.nonNegative(json.getValue(Fields.CUMULATIVE_QUOTE_QUANTITY), Fields.CUMULATIVE_QUOTE_QUANTITY),
        json.getValue(Fields.LAST_FILL) == null ? null : new Fill(WireJson.optObject(json, Fields.LAST_FILL)),
        WireJson.optString(json, Fields.EXECUTION_ID),
        WireJson.optInstant(json, Fields.TRANSACTION_TIME),
        WireJson.optString(json, Fields.ERROR_MESSAGE),
        WireJson.optString(json, Fields.CLIENT_ORDER_ID),
        WireJson.optString(json, Fields.ACCOUNT),
        json.getValue(Fields.ORDER_TYPE) == null ? null : OrderType.parse(WireJson.optString(json, Fields.ORDER_TYPE)),
        json.getValue(Fields.SIDE) == null ? null : OrderSide.parse(WireJson.optString(json, Fields.SIDE)),
        Decimals.parse(json.getValue(Fields.QUANTITY), Fields.QUANTITY),
        Decimals.nonNegative(json.getValue(Fields.PRICE), Fields.PRICE),
        WireJson.optInstant(json, Fields.CREATED_AT),
        WireJson.optBoolean(json, Fields.LOST, false),
        json.getValue(Fields.UPDATE_KIND) == null ? UpdateKind.STATUS
            : UpdateKind.parse(WireJson.optString(json, Fields.UPDATE_KIND)),
        OrderDetails.fromJson(json));
  }

  public static Builder builder(String symbol, String orderId, OrderStatus status) {
    return new Builder(symbol, orderId, status);
  }

  public OrderKey key() {
    return new OrderKey(symbol, orderId);
  }

  /** The average price this report implies (Z / z), or null. */
  public BigDecimal averagePrice() {
    return Decimals.averagePrice(cumulativeQuoteQuantity, cumulativeFilledQuantity);
  }

  /** True when the report carries enough to start tracking an order the tracker has never seen. */
  public boolean describesOrder() {
    return orderType != null && side != null && quantity != null;
  }

  public JsonObject toJson() {
    return details.writeTo(new JsonObject()
        .put(Fields.ORDER_ID, orderId)
        .put(Fields.SYMBOL, symbol)
        .put(Fields.STATUS, status.name())
        .put(Fields.CUMULATIVE_FILLED_QUANTITY, WireJson.decimal(cumulativeFilledQuantity))
        .put(Fields.CUMULATIVE_QUOTE_QUANTITY, WireJson.decimal(cumulativeQuoteQuantity))
        .put(Fields.LAST_FILL, lastFill == null ? null : lastFill.toJson())
        .put(Fields.EXECUTION_ID, executionId)
        .put(Fields.TRANSACTION_TIME, Timestamps.format(transactionTime))
        .put(Fields.ERROR_MESSAGE, errorMessage)
        .put(Fields.CLIENT_ORDER_ID, clientOrderId)
        .put(Fields.ACCOUNT, account)
        .put(Fields.ORDER_TYPE, orderType == null ? null : orderType.name())
        .put(Fields.SIDE, side == null ? null : side.name())
        .put(Fields.QUANTITY, WireJson.decimal(quantity))
        .put(Fields.PRICE, WireJson.decimal(price))
        .put(Fields.CREATED_AT, Timestamps.format(createdAt))
        .put(Fields.LOST, lost)
        .put(Fields.UPDATE_KIND, kind.name()));
  }

  /** Fluent construction; only symbol, order id and status are required. */
  public static final class Builder {
    private final String symbol;
    private final String orderId;
    private final OrderStatus status;
    private BigDecimal cumulativeFilledQuantity;
    private BigDecimal cumulativeQuoteQuantity;
    private Fill lastFill;
    private String executionId;
    private Instant transactionTime;
    private String errorMessage;
    private String clientOrderId;
    private String account;
    private OrderType orderType;
    private OrderSide side;
    private BigDecimal quantity;
    private BigDecimal price;
    private Instant createdAt;
    private boolean lost;
    private UpdateKind kind = UpdateKind.STATUS;
    private OrderDetails details = OrderDetails.NONE;

    private Builder(String symbol, String orderId, OrderStatus status) {
      this.symbol = symbol;
      this.orderId = orderId;
      this.status = status;
    }

    public Builder cumulative(BigDecimal filledQuantity, BigDecimal quoteQuantity) {
      this.cumulativeFilledQuantity = filledQuantity;
      this.cumulativeQuoteQuantity = quoteQuantity;
      return this;
    }

    public Builder lastFill(Fill value) {
      this.lastFill = value;
      return this;
    }

    public Builder executionId(String value) {
      this.executionId = value;
      return this;
    }

    public Builder transactionTime(Instant value) {
      this.transactionTime = value;
      return this;
    }

    public Builder errorMessage(String value) {
      this.errorMessage = value;
      return this;
    }

    public Builder clientOrderId(String value) {
      this.clientOrderId = value;
      return this;
    }

    public Builder account(String value) {
      this.account = value;
      return this;
    }

    /** The order's own details, for orders first seen in the stream. */
    public Builder order(OrderType type, OrderSide orderSide, BigDecimal orderQuantity, BigDecimal orderPrice) {
      this.orderType = type;
      this.side = orderSide;
      this.quantity = orderQuantity;
      this.price = orderPrice;
      return this;
    }

    public Builder createdAt(Instant value) {
      this.createdAt = value;
      return this;
    }

    public Builder lost(boolean value) {
      this.lost = value;
      return this;
    }

    public Builder kind(UpdateKind value) {
      this.kind = value;
      return this;
    }

    public Builder details(OrderDetails value) {
      this.details = value;
      return this;
    }

    public OrderUpdate build() {
      return new OrderUpdate(orderId, symbol, status, cumulativeFilledQuantity, cumulativeQuoteQuantity, lastFill,
          executionId, transactionTime, errorMessage, clientOrderId, account, orderType, side, quantity, price,
          createdAt, lost, kind, details);
    }
  }
}
