package dev.ordertracker.core.store;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.OrderStore;
import dev.ordertracker.core.TrackerJournal;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit between the tracker and an {@link OrderStore}. Runs entirely on the tracker's context: the tracker
 * calls the {@link TrackerJournal} hooks after every accepted change; they only queue (nothing here waits on the
 * disk). Every {@code flushIntervalMs}, or as soon as {@code flushMaxRecords} records are queued, the queue becomes
 * one {@link JournalBatch} (the newest snapshot per order, the events in sequence order, the counters now) and is
 * handed to the store. One batch is in flight at a time, so batches commit in order.
 *
 * <p>Durability window: a process kill loses what is queued plus the batch in flight: at most about
 * {@code flushIntervalMs} plus one store commit of changes (more only while the store falls behind; the backlog is
 * logged). A failed batch is put back in front of the queue and retried at the next flush (a batch is idempotent).
 * {@link #close()} flushes everything before it completes.
 */
public final class JournalWriter implements TrackerJournal {
  private static final Logger LOG = Logger.getLogger(JournalWriter.class.getName());

  private final Vertx vertx;
  private final OrderStore store;
  private final long flushIntervalMs;
  private final int flushMaxRecords;
  private Supplier<TrackerStats> counters = () -> null;

  // Tracker context only.
  private LinkedHashMap<OrderKey, TrackedOrder> pendingOrders = new LinkedHashMap<>();
  private List<OrderEvent> pendingEvents = new ArrayList<>();
  private Future<Void> inFlight;
  private long timerId = -1;
  private boolean closed;
  private long batchesWritten;
  private long recordsWritten;
  private long failedBatches;
  private long backlogWarnedAt;

  public JournalWriter(Vertx vertx, OrderStore store, long flushIntervalMs, int flushMaxRecords) {
    this.vertx = vertx;
    this.store = store;
    this.flushIntervalMs = flushIntervalMs;
    this.flushMaxRecords = flushMaxRecords;
  }

  /** Where the counters of each batch come from (the tracker's stats; read on the tracker context). */
  public JournalWriter counters(Supplier<TrackerStats> value) {
    this.counters = value;
    return this;
  }

  /** Starts the flush timer; call on the tracker's context. */
  public void start() {
    timerId = vertx.setPeriodic(flushIntervalMs, id -> flush());
  }

  @Override
  public void onOrderChanged(TrackedOrder order) {
    pendingOrders.put(order.key(), order);
    queued();
  }

  @Override
  public void onEventPublished(OrderEvent event) {
    pendingEvents.add(event);
    queued();
  }

  private void queued() {
    int pending = pendingRecords();
    if (pending >= flushMaxRecords && inFlight == null) {
      flush();
    } else if (pending >= backlogWarnedAt + 100L * flushMaxRecords) {
      backlogWarnedAt = pending;
      LOG.warning("journal backlog: " + pending + " records wait for " + store.describe()
          + " (the store is slower than the tracker; they are kept and written in order)");
    }
  }

  /** Records queued and not yet handed to the store. */
  public int pendingRecords() {
    return pendingOrders.size() + pendingEvents.size();
  }

  public long batchesWritten() {
    return batchesWritten;
  }

  public long recordsWritten() {
    return recordsWritten;
  }

  public long failedBatches() {
    return failedBatches;
  }

  /**
   * Hands everything queued so far to the store; completes when it is committed (after the batch in flight, if
   * any). Fails when the store fails (the records stay queued for the next try).
   */
  public Future<Void> flush() {
    if (inFlight != null) {
      return inFlight.transform(ignored -> flush());
    }
    if (pendingOrders.isEmpty() && pendingEvents.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<OrderKey, TrackedOrder> orders = pendingOrders;
    List<OrderEvent> events = pendingEvents;
    pendingOrders = new LinkedHashMap<>();
    pendingEvents = new ArrayList<>();
    JournalBatch batch = new JournalBatch(new ArrayList<>(orders.values()), events, counters.get());
    Future<Void> write;
    try {
      write = store.append(batch);
    } catch (RuntimeException e) {
      write = Future.failedFuture(e);
    }
    // The promise is in place before the store can answer, so inFlight is never left pointing at a done batch.
    Promise<Void> done = Promise.promise();
    inFlight = done.future();
    write.onComplete(ar -> {
      inFlight = null;
      if (ar.succeeded()) {
        batchesWritten++;
        recordsWritten += batch.size();
        backlogWarnedAt = 0;
      } else {
        failedBatches++;
        requeue(orders, events);
        LOG.log(Level.WARNING, "journal batch of " + batch.size() + " records to " + store.describe()
            + " failed; kept for the next flush: " + ar.cause().getMessage(), ar.cause());
      }
      done.handle(ar);
      if (ar.succeeded() && !closed && inFlight == null && pendingRecords() >= flushMaxRecords) {
        flush();
      }
    });
    return done.future();
  }

  /** Puts a failed batch back in front: queued snapshots are newer than the failed ones, events come after. */
  private void requeue(Map<OrderKey, TrackedOrder> orders, List<OrderEvent> events) {
    LinkedHashMap<OrderKey, TrackedOrder> merged = new LinkedHashMap<>(orders);
    merged.putAll(pendingOrders);
    pendingOrders = merged;
    List<OrderEvent> all = new ArrayList<>(events.size() + pendingEvents.size());
    all.addAll(events);
    all.addAll(pendingEvents);
    pendingEvents = all;
  }

  /** Stops the timer and writes everything still queued; fails if the store cannot take it. */
  public Future<Void> close() {
    closed = true;
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    return flush().compose(v -> pendingRecords() == 0 ? Future.succeededFuture() : flush());
  }
}
