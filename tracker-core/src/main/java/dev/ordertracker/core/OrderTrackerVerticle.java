package dev.ordertracker.core;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderTrackerService;
import dev.ordertracker.core.publish.EventBusPublisher;
import dev.ordertracker.core.service.LocalUpdateIngest;
import dev.ordertracker.core.service.TrackerServiceEndpoint;
import dev.ordertracker.core.stats.ComponentHealth;
import dev.ordertracker.core.stats.MicrometerTrackerMetrics;
import dev.ordertracker.core.stats.TrackerMetrics;
import dev.ordertracker.core.store.TrackerStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.serviceproxy.ServiceBinder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The only writer of order state. Owns one {@link OrderTrackerCore} on its context; serves
 * {@link OrderTrackerService} at {@code <prefix>.tracker} (and local-only at {@code <prefix>.tracker.local}), takes
 * in-JVM {@code OrderUpdate} records at {@code <prefix>.tracker.ingest} ({@link LocalUpdateIngest}) and publishes
 * events on {@code <prefix>.events.<TYPE>}. Configured by {@link OrderTrackerOptions} (deployment config JSON).
 *
 * <pre>{@code
 * vertx.deployVerticle(new OrderTrackerVerticle(),
 *     new DeploymentOptions().setConfig(new JsonObject().put("max_history_size", 1000)));
 * OrderTracker tracker = OrderTracker.create(vertx);
 * }</pre>
 */
public final class OrderTrackerVerticle extends VerticleBase {
  private final TrackerJournal journal;
  private final TrackerState initialState;
  private OrderTrackerOptions options;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private TrackerStore store;
  private TrackerMetrics metrics;

  public OrderTrackerVerticle() {
    this(TrackerJournal.NONE, null);
  }

  /**
   * @param journal      told about every accepted change (durable store, fail-over); {@link TrackerJournal#NONE}
   * @param initialState state to restore before serving (may be null)
   */
  public OrderTrackerVerticle(TrackerJournal journal, TrackerState initialState) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.initialState = initialState;
  }

  @Override
  public Future<?> start() {
    try {
      options = new OrderTrackerOptions(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new IllegalArgumentException("order tracker config: " + e.getMessage(), e));
    }
    Addresses addresses = options.addresses();
    store = options.getStore() == null ? null : new TrackerStore(vertx, options.getStore(), addresses);
    metrics = MicrometerTrackerMetrics.forDefaultRegistry(addresses.prefix());
    EventSink sink = options.isPublishEvents() ? new EventBusPublisher(vertx, addresses) : EventSink.NONE;
    OrderTrackerCore core = OrderTrackerCore.builder()
        .maxHistorySize(options.getMaxHistorySize())
        .initialSequence(options.getInitialSequence())
        .sink(sink)
        .journal(store == null ? journal : store.journalWith(journal))
        .metrics(metrics)
        .build();
    if (initialState != null) {
      try {
        core.restore(initialState.active(), initialState.history(), initialState.lastSequence(),
            initialState.stats());
      } catch (RuntimeException e) {
        return Future.failedFuture(new IllegalArgumentException("order tracker restore: " + e.getMessage(), e));
      }
    }
    if (store == null) {
      return serve(core, addresses);
    }
    // Durable history: restore from the store before serving anything; a failed open fails the deployment.
    return store.open(options.getMaxHistorySize())
        .compose(state -> {
          if (initialState != null) {
            return Future.failedFuture(new IllegalArgumentException("order tracker: give either a store or an "
                + "initial state, not both"));
          }
          core.restore(state.active(), state.recentHistory(), state.lastSequence(), state.counters());
          return store.start(core::stats);
        })
        .compose(v -> serve(core, addresses))
        .recover(e -> store.stop().transform(x -> Future.failedFuture(e)));
  }

  private Future<?> serve(OrderTrackerCore core, Addresses addresses) {
    TrackerServiceEndpoint endpoint = new TrackerServiceEndpoint(core).withHealth(store == null ? null
        : ComponentHealth.of(new ComponentHealth.Component(Fields.HEALTH_JOURNAL, store.journal()::health)));
    consumers.add(new ServiceBinder(vertx).setAddress(addresses.tracker())
        .register(OrderTrackerService.class, endpoint));
    // the same service for callers in this JVM (the co-located adapter): never routed by the cluster's view
    consumers.add(new ServiceBinder(vertx).setAddress(addresses.trackerLocal())
        .registerLocal(OrderTrackerService.class, endpoint));
    if (options.isLocalIngest()) {
      consumers.add(LocalUpdateIngest.consume(vertx.eventBus(), addresses, core));
    }
    List<Future<Void>> registered = new ArrayList<>();
    consumers.forEach(c -> registered.add(c.completion()));
    return Future.all(registered);
  }

  @Override
  public Future<?> stop() {
    if (metrics != null) {
      metrics.close();
    }
    List<Future<Void>> unregistered = new ArrayList<>();
    consumers.forEach(c -> unregistered.add(c.unregister()));
    consumers.clear();
    // With a store: stop serving first, then flush every queued record (a clean stop loses nothing).
    return store == null ? Future.all(unregistered) : Future.all(unregistered).transform(v -> store.stop());
  }

  /** The options in effect (after start). */
  public OrderTrackerOptions options() {
    return options;
  }
}
