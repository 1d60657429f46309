package dev.ordertracker.core.store;

import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.JournalRejectedException;
import dev.ordertracker.api.store.OrderStore;
import dev.ordertracker.core.TrackerJournal;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

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
 * <p>Failures. A transient failure (store down, disk full) puts the batch back in front of the queue; the next
 * flush retries it (a batch is idempotent). A permanent one ({@link JournalRejectedException}: a record that cannot
 * be encoded or that the database refuses for what it is) is never retried as is: the batch is split in halves until
 * the offending records stand alone; they are <b>quarantined</b> (logged with their key and the error code, counted,
 * health DEGRADED) and everything else is written. So one bad record costs about 2·log2(batch) small transactions
 * once, never blocks later batches and never makes {@link #close()} fail.
 *
 * <p>Bound. At most {@code maxBacklog} records wait. Beyond it (a long store outage) the journal <b>sheds</b> new
 * records instead of growing until the JVM dies: the newest snapshot of an order already queued still replaces the
 * older one (that costs nothing), anything else is dropped from the journal, counted ({@link #shedRecords()}),
 * logged (first and every 10,000th, and a summary once the backlog is back under the bound) and health is DOWN. The
 * tracker itself goes on: its state and live events are unaffected; only the store misses those changes, as it
 * misses the window of a kill -9, and the adapter's reconciliation restores active orders at the next restart.
 *
 * <p>Group commit across batches ({@code fsync_each_batch} on a {@link GroupCommitStore}): a batch that goes out
 * because {@code flushMaxRecords} records are queued is committed without waiting for the disk; the batch of each
 * flush-timer tick (and of {@link #flush()} / {@link #close()}) is followed by one sync that makes it and every
 * batch committed before it durable. So there is at most one fsync per flush interval, however many batches the
 * interval held, and a change is durable at most one flush interval plus the batch (and sync) in flight after it
 * happened, as with an fsync per batch. The sync runs beside the next batch's commit where the store allows
 * (PostgreSQL), after it on SQLite's single writer thread. {@link #durableSequence()} is the last event sequence
 * known durable.
 *
 * <p>Durability window: a process kill loses what is queued plus the batch in flight. {@link #close()} flushes
 * everything before it completes.
 */
public final class JournalWriter implements TrackerJournal {
  private static final Logger LOG = Logger.getLogger(JournalWriter.class.getName());

  private final Vertx vertx;
  private final OrderStore store;
  /** The store when it syncs to disk and can commit and sync apart (group commit), else null. */
  private final GroupCommitStore groupCommit;
  private final long flushIntervalMs;
  private final int flushMaxRecords;
  private final int maxBacklog;
  private Supplier<TrackerStats> counters = () -> null;

  // Tracker context only (the volatile ones are also read by the metrics scrape thread).
  private LinkedHashMap<OrderKey, TrackedOrder> pendingOrders = new LinkedHashMap<>();
  private List<OrderEvent> pendingEvents = new ArrayList<>();
  private Future<Void> inFlight;
  private volatile int inFlightRecords;
  private long timerId = -1;
  private boolean closed;
  private long batchesWritten;
  private long recordsWritten;
  private volatile long failedBatches;
  private volatile long quarantined;
  private volatile long shed;
  private long shedSinceLastSummary;
  private boolean lastWriteFailed;
  private String lastErrorCode;
  private long backlogWarnedAt;
  private boolean flushAfterInFlight;
  private boolean fullBatchScheduled;
  // Group commit: a sync is owed (a tick or an explicit flush came); the promises of the batches committed and not
  // yet durable; the sync in flight; sequences committed and durable.
  private boolean syncDue;
  private List<Promise<Void>> unsynced = new ArrayList<>();
  private Future<Void> syncInFlight;
  private boolean lastSyncFailed;
  private long committedSequence;
  private long commits;
  private long syncedCommits;
  private volatile long durableSequence;
  private volatile long syncs;

  public JournalWriter(Vertx vertx, OrderStore store, long flushIntervalMs, int flushMaxRecords) {
    this(vertx, store, flushIntervalMs, flushMaxRecords, StoreOptions.DEFAULT_JOURNAL_MAX_BACKLOG);
  }

  /** @param maxBacklog records that may wait for the store; beyond it new records are shed (see the class doc) */
  public JournalWriter(Vertx vertx, OrderStore store, long flushIntervalMs, int flushMaxRecords, int maxBacklog) {
    if (maxBacklog < 1) {
      throw new IllegalArgumentException("maxBacklog must be positive, was " + maxBacklog);
    }
    this.vertx = vertx;
    this.store = store;
    this.flushIntervalMs = flushIntervalMs;
    this.flushMaxRecords = flushMaxRecords;
    this.maxBacklog = maxBacklog;
    this.groupCommit = store instanceof GroupCommitStore g && g.syncsToDisk() ? g : null;
  }

  /** Where the counters of each batch come from (the tracker's stats; read on the tracker context). */
  public JournalWriter counters(Supplier<TrackerStats> value) {
    this.counters = value;
    return this;
  }

  /** Starts the flush timer; call on the tracker's context. */
  public void start() {
    timerId = vertx.setPeriodic(flushIntervalMs, id -> tick());
  }

  /** The flush timer: writes what is queued (after the batch in flight, if any) and owes a sync after it. */
  private void tick() {
    syncDue = true;
    if (inFlight != null) {
      flushAfterInFlight = true;
    } else {
      write();
    }
  }

  @Override
  public void onOrderChanged(TrackedOrder order) {
    if (pendingRecords() >= maxBacklog && !pendingOrders.containsKey(order.key())) {
      shed("order " + order.symbol() + "/" + order.orderId());
      return;
    }
    pendingOrders.put(order.key(), order);
    queued();
  }

  @Override
  public void onEventPublished(OrderEvent event) {
    if (pendingRecords() >= maxBacklog) {
      shed("event #" + event.sequence());
      return;
    }
    pendingEvents.add(event);
    queued();
  }

  private void shed(String what) {
    shed++;
    shedSinceLastSummary++;
    if (shedSinceLastSummary == 1 || shedSinceLastSummary % 10_000 == 0) {
      LOG.severe("journal backlog full (" + maxBacklog + " records wait for " + store.describe() + "): " + what
          + " is NOT journaled (" + shedSinceLastSummary + " shed so far; the tracker goes on, the store misses "
          + "these changes)");
    }
  }

  private void queued() {
    int pending = pendingRecords();
    if (pending >= flushMaxRecords && inFlight == null) {
      if (!fullBatchScheduled) {
        // After the tracker's current task, never in the middle of it: one change calls several hooks (its
        // snapshot, its events), and a batch cut between them would commit a snapshot without its event, which a
        // kill -9 then makes permanent (the replayed change finds its snapshot and publishes nothing).
        fullBatchScheduled = true;
        vertx.getOrCreateContext().runOnContext(v -> {
          fullBatchScheduled = false;
          if (inFlight == null && pendingRecords() >= flushMaxRecords) {
            write();
          }
        });
      }
    } else if (pending >= backlogWarnedAt + 100L * flushMaxRecords) {
      backlogWarnedAt = pending;
      LOG.warning("journal backlog: " + pending + " records wait for " + store.describe()
          + " (the store is slower than the tracker; they are kept and written in order up to "
          + maxBacklog + ")");
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
   * The last event sequence known durable (any thread): committed, and with group commit synced. Without a store
   * that syncs to disk a commit counts (it survives a process kill).
   */
  public long durableSequence() {
    return durableSequence;
  }

  /** Group commit: syncs done (one per flush interval at most, covering every batch committed before it). */
  public long syncs() {
    return syncs;
  }

  /** Records the store refused for good, left out of the journal (logged one by one). */
  public long quarantinedRecords() {
    return quarantined;
  }

  /** Records dropped because the backlog was full. */
  public long shedRecords() {
    return shed;
  }

  /** Records waiting for the store: queued plus the batch in flight (any thread). */
  public int backlog() {
    return pendingOrders.size() + pendingEvents.size() + inFlightRecords;
  }

  public int maxBacklog() {
    return maxBacklog;
  }

  /**
   * The journal's health, read on the tracker's context: DOWN while the backlog is full (records are being shed),
   * DEGRADED once a record was quarantined or while the last write failed (it is retried), else UP.
   */
  public JsonObject health() {
    int backlog = backlog();
    String status = backlog >= maxBacklog ? Fields.HEALTH_DOWN
        : quarantined > 0 || lastWriteFailed || lastSyncFailed ? Fields.HEALTH_DEGRADED : Fields.HEALTH_UP;
    return new JsonObject().put(Fields.STATUS, status).put(Fields.BACKLOG, backlog)
        .put(Fields.MAX_BACKLOG, maxBacklog).put(Fields.QUARANTINED, quarantined).put(Fields.SHED, shed)
        .put(Fields.FAILED_BATCHES, failedBatches).put(Fields.DURABLE_SEQUENCE, durableSequence)
        .put(Fields.LAST_ERROR, lastErrorCode);
  }

  /**
   * Hands everything queued so far to the store; completes when it is committed (after the batch in flight, if
   * any) and, with group commit, synced. Fails when the store fails transiently (the records stay queued for the
   * next try); records refused for good are quarantined and do not fail it.
   */
  public Future<Void> flush() {
    syncDue = true;
    return write();
  }

  /** Writes what is queued as one batch; completes when it is durable (see {@link #flush()}). */
  private Future<Void> write() {
    if (inFlight != null) {
      return inFlight.transform(ignored -> write());
    }
    if (pendingOrders.isEmpty() && pendingEvents.isEmpty()) {
      return allDurable();
    }
    Map<OrderKey, TrackedOrder> orders = pendingOrders;
    List<OrderEvent> events = pendingEvents;
    pendingOrders = new LinkedHashMap<>();
    pendingEvents = new ArrayList<>();
    JournalBatch batch = new JournalBatch(new ArrayList<>(orders.values()), events, counters.get());
    List<Object> refused = new ArrayList<>();
    // The promise is in place before the store can answer, so inFlight is never left pointing at a done batch.
    Promise<Void> committed = Promise.promise();
    Promise<Void> done = Promise.promise();
    inFlight = committed.future();
    inFlightRecords = batch.size();
    long batchSequence = events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
    writeOrIsolate(batch, refused).onComplete(ar -> {
      inFlight = null;
      inFlightRecords = 0;
      lastWriteFailed = ar.failed();
      if (ar.succeeded()) {
        batchesWritten++;
        recordsWritten += batch.size() - refused.size();
        backlogWarnedAt = 0;
        if (shedSinceLastSummary > 0 && pendingRecords() < maxBacklog) {
          LOG.warning("journal: " + shedSinceLastSummary + " records were shed while the backlog was full; "
              + "journaling again (" + store.describe() + ")");
          shedSinceLastSummary = 0;
        }
      } else {
        failedBatches++;
        lastErrorCode = errorCode(ar.cause());
        requeue(orders, events, refused);
        LOG.log(Level.WARNING, "journal batch of " + batch.size() + " records to " + store.describe()
            + " failed; kept for the next flush: " + ar.cause().getMessage(), ar.cause());
      }
      if (ar.succeeded()) {
        committedSequence = Math.max(committedSequence, batchSequence);
        commits++;
        if (groupCommit == null) {
          syncedCommits = commits;
          durableSequence = committedSequence;
        } else {
          unsynced.add(done);
        }
      }
      // Only now, with the books up to date: a flush() or close() waiting on this commit writes the rest next.
      committed.handle(ar);
      if (ar.failed()) {
        done.fail(ar.cause());
      } else if (groupCommit == null) {
        done.complete();
      } else if (syncDue || closed) {
        sync();
      }
      boolean again = flushAfterInFlight || pendingRecords() >= flushMaxRecords;
      flushAfterInFlight = false;
      if (ar.succeeded() && !closed && inFlight == null && again) {
        write();
      }
    });
    return done.future();
  }

  /** Completes when every batch committed so far is durable (owing a sync now if one is not on its way). */
  private Future<Void> allDurable() {
    if (syncedCommits == commits) {
      return Future.succeededFuture();
    }
    if (unsynced.isEmpty()) {
      unsynced.add(Promise.promise()); // commits whose sync failed: whoever waits, waits for the next one
    }
    Future<Void> last = unsynced.get(unsynced.size() - 1).future();
    syncDue = true; // someone waits: sync now, or as soon as the sync in flight ends
    sync();
    return last;
  }

  /**
   * Group commit: one sync covering every batch committed so far (when none is in flight; one owed meanwhile
   * starts when the one in flight ends). A failed sync fails the flushes waiting for it; the next tick or flush
   * owes a new one, which covers the same commits.
   */
  private void sync() {
    if (syncedCommits == commits) {
      // Everything committed is durable: whoever still waits (a flush that found nothing queued while the sync
      // covering every commit was in flight) is done, or it would wait for a sync that never comes.
      List<Promise<Void>> waiting = unsynced;
      unsynced = new ArrayList<>();
      waiting.forEach(Promise::tryComplete);
      return;
    }
    if (syncInFlight != null) {
      return;
    }
    syncDue = false;
    List<Promise<Void>> covered = unsynced;
    unsynced = new ArrayList<>();
    long sequence = committedSequence;
    long through = commits;
    Future<Void> f;
    try {
      f = groupCommit.sync();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    syncInFlight = f;
    f.onComplete(ar -> {
      syncInFlight = null;
      lastSyncFailed = ar.failed();
      if (ar.succeeded()) {
        syncs++;
        syncedCommits = Math.max(syncedCommits, through);
        durableSequence = Math.max(durableSequence, sequence);
        covered.forEach(Promise::complete);
        if (syncDue || closed) {
          sync();
        }
      } else {
        failedBatches++;
        lastErrorCode = "sync_failed:" + ar.cause().getClass().getSimpleName();
        LOG.log(Level.WARNING, "journal: sync of " + (through - syncedCommits) + " committed batch(es) to "
            + store.describe() + " failed; the next flush syncs them again: " + ar.cause().getMessage(), ar.cause());
        covered.forEach(p -> p.fail(ar.cause()));
      }
    });
  }

  /**
   * Writes the batch; when the store refuses it for good, writes its halves instead (in order, the counters with
   * the last part) down to single records, and quarantines a single record it still refuses (added to
   * {@code refused}). Fails only on a transient failure.
   */
  private Future<Void> writeOrIsolate(JournalBatch batch, List<Object> refused) {
    Future<Void> write;
    try {
      write = groupCommit != null ? groupCommit.commit(batch) : store.append(batch);
    } catch (RuntimeException e) {
      write = Future.failedFuture(e);
    }
    return write.recover(e -> {
      if (!(e instanceof JournalRejectedException rejected)) {
        return Future.failedFuture(e);
      }
      if (batch.size() <= 1) {
        quarantine(batch, rejected, refused);
        return Future.succeededFuture();
      }
      int half = batch.size() / 2;
      int ordersInFirst = Math.min(half, batch.orders().size());
      int eventsInFirst = half - ordersInFirst;
      JournalBatch first = new JournalBatch(batch.orders().subList(0, ordersInFirst),
          batch.events().subList(0, eventsInFirst), null);
      JournalBatch second = new JournalBatch(batch.orders().subList(ordersInFirst, batch.orders().size()),
          batch.events().subList(eventsInFirst, batch.events().size()), batch.counters());
      return writeOrIsolate(first, refused).compose(v -> writeOrIsolate(second, refused));
    });
  }

  private void quarantine(JournalBatch single, JournalRejectedException e, List<Object> refused) {
    quarantined++;
    lastErrorCode = e.code();
    String what;
    if (!single.orders().isEmpty()) {
      TrackedOrder o = single.orders().get(0);
      refused.add(o);
      what = "the snapshot of order " + o.symbol() + "/" + o.orderId();
    } else if (!single.events().isEmpty()) {
      OrderEvent ev = single.events().get(0);
      refused.add(ev);
      what = "event #" + ev.sequence() + " (" + ev.eventType() + " of " + ev.symbol() + "/" + ev.orderId() + ")";
    } else {
      what = "the counters";
    }
    // Never the record's values (an absurd amount could be huge); the key and the stable code say what to look at.
    LOG.severe("journal: QUARANTINED " + what + ": " + store.describe() + " refuses it for good (" + e.code()
        + "); it is left out of the store (the tracker's memory still has it); " + quarantined
        + " record(s) quarantined so far");
  }

  private static String errorCode(Throwable e) {
    if (e instanceof JournalRejectedException rejected) {
      return rejected.code();
    }
    return "store_failed:" + e.getClass().getSimpleName();
  }

  /**
   * Puts a failed batch back in front (without the records already quarantined): queued snapshots are newer than
   * the failed ones, events come after.
   */
  private void requeue(Map<OrderKey, TrackedOrder> orders, List<OrderEvent> events, List<Object> refused) {
    LinkedHashMap<OrderKey, TrackedOrder> merged = new LinkedHashMap<>(orders);
    refused.forEach(r -> {
      if (r instanceof TrackedOrder o && merged.get(o.key()) == o) {
        merged.remove(o.key());
      }
    });
    merged.putAll(pendingOrders);
    pendingOrders = merged;
    List<OrderEvent> all = new ArrayList<>(events.size() + pendingEvents.size());
    for (OrderEvent e : events) {
      if (!refused.contains(e)) {
        all.add(e);
      }
    }
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
