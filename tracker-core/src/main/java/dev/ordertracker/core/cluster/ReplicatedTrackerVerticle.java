package dev.ordertracker.core.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderTrackerService;
import dev.ordertracker.core.EventSink;
import dev.ordertracker.core.OrderTrackerCore;
import dev.ordertracker.core.OrderTrackerOptions;
import dev.ordertracker.core.TrackerState;
import dev.ordertracker.core.service.LocalUpdateIngest;
import dev.ordertracker.core.service.TrackerServiceEndpoint;
import dev.ordertracker.core.stats.ComponentHealth;
import dev.ordertracker.core.stats.MicrometerTrackerMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.shareddata.SharedData;
import io.vertx.serviceproxy.ServiceBinder;

import java.util.function.UnaryOperator;

/**
 * The order tracker for a cluster: the same core and service as {@code OrderTrackerVerticle}, with its state
 * replicated into clustered shared data so that another node can take over (see {@link TrackerStateReplica} for
 * the protocol and {@link ReplicationBatcher} for the ordering: replicate, then publish, then acknowledge).
 *
 * <p>Start = takeover: claim the state (new term, fence the previous owner), restore the core from it (active
 * orders with fills and history, completed orders, counters, last sequence), republish the committed events not
 * known to have left the previous node (same sequences: consumers that keep the last sequence they saw drop
 * them if they already had them), then serve {@code <prefix>.tracker} (and, local-only, {@code
 * <prefix>.tracker.local}: what the co-located adapter calls). Deploy it once per cluster with Vert.x HA
 * ({@code DeploymentOptions.setHa(true)}, by class name) and it moves to a surviving node when its node dies.
 *
 * <p>Fencing: every commit is a compare-and-set of the commit record, and an idle tracker re-reads it every
 * {@code fence_check_ms}; a tracker that finds another owner stops serving, publishes nothing more and undeploys
 * itself. All state lives on this verticle's context.
 *
 * <p>Config: {@link ReplicatedTrackerOptions}. Local ingest ({@code <prefix>.tracker.ingest}, on unless the tracker
 * options turn it off) passes the same {@link OwnershipGate}: answered after replication.
 */
public final class ReplicatedTrackerVerticle extends VerticleBase {
  /**
   * Local-only address on which a tracker that steps down publishes its deployment id, so whatever deployed it (a
   * singleton wrapper deploying the adapter alongside) can stand down too.
   */
  public static final String STEPPED_DOWN_ADDRESS = "orders.tracker.stepped-down";
  private static final System.Logger LOG = System.getLogger(ReplicatedTrackerVerticle.class.getName());

  private MessageConsumer<?> service;
  private MessageConsumer<?> localService;
  private MessageConsumer<?> ingest;
  private ReplicationBatcher batcher;
  private TrackerStateReplica replica;
  private OwnershipLease lease;
  private long fenceTimer = -1;
  private boolean steppingDown;
  private final UnaryOperator<SharedData> sharedData;

  public ReplicatedTrackerVerticle() {
    this(UnaryOperator.identity());
  }

  /** Tests: the cluster's shared data as seen through {@code sharedData} (to play an outage of the cluster). */
  ReplicatedTrackerVerticle(UnaryOperator<SharedData> sharedData) {
    this.sharedData = sharedData;
  }

  @Override
  public Future<?> start() {
    ReplicatedTrackerOptions options;
    try {
      options = new ReplicatedTrackerOptions(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new IllegalArgumentException("replicated tracker config: " + e.getMessage(), e));
    }
    OrderTrackerOptions trackerOptions = options.tracker();
    Addresses addresses = trackerOptions.addresses();
    long started = System.nanoTime();
    replica = new TrackerStateReplica(sharedData.apply(vertx.sharedData()), options.stateMap(), options.termCounter(),
        options.completedTtlMs());
    return replica.claim(trackerOptions.getInitialSequence(), trackerOptions.getMaxHistorySize())
        .compose(claimed -> serve(claimed, trackerOptions, addresses, options))
        .onSuccess(v -> LOG.log(System.Logger.Level.INFO, () -> "tracker active (term " + replica.meta().term()
            + ", last sequence " + replica.meta().lastSequence() + ") in "
            + (System.nanoTime() - started) / 1_000_000 + " ms"));
  }

  private Future<Void> serve(TrackerStateReplica.Claimed claimed, OrderTrackerOptions trackerOptions,
                             Addresses addresses, ReplicatedTrackerOptions options) {
    // the publisher tells the batcher which events left (see ReplicationBatcher); unpublished ones leave at once
    EventSink publisher = trackerOptions.isPublishEvents()
        ? new OrderedEventPublisher(vertx.eventBus(), addresses, sequence -> batcher.left(sequence))
        : event -> batcher.left(event.sequence());
    // outbox → core → batcher: the core writes into the outbox; the batcher commits it with the core's sequence
    ReplicationOutbox outbox = new ReplicationOutbox();
    OrderTrackerCore core = OrderTrackerCore.builder()
        .maxHistorySize(trackerOptions.getMaxHistorySize())
        .initialSequence(trackerOptions.getInitialSequence())
        .sink(outbox)
        .journal(outbox)
        .metrics(MicrometerTrackerMetrics.forDefaultRegistry(addresses.prefix()))
        .build();
    lease = new OwnershipLease(vertx, options.leaseMs(), options.verifyDelayMs(),
        () -> replica.stillOwner(replica.currentMeta()));
    batcher = new ReplicationBatcher(vertx, replica, outbox, publisher, core::lastSequence, core::stats,
        this::stepDown, lease::confirmed, lease::ready, options.retryInitialMs(), options.retryMaxMs(),
        options.maxBacklog(), options.maxUnpublishedEvents());
    OwnershipGate gate = new OwnershipGate(batcher, lease);
    TrackerState state = claimed.state();
    try {
      core.restore(state.active(), state.history(), state.lastSequence(), state.stats());
    } catch (RuntimeException e) {
      return Future.failedFuture(new IllegalStateException("restoring the replicated tracker state: " + e, e));
    }
    batcher.republish(claimed.unpublished());
    if (!claimed.unpublished().isEmpty()) {
      LOG.log(System.Logger.Level.INFO, "republished " + claimed.unpublished().size()
          + " event(s) of the last replicated batch (same sequences)");
    }
    OrderTrackerService endpoint = new ReplicatingTrackerService(new TrackerServiceEndpoint(core)
        .withHealth(ComponentHealth.of(new ComponentHealth.Component(Fields.HEALTH_REPLICATION, batcher::health))),
        batcher, gate);
    service = new ServiceBinder(vertx).setAddress(addresses.tracker()).register(OrderTrackerService.class, endpoint);
    // local-only twin: the co-located adapter's calls must not follow a clustered registration of a dead node
    localService = new ServiceBinder(vertx).setAddress(addresses.trackerLocal())
        .registerLocal(OrderTrackerService.class, endpoint);
    if (trackerOptions.isLocalIngest()) {
      ingest = LocalUpdateIngest.consume(vertx.eventBus(), addresses, core, gate::command);
    }
    fenceTimer = vertx.setPeriodic(options.fenceCheckMs(), id -> checkFence());
    return batcher.flush().compose(v -> service.completion()).compose(v -> localService.completion())
        .compose(v -> ingest == null ? Future.<Void>succeededFuture() : ingest.completion())
        .onFailure(e -> batcher.close()); // a failed start leaves no retry timer behind
  }

  private void checkFence() {
    if (batcher.isFenced() || steppingDown) {
      return;
    }
    if (lease.expired()) {
      // Late timer: this process was probably paused. Hold everything and re-verify (see OwnershipLease).
      lease.ready().onFailure(e -> batcher.fence(e.getMessage()));
      return;
    }
    // Only when idle: a commit in flight checks the fence itself (its compare-and-set).
    if (!batcher.isIdle()) {
      return;
    }
    String expected = replica.currentMeta();
    replica.stillOwner(expected).onComplete(result -> {
      if (result.succeeded() && result.result()) {
        lease.confirmed();
      } else if (result.succeeded() && batcher.isIdle() && expected.equals(replica.currentMeta())) {
        batcher.fence("the replicated state names another owner");
      } else if (result.failed()) {
        LOG.log(System.Logger.Level.WARNING, "fence check failed: " + result.cause().getMessage());
      }
    });
  }

  private void stepDown() {
    if (steppingDown) {
      return;
    }
    steppingDown = true;
    LOG.log(System.Logger.Level.WARNING, "another tracker owns the replicated state: this one steps down");
    vertx.eventBus().publish(STEPPED_DOWN_ADDRESS, deploymentID(), new DeliveryOptions().setLocalOnly(true));
    vertx.undeploy(deploymentID()).onFailure(e -> LOG.log(System.Logger.Level.WARNING,
        "undeploying the fenced tracker failed: " + e.getMessage()));
  }

  @Override
  public Future<?> stop() {
    if (fenceTimer >= 0) {
      vertx.cancelTimer(fenceTimer);
    }
    if (batcher != null) {
      batcher.close();
    }
    if (ingest != null) {
      ingest.unregister();
    }
    if (localService != null) {
      localService.unregister();
    }
    return service == null ? Future.succeededFuture() : service.unregister();
  }

  /** Times the ownership lease lapsed and commands were held for re-verification (tests, metrics). */
  long leaseSuspensions() {
    return lease == null ? 0 : lease.suspensions();
  }

  /** This verticle's context (tests pause it to play a stopped process). */
  io.vertx.core.Context trackerContext() {
    return context;
  }

  /** Number of batches committed (for tests and metrics). */
  long batches() {
    return batcher == null ? 0 : batcher.batches();
  }
}
