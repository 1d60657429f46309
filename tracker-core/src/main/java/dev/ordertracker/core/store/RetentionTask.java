package dev.ordertracker.core.store;

import dev.ordertracker.api.store.OrderStore;
import dev.ordertracker.api.store.RetentionPolicy;
import dev.ordertracker.api.store.RetentionResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;


/**
 * Enforces a {@link RetentionPolicy} in the background: once at start and then every interval, never two passes
 * at once. The store does the work off the event loop; this only schedules it (on the tracker's context).
 */
public final class RetentionTask {
  private static final System.Logger LOG = System.getLogger(RetentionTask.class.getName());

  private final Vertx vertx;
  private final OrderStore store;
  private final RetentionPolicy policy;
  private final long intervalMs;
  private long timerId = -1;
  private Future<RetentionResult> running;
  private long passes;
  private long eventsDeleted;
  private long ordersDeleted;

  public RetentionTask(Vertx vertx, OrderStore store, RetentionPolicy policy, long intervalMs) {
    this.vertx = vertx;
    this.store = store;
    this.policy = policy;
    this.intervalMs = intervalMs;
  }

  public void start() {
    if (policy.unbounded()) {
      return;
    }
    runOnce();
    timerId = vertx.setPeriodic(intervalMs, id -> runOnce());
  }

  /** One pass now (or the pass already running). */
  public Future<RetentionResult> runOnce() {
    if (running != null) {
      return running;
    }
    Future<RetentionResult> pass = store.enforceRetention(policy).andThen(ar -> {
      running = null;
      if (ar.succeeded()) {
        passes++;
        eventsDeleted += ar.result().eventsDeleted();
        ordersDeleted += ar.result().ordersDeleted();
        if (ar.result().eventsDeleted() + ar.result().ordersDeleted() > 0) {
          LOG.log(System.Logger.Level.DEBUG,
              () -> "retention on " + store.describe() + " removed " + ar.result().eventsDeleted()
              + " events and " + ar.result().ordersDeleted() + " completed orders");
        }
      } else {
        LOG.log(System.Logger.Level.WARNING,
            "retention on " + store.describe() + " failed (retried at the next interval): "
            + ar.cause().getMessage(), ar.cause());
      }
    });
    running = pass;
    return pass;
  }

  public void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  public long passes() {
    return passes;
  }

  public long eventsDeleted() {
    return eventsDeleted;
  }

  public long ordersDeleted() {
    return ordersDeleted;
  }

  /** The pass in progress, or a completed future. */
  Future<?> idle() {
    return running == null ? Future.succeededFuture() : running.otherwiseEmpty();
  }
}
