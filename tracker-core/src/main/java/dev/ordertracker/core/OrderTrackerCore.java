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
import dev.ordertracker.core.index.OrderIndex;
import dev.ordertracker.core.lists.OrderLists;
import dev.ordertracker.core.state.Decision;
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
import java.util.Objects;

/**
 * The tracker without Vert.x: finds the order of each update in the {@link OrderIndex}, lets the order apply it
 * ({@link OrderRecord#apply}: duplicate → the {@link OrderStateMachine}'s table → mutation, answered as a
 * {@link Decision}), then does what the decision calls for and emits {@link OrderEvent}s to an {@link EventSink}.
 *
 * <p>Single-threaded: owned by the tracker verticle's context (or a benchmark/test thread); no locks. Every update
 * goes through the same fixed steps: identity (find the order, or start it from the stream) → the order applies it
 * (one call) → index (final orders move to the bounded history; a new client id is indexed) → counters and
 * metrics → journal → event. The state is always updated before the event is emitted, and an emit failure is counted
 * and logged but never undoes the change. Nothing of a decision is kept after the call that made it.
 *
 * <p>Lookups by order id: with a symbol they are exact; without one the id must match exactly one known order,
 * active or in history, else {@link TrackerErrors#AMBIGUOUS} naming the symbols; no match is
 * {@link TrackerErrors#NOT_FOUND}.
 */
public final class OrderTrackerCore {
  private static final System.Logger LOG = System.getLogger(OrderTrackerCore.class.getName());

  private final OrderIndex index;
  private final OrderLists lists;
  private final TrackerCounters counters = new TrackerCounters();
  private final EventSink sink;
  private final TrackerJournal journal;
  private final TrackerMetrics metrics;
  private final InstantSource clock;
  private final List<OrderRecord> evicted = new ArrayList<>();
  private long lastSequence;

  private OrderTrackerCore(Builder b) {
    this.index = new OrderIndex(b.maxHistorySize);
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
    OrderRecord r = index.find(order.key());
    if (r != null) {
      String oldClientId = r.clientOrderId();
      r.merge(order);
      if (order.clientOrderId() != null && !order.clientOrderId().equals(oldClientId)) {
        index.unindexClientId(oldClientId, r.key());
        index.indexClientId(r);
      }
      changed(r);
      return r.snapshot();
    }
    OrderRecord known = knownUnderExchangeId(order);
    if (known != null) {
      return known.snapshot(); // the stream was first: no placeholder beside the real order
    }
    adoptPlaceholder(order.symbol(), order.orderId(), order.clientOrderId());
    r = OrderRecord.pending(new OrderKey(index.symbol(order.symbol()), order.orderId()), order, clock.instant());
    counters.totalTracked++;
    index.add(r, evicted);
    changed(r);
    sizesChanged();
    return r.snapshot();
  }

  /** Applies an exchange report and answers the full result (with a snapshot of the order). */
  public UpdateResult applyUpdate(OrderUpdate update) {
    OrderRecord r = find(update);
    return r == null ? answer(startFromStream(update), Decision.started(update))
        : answer(r, applyTo(r, update, null));
  }

  /**
   * Applies an exchange report; the fast path, answering only the outcome.
   *
   * @throws TrackerException 404 when the order is unknown and the report does not describe it
   */
  public UpdateOutcome apply(OrderUpdate update) {
    OrderRecord r = find(update);
    if (r == null) {
      startFromStream(update);
      return UpdateOutcome.APPLIED;
    }
    return applyTo(r, update, null).outcome();
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
    OrderRecord k = index.byClientId(clientId);
    return k != null && k.symbol().equals(order.symbol()) && !k.orderId().equals(clientId) ? k : null;
  }

  private void adoptPlaceholder(String symbol, String orderId, String clientOrderId) {
    if (clientOrderId == null || clientOrderId.equals(orderId)) {
      return;
    }
    OrderRecord p = index.find(new OrderKey(symbol, clientOrderId));
    if (p != null && p.status() == OrderStatus.PENDING && clientOrderId.equals(p.clientOrderId())) {
      index.removeActive(p);
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
    OrderRecord r = index.resolve(update.orderId(), update.symbol());
    BigDecimal filled = update.filledQuantity();
    if (filled == null) {
      boolean allOfIt = update.status() == OrderStatus.FILLED && r.quantity() != null
          && r.quantity().compareTo(r.filledQuantity()) > 0;
      filled = allOfIt ? r.quantity() : r.filledQuantity();
    }
    OrderUpdate asReport = OrderUpdate.builder(r.symbol(), r.orderId(), update.status())
        .cumulative(filled, null)
        .errorMessage(update.errorMessage())
        .build();
    return answer(r, applyTo(r, asReport, update.averagePrice()));
  }

  /** Empties the history of completed orders; answers how many were dropped. */
  public int clearHistory() {
    int n = index.clearHistory();
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
    if (index.activeSize() + index.historySize() > 0) {
      throw new IllegalStateException("restore needs an empty tracker");
    }
    for (TrackedOrder o : historyOldestFirst) {
      if (!o.isFinal()) {
        throw new IllegalArgumentException("history order " + o.key() + " is not final: " + o.status());
      }
      index.add(OrderRecord.restore(o), evicted);
    }
    for (TrackedOrder o : active) {
      index.add(OrderRecord.restore(o), evicted);
    }
    index.active(null).forEach(this::noteLeg);
    index.historyOldestFirst().forEach(this::noteLeg);
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
    return index.resolve(orderId, symbol).snapshot();
  }

  /** The most recent order placed with this client id. @throws TrackerException 404 */
  public TrackedOrder getOrderByClientId(String clientOrderId) {
    OrderRecord r = index.byClientId(clientOrderId);
    if (r == null) {
      throw TrackerException.notFound("no order with client_order_id '" + clientOrderId + "'");
    }
    return r.snapshot();
  }

  /** Active orders, oldest first, all or of one symbol. */
  public List<TrackedOrder> getActiveOrders(String symbol) {
    List<OrderRecord> records = index.active(symbol);
    List<TrackedOrder> out = new ArrayList<>(records.size());
    records.forEach(r -> out.add(r.snapshot()));
    return out;
  }

  /** Completed orders, most recent first, at most {@code limit} (non-positive: all). */
  public List<TrackedOrder> getCompletedOrders(int limit) {
    List<OrderRecord> records = index.completed(limit);
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
    return counters.toStats(index.activeSize(), index.historySize(), lastSequence);
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
    return index.activeSize();
  }

  public int historyCount() {
    return index.historySize();
  }

  // ------------------------------------------------------------------------------------------------- the steps

  /** Identity: the known order, or null when the report describes an order to start from the stream, else 404. */
  private OrderRecord find(OrderUpdate update) {
    OrderRecord r = index.find(update.key());
    if (r == null && !update.describesOrder()) {
      counters.unknownOrders++;
      metrics.unknownOrder();
      LOG.log(System.Logger.Level.INFO, () -> "update for unknown order " + update.key() + " ("
          + update.status() + ") refused: it does not describe the order");
      throw TrackerException.notFound("unknown order " + update.key()
          + " and the update does not describe it (order_type, side and quantity are needed to start tracking)");
    }
    return r;
  }

  private OrderRecord startFromStream(OrderUpdate u) {
    adoptPlaceholder(u.symbol(), u.orderId(), u.clientOrderId());
    OrderRecord r = OrderRecord.fromReport(new OrderKey(index.symbol(u.symbol()), u.orderId()), u, clock.instant());
    noteLeg(r);
    counters.totalTracked++;
    finish(r, u, Decision.started(u), null, true);
    return r;
  }

  private Decision applyTo(OrderRecord r, OrderUpdate u, BigDecimal explicitAverage) {
    String clientIdBefore = r.clientOrderId();
    Decision d = r.apply(u, explicitAverage, clock);
    finish(r, u, d, clientIdBefore, false);
    return d;
  }

  /**
   * What a decision calls for, in this order: index, counters and metrics, journal, event. A new client id (learnt
   * from a report, or an amendment's) is indexed; the old one keeps finding the order until it leaves the history.
   */
  private void finish(OrderRecord r, OrderUpdate u, Decision d, String clientIdBefore, boolean isNew) {
    switch (d.verdict()) {
      case DUPLICATE:
      case STALE:
      case ILLEGAL:
        if (d.changed()) {
          changed(r);
        }
        refused(r, d);
        return;
      case LATE_FILL:
        counters.lateFills++;
        metrics.lateFill();
        LOG.log(System.Logger.Level.DEBUG, () -> "late fill on final order " + r.key() + " (" + r.status()
            + "): cumulative filled now " + r.filledQuantity().toPlainString() + "; no event published");
        changed(r);
        return;
      case AMEND:
      case PREVENT:
        metrics.changed(u.kind());
        break;
      default:
        if (isNew) {
          index.add(r, evicted);
        } else if (r.isFinal()) {
          index.complete(r, evicted);
        }
        if (r.isFinal()) {
          counters.finalStatus(r.status(), u.lost());
          metrics.finalStatus(r.status());
        }
        break;
    }
    if (!isNew && r.clientOrderId() != null && !r.clientOrderId().equals(clientIdBefore)) {
      index.indexClientId(r);
    }
    metrics.update(UpdateOutcome.APPLIED);
    changed(r);
    if (d.event() != null) {
      publish(r, d.event(), d.fill(), d.amendment());
    }
    if (isNew || d.verdict() == Verdict.APPLY && r.isFinal()) {
      sizesChanged();
    }
  }

  private void refused(OrderRecord r, Decision d) {
    UpdateOutcome outcome = d.outcome();
    switch (outcome) {
      case DUPLICATE:
        counters.duplicateUpdates++;
        LOG.log(System.Logger.Level.TRACE, () -> "duplicate update of " + r.key() + ": " + d.reason());
        break;
      case STALE:
        counters.rejectedUpdates++;
        LOG.log(System.Logger.Level.DEBUG, () -> "stale update of " + r.key() + ": " + d.reason());
        break;
      default:
        counters.rejectedUpdates++;
        LOG.log(System.Logger.Level.INFO, () -> "illegal update of " + r.key() + ": " + d.reason());
        break;
    }
    metrics.update(outcome);
  }

  /** The full answer; an applied report's event, when it had one, was the last one published. */
  private UpdateResult answer(OrderRecord r, Decision d) {
    TrackedOrder order = r.snapshot();
    if (d.outcome() == UpdateOutcome.APPLIED) {
      return d.event() == null ? UpdateResult.applied(order, null, -1)
          : UpdateResult.applied(order, d.event(), lastSequence);
    }
    return UpdateResult.refused(d.outcome(), order, d.reason());
  }

  private void noteLeg(OrderRecord r) {
    String orderListId = r.details().orderListId();
    if (orderListId != null) {
      lists.noteLeg(r.symbol(), orderListId, new OrderList.Leg(r.symbol(), r.orderId(), r.clientOrderId()),
          r.account());
    }
  }

  private void publish(OrderRecord r, EventType type, Fill fill, Amendment amendment) {
    emit(r.event(type, ++lastSequence, fill, amendment));
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
    metrics.sizes(index.activeSize(), index.historySize());
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
      this.sink = Objects.requireNonNull(value);
      return this;
    }

    public Builder journal(TrackerJournal value) {
      this.journal = Objects.requireNonNull(value);
      return this;
    }

    public Builder metrics(TrackerMetrics value) {
      this.metrics = Objects.requireNonNull(value);
      return this;
    }

    /** Timestamps of changes; must answer millisecond-precision instants (the wire format's precision). */
    public Builder clock(InstantSource value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    public OrderTrackerCore build() {
      return new OrderTrackerCore(this);
    }
  }
}
