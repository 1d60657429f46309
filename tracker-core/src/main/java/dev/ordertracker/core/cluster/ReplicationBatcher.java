package dev.ordertracker.core.cluster;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.core.EventSink;
import dev.ordertracker.core.TrackerJournal;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Holds the tracker's accepted changes and events back until they are replicated: the core journals every changed
 * order and emits every event here (instead of to the event bus); {@link #flush()} commits what accumulated as one
 * batch through the {@link TrackerStateReplica} and only then publishes the batch's events, in sequence order, and
 * completes the futures the service replies wait on. So an update is acknowledged only once replicated, and no event
 * leaves the tracker before the change it reports is durable in the cluster.
 *
 * <p>One batch is in flight at a time; changes arriving meanwhile form the next batch (group commit). After a batch
 * is published and nothing else is waiting, a small marker commit records that its events left
 * ({@code publishedThrough}), which narrows what a successor republishes to the events of a batch whose publication
 * may have been cut by a crash.
 *
 * <p>Runs on the tracker verticle's context only (the core calls it there; the replica's futures complete there).
 */
final class ReplicationBatcher implements TrackerJournal, EventSink {
  private static final System.Logger LOG = System.getLogger(ReplicationBatcher.class.getName());

  private final TrackerStateReplica replica;
  private final EventSink publisher;
  private final LongSupplier lastSequence;
  private final Supplier<TrackerStats> stats;
  private final Runnable onFenced;
  private final Runnable onCommitted;
  private LinkedHashMap<String, TrackedOrder> orders = new LinkedHashMap<>();
  private List<OrderEvent> events = new ArrayList<>();
  private Promise<Void> next;
  private boolean flushing;
  private boolean fenced;
  private boolean markerDue;
  private long publishedThrough;
  private long historyClearedAt;
  private long batches;

  ReplicationBatcher(TrackerStateReplica replica, EventSink publisher, LongSupplier lastSequence,
                     Supplier<TrackerStats> stats, Runnable onFenced, Runnable onCommitted) {
    this.replica = replica;
    this.publisher = publisher;
    this.lastSequence = lastSequence;
    this.stats = stats;
    this.onFenced = onFenced;
    this.onCommitted = onCommitted;
    ReplicationMeta meta = replica.meta();
    this.publishedThrough = meta.publishedThrough();
    this.historyClearedAt = meta.historyClearedAt();
  }

  @Override
  public void onOrderChanged(TrackedOrder order) {
    orders.put(TrackerStateReplica.orderKey(order), order);
  }

  /** The core's event sink: held until the batch is committed. */
  @Override
  public void publish(OrderEvent event) {
    events.add(event);
  }

  /** Completed orders last updated before now are not restored by a successor (clearHistory). */
  void historyCleared(long epochMillis) {
    historyClearedAt = epochMillis;
    markerDue = true;
  }

  /** Events republished after a takeover; recorded as published by the next commit. */
  void republished(long sequence) {
    publishedThrough = Math.max(publishedThrough, sequence);
    markerDue = true;
  }

  boolean isFenced() {
    return fenced;
  }

  /** No batch in flight and nothing waiting. */
  boolean isIdle() {
    return !flushing && next == null && orders.isEmpty() && events.isEmpty();
  }

  /** The periodic check found another owner while idle. */
  void fence(String reason) {
    if (fenced) {
      return;
    }
    fenced = true;
    LOG.log(System.Logger.Level.WARNING, "tracker fenced: " + reason + "; stepping down");
    onFenced.run();
  }

  long batches() {
    return batches;
  }

  /** Completes when everything accepted so far is replicated and its events published. */
  Future<Void> flush() {
    if (fenced) {
      return Future.failedFuture(new TrackerStateReplica.FencedException("this tracker was fenced off"));
    }
    if (next == null) {
      next = Promise.promise();
    }
    Future<Void> result = next.future();
    if (!flushing) {
      startFlush();
    }
    return result;
  }

  private void startFlush() {
    Promise<Void> done = next;
    next = null;
    if (orders.isEmpty() && events.isEmpty() && !markerDue) {
      done.complete();
      return;
    }
    List<TrackedOrder> batchOrders = new ArrayList<>(orders.values());
    List<OrderEvent> batchEvents = events;
    orders = new LinkedHashMap<>();
    events = new ArrayList<>();
    markerDue = false;
    flushing = true;
    long sequence = lastSequence.getAsLong();
    replica.commit(batchOrders, batchEvents, sequence, publishedThrough, historyClearedAt, stats.get())
        .onComplete(result -> {
          flushing = false;
          if (result.succeeded()) {
            batches++;
            onCommitted.run();
            for (OrderEvent event : batchEvents) {
              publisher.publish(event);
            }
            if (!batchEvents.isEmpty()) {
              publishedThrough = batchEvents.get(batchEvents.size() - 1).sequence();
              markerDue = true;
            }
            done.complete();
          } else if (result.cause() instanceof TrackerStateReplica.FencedException) {
            fenced = true;
            LOG.log(System.Logger.Level.WARNING, "tracker fenced: " + result.cause().getMessage()
                + "; dropping " + batchEvents.size() + " unpublished event(s) and stepping down");
            done.fail(result.cause());
            if (next != null) {
              next.fail(result.cause());
              next = null;
            }
            onFenced.run();
            return;
          } else {
            // Not replicated (cluster trouble): keep the batch in front of what came since and retry with it.
            LOG.log(System.Logger.Level.WARNING, "replicating " + batchOrders.size() + " order(s) failed, will retry: "
                + result.cause());
            requeue(batchOrders, batchEvents);
            done.fail(result.cause());
          }
          if (next != null || markerDue) {
            if (next == null) {
              next = Promise.promise();
            }
            startFlush();
          }
        });
  }

  private void requeue(List<TrackedOrder> batchOrders, List<OrderEvent> batchEvents) {
    LinkedHashMap<String, TrackedOrder> merged = new LinkedHashMap<>();
    batchOrders.forEach(o -> merged.put(TrackerStateReplica.orderKey(o), o));
    merged.putAll(orders);
    orders = merged;
    List<OrderEvent> allEvents = new ArrayList<>(batchEvents);
    allEvents.addAll(events);
    events = allEvents;
  }
}
