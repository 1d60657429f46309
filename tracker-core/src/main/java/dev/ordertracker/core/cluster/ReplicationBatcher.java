package dev.ordertracker.core.cluster;

import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.core.EventSink;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Holds the tracker's accepted changes and events back until they are replicated: the core journals every changed
 * order and emits every event into the {@link ReplicationOutbox} (instead of to the event bus); {@link #flush()}
 * commits what accumulated as one batch through the {@link TrackerStateReplica} and only then publishes the batch's
 * events, in sequence order, and completes the futures the service replies wait on. So an update is acknowledged only once replicated, and no event
 * leaves the tracker before the change it reports is durable in the cluster.
 *
 * <p>One batch is in flight at a time; changes arriving meanwhile form the next batch (group commit). Events count
 * as published only once they have <b>left</b> ({@link #left}: the publisher's writes of them completed), not when
 * they are handed to the publisher: until then every commit carries them in the commit record next to its own
 * batch's events, so a successor republishes them (same sequences) if this node dies first. Once they left and
 * nothing else is waiting, a small marker commit records it ({@code publishedThrough}), which narrows what a
 * successor republishes. (Recording them published when handed over lost an event now and then: a node killed
 * while a write was still queued behind a cold route left a record saying the event was out.)
 *
 * <p>A commit that fails without fencing (cluster trouble) keeps its batch in front of what came since and is
 * retried on a timer with capped exponential backoff ({@code retryInitialMs} doubling up to {@code retryMaxMs}),
 * not only at the next command: in a quiet market the accepted changes still get replicated and their events
 * published as soon as the cluster is back.
 *
 * <p>Bound: {@link #isFull()} once {@code maxBacklog} records (order snapshots and events) wait for replication,
 * or {@code maxLeaving} events wait to leave (each commit carries them: a stuck bus must not grow the record);
 * the service then refuses new commands before applying them (nothing accepted is ever dropped, and the caller
 * knows), and {@link #health()} is DOWN until the backlog drains.
 *
 * <p>Runs on the tracker verticle's context only (the core calls it there; the replica's futures complete there).
 */
final class ReplicationBatcher {
  private static final System.Logger LOG = System.getLogger(ReplicationBatcher.class.getName());

  private final Vertx vertx;
  private final TrackerStateReplica replica;
  private final long retryInitialMs;
  private final long retryMaxMs;
  private final int maxBacklog;
  private final int maxLeaving;
  private final ReplicationOutbox outbox;
  private final EventSink publisher;
  private final LongSupplier lastSequence;
  private final Supplier<TrackerStats> stats;
  private final Runnable onFenced;
  private final Runnable onCommitted;
  private final Supplier<Future<Void>> ownershipReady;
  private Promise<Void> next;
  private boolean flushing;
  private boolean fenced;
  private boolean markerDue;
  private long publishedThrough;
  /** Events handed to the publisher that have not left yet, in sequence order. */
  private final ArrayDeque<OrderEvent> leaving = new ArrayDeque<>();
  private long historyClearedAt;
  private long batches;
  private int inFlightRecords;
  private int consecutiveFailures;
  private long failedCommits;
  private String lastError;
  private long retryTimer = -1;
  private boolean closed;

  ReplicationBatcher(Vertx vertx, TrackerStateReplica replica, ReplicationOutbox outbox, EventSink publisher,
                     LongSupplier lastSequence,
                     Supplier<TrackerStats> stats, Runnable onFenced, Runnable onCommitted,
                     Supplier<Future<Void>> ownershipReady, long retryInitialMs,
                     long retryMaxMs, int maxBacklog, int maxLeaving) {
    this.vertx = vertx;
    this.replica = replica;
    this.retryInitialMs = retryInitialMs;
    this.retryMaxMs = retryMaxMs;
    this.maxBacklog = maxBacklog;
    this.maxLeaving = maxLeaving;
    this.outbox = outbox;
    this.publisher = publisher;
    this.lastSequence = lastSequence;
    this.stats = stats;
    this.onFenced = onFenced;
    this.onCommitted = onCommitted;
    this.ownershipReady = ownershipReady;
    ReplicationMeta meta = replica.meta();
    this.publishedThrough = meta.publishedThrough();
    this.historyClearedAt = meta.historyClearedAt();
  }

  /** Completed orders last updated before now are not restored by a successor (clearHistory). */
  void historyCleared(long epochMillis) {
    historyClearedAt = epochMillis;
    markerDue = true;
  }

  /**
   * Republishes the events a claim found not known published (same sequences); they count as published once they
   * left, like any batch's, and commits carry them until then.
   */
  void republish(List<OrderEvent> events) {
    hand(events);
  }

  private void hand(List<OrderEvent> events) {
    leaving.addAll(events);
    for (OrderEvent event : events) {
      publisher.publish(event);
    }
  }

  /**
   * The publisher's writes completed through {@code sequence} (the publisher calls it, on this context): those
   * events left; a marker commit records it.
   */
  void left(long sequence) {
    while (!leaving.isEmpty() && leaving.peek().sequence() <= sequence) {
      leaving.poll();
    }
    if (sequence <= publishedThrough) {
      return;
    }
    publishedThrough = sequence;
    markerDue = true;
    // During a commit (or a publication inside one) the flush in progress takes the marker along when it ends.
    if (!flushing && retryTimer < 0 && !fenced && !closed) {
      if (next == null) {
        next = Promise.promise();
      }
      startFlush();
    }
  }

  /** Events handed to the publisher that have not left yet (tests). */
  int leaving() {
    return leaving.size();
  }

  boolean isFenced() {
    return fenced;
  }

  /** No batch in flight and nothing waiting. */
  boolean isIdle() {
    return !flushing && next == null && outbox.isEmpty();
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

  /** Records (order snapshots and events) waiting for replication, the batch in flight included. */
  int backlog() {
    return outbox.size() + inFlightRecords;
  }

  /** The backlog reached its bound: new commands are refused until it drains. */
  boolean isFull() {
    return backlog() >= maxBacklog || leaving.size() >= maxLeaving;
  }

  /** DOWN when fenced or full, DEGRADED while commits fail and are retried, else UP. */
  JsonObject health() {
    String status = fenced || isFull() ? Fields.HEALTH_DOWN
        : consecutiveFailures > 0 ? Fields.HEALTH_DEGRADED : Fields.HEALTH_UP;
    return new JsonObject().put(Fields.STATUS, status).put(Fields.BACKLOG, backlog())
        .put(Fields.MAX_BACKLOG, maxBacklog).put(Fields.UNPUBLISHED_EVENTS, leaving.size())
        .put(Fields.CONSECUTIVE_FAILURES, consecutiveFailures)
        .put(Fields.FAILED_BATCHES, failedCommits).put(Fields.LAST_ERROR, fenced ? "fenced" : lastError);
  }

  /** The tracker stops: no more retries; commands still waiting for one are answered (not replicated). */
  void close() {
    closed = true;
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
    }
    if (next != null && !flushing) {
      next.fail(new IllegalStateException("the tracker stopped before replicating"));
      next = null;
    }
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
    if (!flushing && retryTimer < 0) {
      startFlush();
    }
    return result;
  }

  private void startFlush() {
    Promise<Void> done = next;
    next = null;
    if (outbox.isEmpty() && !markerDue) {
      done.complete();
      return;
    }
    ReplicationOutbox.Batch batch = outbox.take();
    List<TrackedOrder> batchOrders = batch.orders();
    List<OrderEvent> batchEvents = batch.events();
    markerDue = false;
    flushing = true;
    inFlightRecords = batch.size();
    long sequence = lastSequence.getAsLong();
    // the record carries the events still leaving too: if this node dies, the successor republishes them
    List<OrderEvent> unpublished = batchEvents;
    if (!leaving.isEmpty()) {
      unpublished = new ArrayList<>(leaving.size() + batchEvents.size());
      unpublished.addAll(leaving);
      unpublished.addAll(batchEvents);
    }
    replica.commit(batchOrders, unpublished, sequence, publishedThrough, historyClearedAt, stats.get())
        .onComplete(committed -> {
          // A commit that completes after a pause longer than the lease (its answer may come from the node's stale
          // view of the cluster: it was stopped, declared dead and replaced meanwhile) publishes nothing before the
          // ownership is re-verified; not the owner → fenced, its events dropped (HungTrackerTest saw such a
          // stale commit publish a sequence its successor had already published).
          Future<Void> verified = committed.succeeded() ? ownershipReady.get() : Future.succeededFuture();
          verified.onComplete(owner -> afterCommit(owner.failed() ? Future.failedFuture(owner.cause()) : committed,
              batch, batchOrders, batchEvents, done));
        });
  }

  private void afterCommit(AsyncResult<Void> result, ReplicationOutbox.Batch batch, List<TrackedOrder> batchOrders,
                           List<OrderEvent> batchEvents, Promise<Void> done) {
    inFlightRecords = 0;
    if (result.succeeded()) {
      batches++;
      consecutiveFailures = 0;
      onCommitted.run();
      hand(batchEvents); // still flushing: a publisher that reports them left at once only marks the marker due
      flushing = false;
      done.complete();
    } else if (result.cause() instanceof TrackerStateReplica.FencedException) {
      flushing = false;
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
      flushing = false;
      consecutiveFailures++;
      failedCommits++;
      markerDue = true; // a marker-only commit that failed is still due
      lastError = result.cause().getClass().getSimpleName();
      outbox.putBack(batch);
      long delay = retryDelay();
      LOG.log(System.Logger.Level.WARNING, "replicating " + batchOrders.size() + " order(s) and "
          + batchEvents.size() + " event(s) failed (" + consecutiveFailures + " in a row), retry in " + delay
          + " ms: " + result.cause());
      done.fail(result.cause());
      // Commands arriving meanwhile wait in next for the retry: no attempt per command during an outage.
      scheduleRetry(delay);
      return;
    }
    if (next != null || markerDue) {
      if (next == null) {
        next = Promise.promise();
      }
      startFlush();
    }
  }

  /** retryInitialMs, doubled after each further failure in a row, at most retryMaxMs. */
  private long retryDelay() {
    int doublings = Math.min(consecutiveFailures - 1, 30);
    return Math.min(retryMaxMs, retryInitialMs << doublings);
  }

  private void scheduleRetry(long delay) {
    if (retryTimer >= 0 || closed) {
      return;
    }
    retryTimer = vertx.setTimer(delay, id -> {
      retryTimer = -1;
      // A command may have started a flush meanwhile; it carries the requeued batch.
      if (!flushing && !fenced && !closed && !(outbox.isEmpty() && !markerDue)) {
        if (next == null) {
          next = Promise.promise();
        }
        startFlush();
      }
    });
  }
}
