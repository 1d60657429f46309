package dev.ordertracker.core.store;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.api.store.OrderHistory;
import dev.ordertracker.api.store.OrderHistoryService;
import dev.ordertracker.api.store.OrderStore;
import dev.ordertracker.api.store.RecoveredState;
import dev.ordertracker.core.TrackerJournal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.serviceproxy.ServiceBinder;

import java.util.function.Supplier;

/**
 * Everything a tracker verticle needs for durable history, in the order it needs it (all on the tracker's
 * context):
 *
 * <pre>
 *   open()  ──▶ store.open() ──▶ store.recover(max_history_size) ──▶ RecoveredState (the verticle restores its core)
 *   start(counters) ──▶ journal timer, retention timer, OrderHistoryService at &lt;prefix&gt;.history
 *   stop()  ──▶ unregister the service, stop retention, flush the journal (nothing is lost), close the store
 * </pre>
 *
 * The {@link #journal()} is the {@code TrackerJournal} to build the core with.
 */
public final class TrackerStore {
  private static final System.Logger LOG = System.getLogger(TrackerStore.class.getName());

  private final Vertx vertx;
  private final StoreOptions options;
  private final Addresses addresses;
  private final OrderStore store;
  private final JournalWriter journal;
  private final RetentionTask retention;
  private MessageConsumer<?> service;
  private JournalMeters meters;

  public TrackerStore(Vertx vertx, StoreOptions options, Addresses addresses) {
    this(vertx, options, addresses, options.createStore(vertx));
  }

  /** With a store made elsewhere (tests, benchmarks). */
  public TrackerStore(Vertx vertx, StoreOptions options, Addresses addresses, OrderStore store) {
    this.vertx = vertx;
    this.options = options;
    this.addresses = addresses;
    this.store = store;
    this.journal = new JournalWriter(vertx, store, options.getFlushIntervalMs(), options.getFlushMaxRecords(),
        options.getJournalMaxBacklog());
    this.retention = new RetentionTask(vertx, store, options.retentionPolicy(), options.getRetentionIntervalMs());
  }

  public OrderStore store() {
    return store;
  }

  public JournalWriter journal() {
    return journal;
  }

  /**
   * The journal to build the core with: this store's writer, and {@code other} too when it is not
   * {@link TrackerJournal#NONE} (for example a fail-over replicator), called in that order.
   */
  public TrackerJournal journalWith(TrackerJournal other) {
    if (other == null || other == TrackerJournal.NONE) {
      return journal;
    }
    return new TrackerJournal() {
      @Override
      public void onOrderChanged(TrackedOrder order) {
        journal.onOrderChanged(order);
        other.onOrderChanged(order);
      }

      @Override
      public void onEventPublished(OrderEvent event) {
        journal.onEventPublished(event);
        other.onEventPublished(event);
      }

      @Override
      public void onHistoryDropped(int count) {
        journal.onHistoryDropped(count);
        other.onHistoryDropped(count);
      }
    };
  }

  public RetentionTask retention() {
    return retention;
  }

  /** Opens the store and reads what the tracker must restore. */
  public Future<RecoveredState> open(int historyLimit) {
    long t0 = System.nanoTime();
    return store.open()
        .compose(v -> store.recover(historyLimit))
        .andThen(ar -> {
          if (ar.succeeded()) {
            RecoveredState s = ar.result();
            LOG.log(System.Logger.Level.INFO,
                () -> "order store " + store.describe() + ": recovered " + s.active().size() + " active and "
                + s.recentHistory().size() + " completed orders, last sequence " + s.lastSequence() + " in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
          }
        });
  }

  /** Starts journaling, retention and the history service. */
  public Future<Void> start(Supplier<TrackerStats> counters) {
    journal.counters(counters).start();
    meters = JournalMeters.bind(journal, addresses.prefix());
    retention.start();
    if (!options.isHistoryService()) {
      return Future.succeededFuture();
    }
    MessageConsumer<?> consumer = new ServiceBinder(vertx).setAddress(OrderHistory.address(addresses))
        .register(OrderHistoryService.class, new HistoryServiceEndpoint(store));
    service = consumer;
    return consumer.completion();
  }

  /** Stops serving, flushes every queued record and closes the store. */
  public Future<Void> stop() {
    retention.stop();
    if (meters != null) {
      meters.close();
      meters = null;
    }
    Future<Void> unregistered = service == null ? Future.succeededFuture() : service.unregister();
    service = null;
    return unregistered
        .transform(v -> journal.close())
        .transform(flushed -> retention.idle()
            .transform(x -> store.close())
            .compose(closed -> flushed.failed() ? Future.<Void>failedFuture(flushed.cause())
                : Future.<Void>succeededFuture()));
  }
}
