package dev.ordertracker.core.state;

import dev.ordertracker.api.Amendment;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderDetails;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.StatusChange;
import dev.ordertracker.api.TrackedOrder;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one order. Owned by {@code OrderTrackerCore}, hence by the tracker verticle's context: it
 * never leaves the core; everybody else gets {@link #snapshot()}s. Kept compact (about 0.5 KiB without fills): the
 * fill list and the ring of recent execution ids are allocated on first use.
 */
public final class OrderRecord {
  /** How many recent execution ids an order remembers for duplicate detection. */
  static final int EXECUTION_RING = 8;

  private final OrderKey key;
  String clientOrderId;
  OrderType orderType;
  OrderSide side;
  BigDecimal quantity;
  BigDecimal price;
  String account;
  JsonObject exchangeResponse;
  OrderStatus status;
  BigDecimal filledQuantity = BigDecimal.ZERO;
  /** Cumulative quote quantity; null when unknown (then the average price may be an explicit one). */
  BigDecimal quoteQuantity;
  BigDecimal averagePrice;
  Instant createdAt;
  Instant updatedAt;
  String errorMessage;
  /** Immutable; replaced (not edited) when a report changes it, so snapshots and events share it. */
  private OrderDetails details = OrderDetails.NONE;
  private ArrayList<Amendment> amendments;
  private final ArrayList<StatusChange> history = new ArrayList<>(4);
  private ArrayList<Fill> fills;
  private String[] executionIds;
  private int executionCursor;

  public OrderRecord(OrderKey key, OrderStatus status, Instant now) {
    this.key = key;
    this.status = status;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public OrderKey key() {
    return key;
  }

  public String orderId() {
    return key.orderId();
  }

  public String symbol() {
    return key.symbol();
  }

  public String clientOrderId() {
    return clientOrderId;
  }

  public OrderStatus status() {
    return status;
  }

  public BigDecimal filledQuantity() {
    return filledQuantity;
  }

  public BigDecimal quoteQuantity() {
    return quoteQuantity;
  }

  public BigDecimal averagePrice() {
    return averagePrice;
  }

  public BigDecimal quantity() {
    return quantity;
  }

  public String account() {
    return account;
  }

  public OrderDetails details() {
    return details;
  }

  /** The amendments, oldest first (read-only). */
  public List<Amendment> amendments() {
    return amendments == null ? List.of() : java.util.Collections.unmodifiableList(amendments);
  }

  /**
   * Takes what an applied report says about the order's terms and execution state (it replaces what is known).
   * A pegged order's price is the pegged price in use. Answers whether anything changed.
   */
  public boolean mergeDetails(OrderDetails reported) {
    OrderDetails merged = details.merge(reported);
    if (merged == details) {
      return false;
    }
    details = merged;
    if (merged.peggedPrice() != null && merged.peggedPrice().signum() > 0) {
      price = merged.peggedPrice();
    }
    return true;
  }

  /**
   * Takes from a refused (duplicate or older) report only the details still unknown; nothing known is overwritten
   * and nothing is published. Answers whether anything changed.
   */
  public boolean fillInDetails(OrderDetails reported) {
    OrderDetails filled = details.fillIn(reported);
    if (filled == details) {
      return false;
    }
    details = filled;
    if (price == null && filled.peggedPrice() != null && filled.peggedPrice().signum() > 0) {
      price = filled.peggedPrice();
    }
    return true;
  }

  /** True when an amendment to this quantity and client id would change the order (null: not reported). */
  public boolean amendmentChanges(BigDecimal newQuantity, String newClientOrderId) {
    return newQuantity != null && (quantity == null || newQuantity.compareTo(quantity) != 0)
        || newClientOrderId != null && !newClientOrderId.equals(clientOrderId);
  }

  /** Applies an in-place amendment (null arguments keep the known value) and answers its history entry. */
  public Amendment amend(BigDecimal newQuantity, String newClientOrderId, Instant now) {
    Amendment a = new Amendment(now, quantity, newQuantity != null ? newQuantity : quantity, clientOrderId,
        newClientOrderId != null ? newClientOrderId : clientOrderId);
    quantity = a.newQuantity();
    clientOrderId = a.newClientOrderId();
    updatedAt = now;
    if (amendments == null) {
      amendments = new ArrayList<>(2);
    }
    amendments.add(a);
    return a;
  }

  /** Marks the order changed now without a status change (a prevention that leaves it open). */
  public void touch(Instant now) {
    updatedAt = now;
  }

  public boolean isFinal() {
    return status.isFinal();
  }

  public int fillCount() {
    return fills == null ? 0 : fills.size();
  }

  /** Sets the order's details; null arguments leave the known value. */
  public void describe(String newClientOrderId, OrderType type, OrderSide orderSide, BigDecimal orderQuantity,
                       BigDecimal orderPrice, String accountName, JsonObject response, Instant created) {
    if (newClientOrderId != null) {
      clientOrderId = newClientOrderId;
    }
    if (type != null) {
      orderType = type;
    }
    if (orderSide != null) {
      side = orderSide;
    }
    if (orderQuantity != null) {
      quantity = orderQuantity;
    }
    if (orderPrice != null) {
      price = orderPrice;
    }
    if (accountName != null) {
      account = accountName;
    }
    if (response != null) {
      exchangeResponse = response;
    }
    if (created != null && (createdAt == null || created.isBefore(createdAt))) {
      createdAt = created; // the earliest creation time anybody reported
    }
  }

  public void setStatus(OrderStatus newStatus, Instant now, String error) {
    OrderStatus old = history.isEmpty() ? null : status;
    status = newStatus;
    if (error != null) {
      errorMessage = error;
    }
    updatedAt = now;
    history.add(new StatusChange(now, old, newStatus, filledQuantity, averagePrice, error));
  }

  public void setQuantities(BigDecimal filled, BigDecimal quote, BigDecimal average, Instant now) {
    filledQuantity = filled;
    quoteQuantity = quote;
    averagePrice = average;
    updatedAt = now;
  }

  /**
   * Takes a report's larger cumulative quantities: the average price is the explicit one when given, else
   * cumulative quote / quantity; without a cumulative quote, the known quote extended by the report's trade when
   * that trade is exactly the missing piece.
   */
  public void applyQuantities(OrderUpdate u, BigDecimal explicitAverage, Instant now) {
    BigDecimal reported = u.cumulativeFilledQuantity();
    BigDecimal quote;
    BigDecimal average;
    if (explicitAverage != null) {
      average = explicitAverage;
      quote = explicitAverage.multiply(reported);
    } else {
      quote = u.cumulativeQuoteQuantity();
      Fill fill = u.lastFill();
      if (quote == null && fill != null) {
        BigDecimal knownQuote = filledQuantity.signum() == 0 ? BigDecimal.ZERO : quoteQuantity;
        if (knownQuote != null && filledQuantity.add(fill.quantity()).compareTo(reported) == 0) {
          quote = knownQuote.add(fill.quoteQuantity());
        }
      }
      average = AveragePrice.of(quote, reported);
    }
    setQuantities(reported, quote, average, now);
  }

  public boolean hasTrade(long tradeId) {
    if (fills == null || tradeId < 0) {
      return false;
    }
    for (int i = fills.size() - 1; i >= 0; i--) {
      if (fills.get(i).tradeId() == tradeId) {
        return true;
      }
    }
    return false;
  }

  public void addFill(Fill fill) {
    if (fills == null) {
      fills = new ArrayList<>(2);
    }
    fills.add(fill);
  }

  public boolean seenExecution(String executionId) {
    if (executionIds == null || executionId == null) {
      return false;
    }
    for (String id : executionIds) {
      if (executionId.equals(id)) {
        return true;
      }
    }
    return false;
  }

  public void rememberExecution(String executionId) {
    if (executionId == null) {
      return;
    }
    if (executionIds == null) {
      executionIds = new String[EXECUTION_RING];
    }
    executionIds[executionCursor] = executionId;
    executionCursor = (executionCursor + 1) % EXECUTION_RING;
  }

  public OrderEvent event(EventType type, long sequence, Fill lastFill, Amendment amendment) {
    return new OrderEvent(type, sequence, key.orderId(), clientOrderId, key.symbol(), orderType, side, quantity, price,
        status, filledQuantity, averagePrice, createdAt, updatedAt, account, errorMessage, lastFill, details,
        amendment);
  }

  public TrackedOrder snapshot() {
    return new TrackedOrder(key.orderId(), clientOrderId, key.symbol(), orderType, side, quantity, price, status,
        filledQuantity, averagePrice, createdAt, updatedAt, errorMessage, history, fills, exchangeResponse, account,
        details, amendments);
  }

  /** Rebuilds a record from a snapshot (restore after a restart or a fail-over). */
  public static OrderRecord restore(TrackedOrder order) {
    OrderRecord r = new OrderRecord(order.key(), order.status(), order.createdAt());
    r.describe(order.clientOrderId(), order.orderType(), order.side(), order.quantity(), order.price(),
        order.account(), order.exchangeResponse(), null);
    r.filledQuantity = order.filledQuantity();
    r.averagePrice = order.averagePrice();
    r.quoteQuantity = order.averagePrice() == null ? null : order.averagePrice().multiply(order.filledQuantity());
    r.updatedAt = order.updatedAt();
    r.errorMessage = order.errorMessage();
    r.details = order.details();
    if (!order.amendments().isEmpty()) {
      r.amendments = new ArrayList<>(order.amendments());
    }
    r.history.addAll(order.statusHistory());
    for (Fill f : order.fills()) {
      r.addFill(f);
    }
    return r;
  }

  /** The status history, oldest first (read-only view for the core's tests and journal). */
  public List<StatusChange> history() {
    return java.util.Collections.unmodifiableList(history);
  }
}
