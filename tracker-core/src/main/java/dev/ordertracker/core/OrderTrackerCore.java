package dev.ordertracker.core;

import dev.ordertracker.api.Amendment;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderList;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.StatusUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.api.UpdateResult;
import dev.ordertracker.core.book.OrderBook;
import dev.ordertracker.core.lists.OrderLists;
import dev.ordertracker.core.state.OrderRecord;
import dev.ordertracker.core.state.OrderStateMachine;
import dev.ordertracker.core.state.Verdict;
import dev.ordertracker.core.stats.TrackerCounters;
import dev.ordertracker.core.stats.TrackerMetrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The tracker without Vert.x: applies orders and updates to the {@link OrderBook} through the
 * {@link OrderStateMachine} and emits {@link OrderEvent}s to an {@link EventSink}.
 *
 * <p>Single-threaded: owned by the tracker verticle's context (or a benchmark/test thread); no locks. Every update
 * goes through the same fixed steps: identity (find the order, or start it from the stream) → duplicate
 * (execution id, trade id) → transition (the table, by the update's kind) → mutation (quantities, fill, details,
 * amendment, status, history) → book (final orders move to the bounded history) → journal → event. The state is always updated before the event is emitted,
 * and an emit failure is counted and logged but never undoes the change.
 *
 * <p>Lookups by order id: with a symbol they are exact; without one the id must match exactly one known order,
 * active or in history, else {@link TrackerErrors#AMBIGUOUS} naming the symbols; no match is
 * {@link TrackerErrors#NOT_FOUND}.
 */
public final class OrderTrackerCore {
  private static final System.Logger LOG = System.getLogger(OrderTrackerCore.class.getName());

  private final OrderBook book;
  private final OrderLists lists;
  private final TrackerCounters counters = new TrackerCounters();
  private final EventSink sink;
  private final TrackerJournal journal;
  private final TrackerMetrics metrics;
  private final InstantSource clock;
  private final List<OrderRecord> evicted = new ArrayList<>();
  private long lastSequence;

  // The last decision, so that the fast path (apply) allocates nothing and a result is built only when asked for.
  private OrderRecord lastRecord;
  private EventType lastEventType;
  private long lastEventSequence = -1;
  private Verdict lastVerdict;
  private String lastReason;
  private OrderStatus lastFrom;
  private OrderStatus lastTo;
  private BigDecimal lastReported;

  private OrderTrackerCore(Builder b) {
    this.book = new OrderBook(b.maxHistorySize);
    this.lists = new OrderLists(b.maxHistorySize);
    this.lastSequence = b.initialSequence;
    this.sink = b.sink;
    this.journal = b.journal;
    this.metrics = b.metrics;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------------------------------------------- commands

  /**
   * Starts tracking an order in PENDING (no event), or merges the details into the order already known under the
   * same (symbol, order id): its status, history and fills are kept.
   */
  public TrackedOrder trackOrder(NewOrder order) {
    OrderRecord r = book.find(order.key());
    if (r != null) {
      String oldClientId = r.clientOrderId();
      r.describe(order.clientOrderId(), order.orderType(), order.side(), order.quantity(), order.price(),
          order.account(), order.exchangeResponse(), order.createdAt());
      if (order.clientOrderId() != null && !order.clientOrderId().equals(oldClientId)) {
        book.unindexClientId(oldClientId, r.key());
        book.indexClientId(r);
      }
      changed(r);
      return r.snapshot();
    }
    OrderRecord known = knownUnderExchangeId(order);
    if (known != null) {
      return known.snapshot(); // the stream was first: no placeholder beside the real order
    }
    adoptPlaceholder(order.symbol(), order.orderId(), order.clientOrderId());
    Instant now = clock.instant();
    r = new OrderRecord(new OrderKey(book.symbol(order.symbol()), order.orderId()), OrderStatus.PENDING, now);
    r.describe(order.clientOrderId(), order.orderType(), order.side(), order.quantity(), order.price(),
        order.account(), order.exchangeResponse(), order.createdAt());
    r.setStatus(OrderStatus.PENDING, now, null);
    counters.totalTracked++;
    book.add(r, evicted);
    changed(r);
    sizesChanged();
    return r.snapshot();
  }

  /** Applies an exchange report and answers the full result (with a snapshot of the order). */
  public UpdateResult applyUpdate(OrderUpdate update) {
    return result(apply(update));
  }

  /**
   * Applies an exchange report; the fast path, allocation-light, answering only the outcome.
   *
   * @throws TrackerException 404 when the order is unknown and the report does not describe it
   */
  public UpdateOutcome apply(OrderUpdate update) {
    OrderRecord r = book.find(update.key());
    if (r == null) {
      if (!update.describesOrder()) {
        counters.unknownOrders++;
        metrics.unknownOrder();
        LOG.log(System.Logger.Level.INFO, () -> "update for unknown order " + update.key() + " ("
            + update.status() + ") refused: it does not describe the order");
        throw TrackerException.notFound("unknown order " + update.key()
            + " and the update does not describe it (order_type, side and quantity are needed to start tracking)");
      }
      adoptPlaceholder(update.symbol(), update.orderId(), update.clientOrderId());
      return startFromStream(update);
    }
    return applyTo(r, update, null);
  }

  /**
   * Issue 14, one order = one record: an executor whose placement answer was "outcome unknown" (5xx, -1006, -1007)
   * tracks the order PENDING under its client order id (which it chose), the exchange id being unknown. When the
   * exchange's order shows up under its id — by the stream, the late answer or a query, whichever is first — that
   * placeholder (still PENDING, order id = client order id, same symbol) is dropped and the order is tracked under
   * its exchange id. A PENDING placeholder has published no event, so no consumer saw it. (Not written to a
   * journal: a placeholder restored from a store stays PENDING until the adapter gives it up as lost.) Conversely
   * a placeholder is not created for a client id already tracked under an exchange id on the symbol (the stream was
   * first): {@code trackOrder} answers that order.
   */
  private OrderRecord knownUnderExchangeId(NewOrder order) {
    String clientId = order.clientOrderId();
    if (clientId == null || !clientId.equals(order.orderId())) {
      return null;
    }
    OrderRecord k = book.byClientId(clientId);
    return k != null && k.symbol().equals(order.symbol()) && !k.orderId().equals(clientId) ? k : null;
  }

  private void adoptPlaceholder(String symbol, String orderId, String clientOrderId) {
    if (clientOrderId == null || clientOrderId.equals(orderId)) {
      return;
    }
    OrderRecord p = book.find(new OrderKey(symbol, clientOrderId));
    if (p != null && p.status() == OrderStatus.PENDING && clientOrderId.equals(p.clientOrderId())) {
      book.removeActive(p);
      counters.totalTracked--;
      sizesChanged();
    }
  }

  /**
   * Applies the product brief's status update: status plus, optionally, the cumulative filled quantity and an
   * explicit average price. FILLED without a quantity means "all of it" when the order quantity is known.
   *
   * @throws TrackerException 404 unknown order, 409 ambiguous order id without a symbol
   */
  public UpdateResult updateOrderStatus(StatusUpdate update) {
    OrderRecord r = resolve(update.orderId(), update.symbol());
    BigDecimal filled = update.filledQuantity();
    if (filled == null) {
      boolean allOfIt = update.status() == OrderStatus.FILLED && r.quantity() != null
          && r.quantity().compareTo(r.filledQuantity()) > 0;
      filled = allOfIt ? r.quantity() : r.filledQuantity();
    }
    OrderUpdate asReport = new OrderUpdate(r.orderId(), r.symbol(), update.status(), filled, null, null, null, null,
        update.errorMessage(), null, null, null, null, null, null, null, false);
    return result(applyTo(r, asReport, update.averagePrice()));
  }

  /** Empties the history of completed orders; answers how many were dropped. */
  public int clearHistory() {
    int n = book.clearHistory();
    if (n > 0) {
      journal.onHistoryDropped(n);
    }
    sizesChanged();
    return n;
  }

  /**
   * Loads the state a journal saved, into an empty tracker: active orders, completed orders oldest first, the last
   * sequence (events continue after it, never reusing one) and the counters (may be null).
   */
  public void restore(Collection<TrackedOrder> active, List<TrackedOrder> historyOldestFirst, long sequence,
                      TrackerStats stats) {
    if (book.activeSize() + book.historySize() > 0) {
      throw new IllegalStateException("restore needs an empty tracker");
    }
    for (TrackedOrder o : historyOldestFirst) {
      if (!o.isFinal()) {
        throw new IllegalArgumentException("history order " + o.key() + " is not final: " + o.status());
      }
      book.add(OrderRecord.restore(o), evicted);
    }
    for (TrackedOrder o : active) {
      book.add(OrderRecord.restore(o), evicted);
    }
    for (OrderRecord r : book.active(null)) {
      noteLeg(r.symbol(), r.orderId(), r.clientOrderId(), r.details().orderListId(), r.account());
    }
    for (OrderRecord r : book.historyOldestFirst()) {
      noteLeg(r.symbol(), r.orderId(), r.clientOrderId(), r.details().orderListId(), r.account());
    }
    evicted.clear();
    lastSequence = Math.max(lastSequence, sequence);
    if (stats != null) {
      counters.restore(stats);
    }
    sizesChanged();
  }

  // ----------------------------------------------------------------------------------------------------- queries

  /** @throws TrackerException 404 unknown, 409 ambiguous id without a symbol */
  public TrackedOrder getOrder(String orderId, String symbol) {
    return resolve(orderId, symbol).snapshot();
  }

  /** The most recent order placed with this client id. @throws TrackerException 404 */
  public TrackedOrder getOrderByClientId(String clientOrderId) {
    OrderRecord r = book.byClientId(clientOrderId);
    if (r == null) {
      throw TrackerException.notFound("no order with client_order_id '" + clientOrderId + "'");
    }
    return r.snapshot();
  }

  /** Active orders, oldest first, all or of one symbol. */
  public List<TrackedOrder> getActiveOrders(String symbol) {
    List<OrderRecord> records = book.active(symbol);
    List<TrackedOrder> out = new ArrayList<>(records.size());
    records.forEach(r -> out.add(r.snapshot()));
    return out;
  }

  /** Completed orders, most recent first, at most {@code limit} (non-positive: all). */
  public List<TrackedOrder> getCompletedOrders(int limit) {
    List<OrderRecord> records = book.completed(limit);
    List<TrackedOrder> out = new ArrayList<>(records.size());
    records.forEach(r -> out.add(r.snapshot()));
    return out;
  }

  /** Applies an exchange list report; answers the list as now known (a newer known report wins). */
  public OrderList applyListUpdate(OrderList report) {
    return lists.apply(report);
  }

  /** @throws TrackerException 404 unknown, 409 ambiguous list id without a symbol */
  public OrderList getOrderList(String orderListId, String symbol) {
    return lists.find(orderListId, symbol);
  }

  public TrackerStats stats() {
    return counters.toStats(book.activeSize(), book.historySize(), lastSequence);
  }

  /** Fills recorded after the order was final (no event published for them). */
  public long lateFills() {
    return counters.lateFills;
  }

  /** Updates refused with 404 because the order is unknown and the update does not describe it. */
  public long unknownOrders() {
    return counters.unknownOrders;
  }

  public long lastSequence() {
    return lastSequence;
  }

  public int activeCount() {
    return book.activeSize();
  }

  public int historyCount() {
    return book.historySize();
  }

  // ------------------------------------------------------------------------------------------------- the steps

  private OrderRecord resolve(String orderId, String symbol) {
    if (symbol != null) {
      OrderRecord r = book.find(new OrderKey(symbol, orderId));
      if (r == null) {
        throw TrackerException.notFound("no order " + symbol + "/" + orderId);
      }
      return r;
    }
    List<OrderKey> keys = book.keysOf(orderId);
    if (keys.isEmpty()) {
      throw TrackerException.notFound("no order with order_id '" + orderId + "'");
    }
    if (keys.size() > 1) {
      TreeSet<String> symbols = new TreeSet<>();
      keys.forEach(k -> symbols.add(k.symbol()));
      throw new TrackerException(TrackerErrors.AMBIGUOUS, "order_id '" + orderId + "' is known on several symbols "
          + symbols + ": pass the symbol");
    }
    return book.find(keys.get(0));
  }

  private UpdateOutcome startFromStream(OrderUpdate u) {
    Instant now = clock.instant();
    OrderRecord r = new OrderRecord(new OrderKey(book.symbol(u.symbol()), u.orderId()), u.status(), now);
    r.describe(u.clientOrderId(), u.orderType(), u.side(), u.quantity(), u.price(), u.account(), null,
        u.createdAt());
    r.mergeDetails(u.details());
    noteLeg(r.symbol(), r.orderId(), r.clientOrderId(), r.details().orderListId(), r.account());
    remember(r, null, null, null, null);
    if (u.cumulativeFilledQuantity().signum() > 0) {
      r.applyQuantities(u, null, now);
    }
    if (u.lastFill() != null) {
      r.addFill(u.lastFill());
    }
    r.rememberExecution(u.executionId());
    counters.totalTracked++;
    finishChange(r, u, now, true);
    return UpdateOutcome.APPLIED;
  }

  private UpdateOutcome applyTo(OrderRecord r, OrderUpdate u, BigDecimal explicitAverage) {
    BigDecimal reported = u.cumulativeFilledQuantity();
    remember(r, null, r.status(), u.status(), reported);
    String executionId = u.executionId();
    if (executionId != null && r.seenExecution(executionId)) {
      return refuse(UpdateOutcome.DUPLICATE, "execution id '" + executionId + "' already applied");
    }
    Fill fill = u.lastFill();
    if (fill != null && r.hasTrade(fill.tradeId())) {
      return refuse(UpdateOutcome.DUPLICATE, "trade " + fill.tradeId() + " already recorded");
    }
    int cmp = reported.compareTo(r.filledQuantity());
    Verdict verdict = OrderStateMachine.classify(u.kind(), r.status(), u.status(), cmp, change(r, u));
    lastVerdict = verdict;
    switch (verdict) {
      case DUPLICATE:
        // Same status and quantities (or nothing new for its kind): its details may still be news (a stop order
        // now working, a list id first seen here). Recorded without an event: no status or quantity changed.
        if (r.mergeDetails(u.details())) {
          changed(r);
        }
        return refuse(UpdateOutcome.DUPLICATE, null);
      case AMEND:
        return amend(r, u);
      case PREVENT:
        return prevent(r, u);
      case STALE:
        if (r.fillInDetails(u.details())) {
          changed(r); // an older report: only what is still unknown is taken from it
        }
        if (fill != null) {
          // Reordered stream: a report older than what we know, carrying a trade we never recorded (its quantity
          // is already inside the known cumulative quantity). Status and quantities stay; the fill is kept so that
          // the fills list is complete. No event.
          r.addFill(fill);
          r.rememberExecution(executionId);
          changed(r);
          return refuse(UpdateOutcome.STALE, "older than the known state; its trade " + fill.tradeId()
              + " was recorded");
        }
        return refuse(UpdateOutcome.STALE, null);
      case ILLEGAL:
        return refuse(UpdateOutcome.ILLEGAL_TRANSITION, null);
      case LATE_FILL:
        return lateFill(r, u, explicitAverage);
      default:
        break;
    }
    Instant now = clock.instant();
    if (cmp > 0) {
      r.applyQuantities(u, explicitAverage, now);
    } else if (explicitAverage != null) {
      r.setQuantities(r.filledQuantity(), explicitAverage.multiply(r.filledQuantity()), explicitAverage, now);
    }
    if (fill != null) {
      r.addFill(fill);
    }
    r.rememberExecution(executionId);
    if (r.clientOrderId() == null && u.clientOrderId() != null) {
      r.describe(u.clientOrderId(), null, null, null, null, null, null, null);
      book.indexClientId(r);
    }
    if (r.account() == null && u.account() != null) {
      r.describe(null, null, null, null, null, u.account(), null, null);
    }
    r.mergeDetails(u.details());
    finishChange(r, u, now, false);
    return UpdateOutcome.APPLIED;
  }

  /** The change a non-status report brings, for the transition table (see {@link OrderStateMachine#classify}). */
  private static int change(OrderRecord r, OrderUpdate u) {
    switch (u.kind()) {
      case AMENDMENT: return r.amendmentChanges(u.quantity(), u.clientOrderId()) ? 1 : 0;
      case TRADE_PREVENTION: return r.details().preventedCompare(u.details());
      default: return 0;
    }
  }

  /**
   * An in-place amendment: new quantity and client id, an amendment entry, one ORDER_AMENDED event. The new client
   * id is indexed; the old one stays indexed too, so either finds the order (until it leaves the history).
   */
  private UpdateOutcome amend(OrderRecord r, OrderUpdate u) {
    Instant now = clock.instant();
    String oldClientId = r.clientOrderId();
    Amendment amendment = r.amend(u.quantity(), u.clientOrderId(), now);
    r.mergeDetails(u.details());
    r.rememberExecution(u.executionId());
    if (r.clientOrderId() != null && !r.clientOrderId().equals(oldClientId)) {
      book.indexClientId(r);
    }
    metrics.update(UpdateOutcome.APPLIED);
    metrics.changed(u.kind());
    changed(r);
    publish(r, EventType.ORDER_AMENDED, null, amendment);
    return UpdateOutcome.APPLIED;
  }

  /**
   * Self-trade prevention decremented an order that stays open: the prevented quantities (and so the remaining
   * quantity) change, the status does not. The event of the current status is published again, because fields of
   * its body changed (prevented_quantity, remaining_quantity, execution_type = TRADE_PREVENTION tells it apart); a
   * PENDING order publishes nothing, as ever.
   */
  private UpdateOutcome prevent(OrderRecord r, OrderUpdate u) {
    r.mergeDetails(u.details());
    r.touch(clock.instant());
    r.rememberExecution(u.executionId());
    metrics.update(UpdateOutcome.APPLIED);
    metrics.changed(u.kind());
    changed(r);
    EventType type = EventType.forStatus(r.status());
    if (type != null) {
      publish(r, type, null, null);
    }
    return UpdateOutcome.APPLIED;
  }

  private void noteLeg(String symbol, String orderId, String clientOrderId, String orderListId, String account) {
    if (orderListId != null) {
      lists.noteLeg(symbol, orderListId, new OrderList.Leg(symbol, orderId, clientOrderId), account);
    }
  }

  /** Status, history, book, counters, journal, then the event: in this order. */
  private void finishChange(OrderRecord r, OrderUpdate u, Instant now, boolean isNew) {
    OrderStatus status = u.status();
    String error = u.errorMessage();
    if (error == null && u.lost()) {
      error = "order lost: the exchange no longer knows it and no trade explains its end";
    } else if (error == null && status == OrderStatus.FAILED) {
      error = "order failed (no reason reported)";
    }
    r.setStatus(status, now, error);
    if (isNew) {
      book.add(r, evicted);
    } else if (status.isFinal()) {
      book.complete(r, evicted);
    }
    if (status.isFinal()) {
      counters.finalStatus(status, u.lost());
      metrics.finalStatus(status);
    }
    metrics.update(UpdateOutcome.APPLIED);
    changed(r);
    EventType type = u.lost() ? EventType.ORDER_LOST : EventType.forStatus(status);
    if (type != null) {
      publish(r, type, u.lastFill(), null);
    }
    if (isNew || status.isFinal()) {
      sizesChanged();
    }
  }

  /** Race 2 of the state machine: the order is final, a fill from before its end arrives now. No event. */
  private UpdateOutcome lateFill(OrderRecord r, OrderUpdate u, BigDecimal explicitAverage) {
    Instant now = clock.instant();
    r.applyQuantities(u, explicitAverage, now);
    if (u.lastFill() != null) {
      r.addFill(u.lastFill());
    }
    r.rememberExecution(u.executionId());
    counters.lateFills++;
    metrics.lateFill();
    LOG.log(System.Logger.Level.DEBUG, () -> "late fill on final order " + r.key() + " (" + r.status()
        + "): cumulative filled now " + r.filledQuantity().toPlainString() + "; no event published");
    changed(r);
    return UpdateOutcome.APPLIED;
  }

  private UpdateOutcome refuse(UpdateOutcome outcome, String reason) {
    lastReason = reason;
    switch (outcome) {
      case DUPLICATE:
        counters.duplicateUpdates++;
        LOG.log(System.Logger.Level.TRACE, () -> "duplicate update of " + lastRecord.key() + ": " + reason());
        break;
      case STALE:
        counters.rejectedUpdates++;
        LOG.log(System.Logger.Level.DEBUG, () -> "stale update of " + lastRecord.key() + ": " + reason());
        break;
      default:
        counters.rejectedUpdates++;
        LOG.log(System.Logger.Level.INFO, () -> "illegal update of " + lastRecord.key() + ": " + reason());
        break;
    }
    metrics.update(outcome);
    return outcome;
  }

  private void publish(OrderRecord r, EventType type, Fill fill, Amendment amendment) {
    long sequence = ++lastSequence;
    lastEventType = type;
    lastEventSequence = sequence;
    emit(r.event(type, sequence, fill, amendment));
  }

  private void emit(OrderEvent event) {
    try {
      sink.publish(event);
      counters.eventsPublished++;
      metrics.published(event.eventType());
    } catch (RuntimeException e) {
      counters.publishFailures++;
      metrics.publishFailed();
      LOG.log(System.Logger.Level.WARNING, "publishing " + event.eventType() + " #" + event.sequence() + " of "
          + event.symbol() + "/" + event.orderId() + " failed; the state change stands", e);
    }
    if (journal != TrackerJournal.NONE) {
      journal.onEventPublished(event);
    }
  }

  private void changed(OrderRecord r) {
    if (journal != TrackerJournal.NONE) {
      journal.onOrderChanged(r.snapshot());
    }
    if (!evicted.isEmpty()) {
      if (journal != TrackerJournal.NONE) {
        journal.onHistoryDropped(evicted.size());
      }
      evicted.clear();
    }
  }

  private void sizesChanged() {
    metrics.sizes(book.activeSize(), book.historySize());
  }

  private void remember(OrderRecord r, EventType type, OrderStatus from, OrderStatus to, BigDecimal reported) {
    lastRecord = r;
    lastEventType = type;
    lastEventSequence = -1;
    lastVerdict = null;
    lastReason = null;
    lastFrom = from;
    lastTo = to;
    lastReported = reported;
  }

  private String reason() {
    if (lastReason == null && lastVerdict != null) {
      lastReason = OrderStateMachine.explain(lastVerdict, lastFrom, lastTo, lastRecord.filledQuantity(),
          lastReported);
    }
    return lastReason;
  }

  private UpdateResult result(UpdateOutcome outcome) {
    TrackedOrder order = lastRecord.snapshot();
    if (outcome == UpdateOutcome.APPLIED) {
      return UpdateResult.applied(order, lastEventType, lastEventSequence);
    }
    return UpdateResult.refused(outcome, order, reason());
  }

  /** Configuration of a core; defaults: history 1000, sequence 0, no sink, no journal, no metrics, wall clock. */
  public static final class Builder {
    private int maxHistorySize = 1000;
    private long initialSequence;
    private EventSink sink = EventSink.NONE;
    private TrackerJournal journal = TrackerJournal.NONE;
    private TrackerMetrics metrics = TrackerMetrics.NONE;
    private InstantSource clock = () -> Instant.ofEpochMilli(System.currentTimeMillis());

    private Builder() {
    }

    public Builder maxHistorySize(int value) {
      this.maxHistorySize = value;
      return this;
    }

    public Builder initialSequence(long value) {
      this.initialSequence = value;
      return this;
    }

    public Builder sink(EventSink value) {
      this.sink = java.util.Objects.requireNonNull(value);
      return this;
    }

    public Builder journal(TrackerJournal value) {
      this.journal = java.util.Objects.requireNonNull(value);
      return this;
    }

    public Builder metrics(TrackerMetrics value) {
      this.metrics = java.util.Objects.requireNonNull(value);
      return this;
    }

    /** Timestamps of changes; must answer millisecond-precision instants (the wire format's precision). */
    public Builder clock(InstantSource value) {
      this.clock = java.util.Objects.requireNonNull(value);
      return this;
    }

    public OrderTrackerCore build() {
      return new OrderTrackerCore(this);
    }
  }
}
