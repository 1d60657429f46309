package dev.ordertracker.core.state;

import dev.ordertracker.api.Amendment;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.NewOrder;
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
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The mutable state of one order, and the only code that changes it: a report is applied by {@link #apply}, in the
 * fixed order duplicate (execution id, trade id) → transition ({@link OrderStateMachine}) → the mutation of its
 * verdict (quantities and fill, amendment, prevention, late fill, status and history), and answered with a
 * {@link Decision}. Owned by {@code OrderTrackerCore}, hence by the tracker verticle's context: it never leaves the
 * core; everybody else gets {@link #snapshot()}s. Kept compact (about 0.5 KiB without fills): the fill list and the
 * ring of recent execution ids are allocated on first use.
 */
public final class OrderRecord {
  /** How many recent execution ids an order remembers for duplicate detection. */
  static final int EXECUTION_RING = 8;
  private static final String LOST_MESSAGE =
      "order lost: the exchange no longer knows it and no trade explains its end";
  private static final String FAILED_MESSAGE = "order failed (no reason reported)";

  private final OrderKey key;
  private String clientOrderId;
  private OrderType orderType;
  private OrderSide side;
  private BigDecimal quantity;
  private BigDecimal price;
  private String account;
  private JsonObject exchangeResponse;
  private OrderStatus status;
  private BigDecimal filledQuantity = BigDecimal.ZERO;
  /** Cumulative quote quantity; null when unknown (then the average price may be an explicit one). */
  private BigDecimal quoteQuantity;
  private BigDecimal averagePrice;
  private Instant createdAt;
  private Instant updatedAt;
  private String errorMessage;
  /** Immutable; replaced (not edited) when a report changes it, so snapshots and events share it. */
  private OrderDetails details = OrderDetails.NONE;
  private ArrayList<Amendment> amendments;
  private final ArrayList<StatusChange> history = new ArrayList<>(4);
  private ArrayList<Fill> fills;
  private String[] executionIds;
  private int executionCursor;

  private OrderRecord(OrderKey key, OrderStatus status, Instant now) {
    this.key = key;
    this.status = status;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A new order from {@code trackOrder}: PENDING, its first history entry {@code null → PENDING}. */
  public static OrderRecord pending(OrderKey key, NewOrder order, Instant now) {
    OrderRecord r = new OrderRecord(key, OrderStatus.PENDING, now);
    r.merge(order);
    r.setStatus(OrderStatus.PENDING, now, null);
    return r;
  }

  /**
   * An order first seen in the stream, started from a report that describes it (see
   * {@link OrderUpdate#describesOrder()}): history {@code null → status}; the core answers {@link Decision#started}.
   */
  public static OrderRecord fromReport(OrderKey key, OrderUpdate u, Instant now) {
    OrderRecord r = new OrderRecord(key, u.status(), now);
    r.clientOrderId = u.clientOrderId();
    r.orderType = u.orderType();
    r.side = u.side();
    r.quantity = u.quantity();
    r.price = u.price();
    r.account = u.account();
    r.createdEarlier(u.createdAt());
    r.mergeDetails(u.details());
    if (u.cumulativeFilledQuantity().signum() > 0) {
      r.applyQuantities(u, null, now);
    }
    if (u.lastFill() != null) {
      r.addFill(u.lastFill());
    }
    r.rememberExecution(u.executionId());
    r.setStatus(u.status(), now, errorOf(u));
    return r;
  }

  /** Rebuilds a record from a snapshot (restore after a restart or a fail-over). */
  public static OrderRecord restore(TrackedOrder order) {
    OrderRecord r = new OrderRecord(order.key(), order.status(), order.createdAt());
    r.clientOrderId = order.clientOrderId();
    r.orderType = order.orderType();
    r.side = order.side();
    r.quantity = order.quantity();
    r.price = order.price();
    r.account = order.account();
    r.exchangeResponse = order.exchangeResponse();
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

  // ------------------------------------------------------------------------------------------------ mutations

  /**
   * {@code trackOrder} of a known order: the caller's details (client id, type, side, quantity, price, account,
   * exchange response, earliest creation time) replace the known ones; status, history and fills stay.
   */
  public void merge(NewOrder order) {
    if (order.clientOrderId() != null) {
      clientOrderId = order.clientOrderId();
    }
    if (order.orderType() != null) {
      orderType = order.orderType();
    }
    if (order.side() != null) {
      side = order.side();
    }
    if (order.quantity() != null) {
      quantity = order.quantity();
    }
    if (order.price() != null) {
      price = order.price();
    }
    if (order.account() != null) {
      account = order.account();
    }
    if (order.exchangeResponse() != null) {
      exchangeResponse = order.exchangeResponse();
    }
    createdEarlier(order.createdAt());
  }

  /** The earliest creation time anybody reported wins. */
  private void createdEarlier(Instant created) {
    if (created != null && (createdAt == null || created.isBefore(createdAt))) {
      createdAt = created;
    }
  }

  /**
   * Applies an exchange report and answers what it decided. A refused report changes nothing but, at most, details
   * still unknown (and the trade of an older report, so that the fills list is complete).
   *
   * @param explicitAverage the average price a caller stated ({@code updateOrderStatus}), or null
   * @param clock           read once, and only when the report changes the order
   */
  public Decision apply(OrderUpdate u, BigDecimal explicitAverage, InstantSource clock) {
    String executionId = u.executionId();
    if (executionId != null && seenExecution(executionId)) {
      return Decision.refused(Verdict.DUPLICATE, false,
          Decision.Refusal.because("execution id '" + executionId + "' already applied"));
    }
    Fill fill = u.lastFill();
    if (fill != null && hasTrade(fill.tradeId())) {
      return Decision.refused(Verdict.DUPLICATE, false,
          Decision.Refusal.because("trade " + fill.tradeId() + " already recorded"));
    }
    int quantityCmp = u.cumulativeFilledQuantity().compareTo(filledQuantity);
    Verdict verdict = OrderStateMachine.decide(status, u.kind(), u.status(), compare(u, quantityCmp));
    switch (verdict) {
      case DUPLICATE:
        // Same status and quantities (or nothing new for its kind): its details may still be news (a stop order
        // now working, a list id first seen here). Recorded without an event: no status or quantity changed.
        return Decision.refused(verdict, mergeDetails(u.details()), facts(verdict, u));
      case STALE:
        boolean filledIn = fillInDetails(u.details()); // an older report: only what is still unknown is taken
        if (fill != null) {
          // Reordered stream: a report older than what we know, carrying a trade we never recorded (its quantity
          // is already inside the known cumulative quantity). Status and quantities stay; the fill is kept so that
          // the fills list is complete. No event.
          addFill(fill);
          rememberExecution(executionId);
          return Decision.refused(verdict, true, Decision.Refusal.because("older than the known state; its trade "
              + fill.tradeId() + " was recorded"));
        }
        return Decision.refused(verdict, filledIn, facts(verdict, u));
      case ILLEGAL:
        return Decision.refused(verdict, false, facts(verdict, u));
      case AMEND:
        return amend(u, clock.instant());
      case PREVENT:
        return prevent(u, clock.instant());
      case LATE_FILL:
        return lateFill(u, explicitAverage, clock.instant());
      default:
        return applyStatus(u, quantityCmp, explicitAverage, clock.instant());
    }
  }

  /** How a report compares with what is known, as the transition table's columns define it per kind. */
  private int compare(OrderUpdate u, int quantityCmp) {
    switch (u.kind()) {
      case AMENDMENT: return amendmentChanges(u.quantity(), u.clientOrderId()) ? 1 : 0;
      case TRADE_PREVENTION: return details.preventedCompare(u.details());
      default: return quantityCmp;
    }
  }

  private Decision.Refusal facts(Verdict verdict, OrderUpdate u) {
    return Decision.Refusal.of(verdict, status, u.status(), filledQuantity, u.cumulativeFilledQuantity());
  }

  /** APPLY: quantities and fill, what the report first tells (client id, account), details, then the status. */
  private Decision applyStatus(OrderUpdate u, int quantityCmp, BigDecimal explicitAverage, Instant now) {
    if (quantityCmp > 0) {
      applyQuantities(u, explicitAverage, now);
    } else if (explicitAverage != null) {
      setQuantities(filledQuantity, explicitAverage.multiply(filledQuantity), explicitAverage, now);
    }
    if (u.lastFill() != null) {
      addFill(u.lastFill());
    }
    rememberExecution(u.executionId());
    if (clientOrderId == null) {
      clientOrderId = u.clientOrderId();
    }
    if (account == null) {
      account = u.account();
    }
    mergeDetails(u.details());
    setStatus(u.status(), now, errorOf(u));
    return Decision.started(u);
  }

  /**
   * AMEND, an in-place amendment: new quantity and client id (null: kept), an amendment entry, ORDER_AMENDED.
   * Status, filled quantity and fills stay.
   */
  private Decision amend(OrderUpdate u, Instant now) {
    Amendment a = new Amendment(now, quantity, u.quantity() != null ? u.quantity() : quantity, clientOrderId,
        u.clientOrderId() != null ? u.clientOrderId() : clientOrderId);
    quantity = a.newQuantity();
    clientOrderId = a.newClientOrderId();
    updatedAt = now;
    if (amendments == null) {
      amendments = new ArrayList<>(2);
    }
    amendments.add(a);
    mergeDetails(u.details());
    rememberExecution(u.executionId());
    return Decision.applied(Verdict.AMEND, EventType.ORDER_AMENDED, null, a);
  }

  /**
   * PREVENT: self-trade prevention decremented an order that stays open: the prevented quantities (and so the
   * remaining quantity) change, the status does not. The event of the current status is published again, because
   * fields of its body changed (execution_type = TRADE_PREVENTION tells it apart); a PENDING order publishes nothing.
   */
  private Decision prevent(OrderUpdate u, Instant now) {
    mergeDetails(u.details());
    updatedAt = now;
    rememberExecution(u.executionId());
    return Decision.applied(Verdict.PREVENT, EventType.forStatus(status), null, null);
  }

  /** LATE_FILL (race 2): the order is final; a fill from before its end arrives now. No event. */
  private Decision lateFill(OrderUpdate u, BigDecimal explicitAverage, Instant now) {
    applyQuantities(u, explicitAverage, now);
    if (u.lastFill() != null) {
      addFill(u.lastFill());
    }
    rememberExecution(u.executionId());
    return Decision.applied(Verdict.LATE_FILL, null, null, null);
  }

  /** The error message of a report that ends the order: the reported one, else a default for LOST and FAILED. */
  private static String errorOf(OrderUpdate u) {
    if (u.errorMessage() != null) {
      return u.errorMessage();
    }
    if (u.lost()) {
      return LOST_MESSAGE;
    }
    return u.status() == OrderStatus.FAILED ? FAILED_MESSAGE : null;
  }

  /**
   * Takes what an applied report says about the order's terms and execution state (it replaces what is known).
   * A pegged order's price is the pegged price in use. Answers whether anything changed.
   */
  private boolean mergeDetails(OrderDetails reported) {
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
   * Takes from a refused (older) report only the details still unknown; nothing known is overwritten and nothing
   * is published. Answers whether anything changed.
   */
  private boolean fillInDetails(OrderDetails reported) {
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
  private boolean amendmentChanges(BigDecimal newQuantity, String newClientOrderId) {
    return newQuantity != null && (quantity == null || newQuantity.compareTo(quantity) != 0)
        || newClientOrderId != null && !newClientOrderId.equals(clientOrderId);
  }

  private void setStatus(OrderStatus newStatus, Instant now, String error) {
    OrderStatus old = history.isEmpty() ? null : status;
    status = newStatus;
    if (error != null) {
      errorMessage = error;
    }
    updatedAt = now;
    history.add(new StatusChange(now, old, newStatus, filledQuantity, averagePrice, error));
  }

  private void setQuantities(BigDecimal filled, BigDecimal quote, BigDecimal average, Instant now) {
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
  private void applyQuantities(OrderUpdate u, BigDecimal explicitAverage, Instant now) {
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

  private boolean hasTrade(long tradeId) {
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

  private void addFill(Fill fill) {
    if (fills == null) {
      fills = new ArrayList<>(2);
    }
    fills.add(fill);
  }

  private boolean seenExecution(String executionId) {
    if (executionIds == null) {
      return false;
    }
    for (String id : executionIds) {
      if (executionId.equals(id)) {
        return true;
      }
    }
    return false;
  }

  private void rememberExecution(String executionId) {
    if (executionId == null) {
      return;
    }
    if (executionIds == null) {
      executionIds = new String[EXECUTION_RING];
    }
    executionIds[executionCursor] = executionId;
    executionCursor = (executionCursor + 1) % EXECUTION_RING;
  }

  // --------------------------------------------------------------------------------------------------- reading

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

  public boolean isFinal() {
    return status.isFinal();
  }

  public BigDecimal filledQuantity() {
    return filledQuantity;
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
    return amendments == null ? List.of() : Collections.unmodifiableList(amendments);
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
}
