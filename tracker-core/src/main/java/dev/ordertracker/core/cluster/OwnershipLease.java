package dev.ordertracker.core.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Self-fencing after a pause. A tracker whose process was stopped (SIGSTOP, a long GC pause, a frozen VM) for
 * longer than the cluster's failure detection may have been declared dead and replaced while it could not notice;
 * when it runs again its own view of the cluster is stale for a few seconds, and a compare-and-set against a stale
 * local copy of the commit record could still succeed.
 *
 * <p>So ownership is a lease: every successful commit or fence check confirms it. When a command or the fence timer
 * finds the last confirmation older than {@code leaseMs} (set below the cluster's heartbeat timeout), the tracker
 * holds every command (in order, nothing processed, nothing published) for {@code verifyDelayMs} (set above the
 * heartbeat timeout, so the node's cluster view has settled: it was removed, or it never was) and then re-reads the
 * commit record: still its own → go on with the held commands; otherwise → fenced.
 *
 * <p>Used on the tracker verticle's context only.
 */
final class OwnershipLease {
  private static final System.Logger LOG = System.getLogger(OwnershipLease.class.getName());

  private final Vertx vertx;
  private final long leaseNanos;
  private final long verifyDelayMs;
  private final Supplier<Future<Boolean>> verify;
  private long confirmedAt = System.nanoTime();
  private Future<Void> verifying;
  private long suspensions;

  /** {@code leaseMs} 0 turns the lease off (a single JVM, tests). */
  OwnershipLease(Vertx vertx, long leaseMs, long verifyDelayMs, Supplier<Future<Boolean>> verify) {
    this.vertx = vertx;
    this.leaseNanos = leaseMs * 1_000_000L;
    this.verifyDelayMs = verifyDelayMs;
    this.verify = verify;
  }

  void confirmed() {
    confirmedAt = System.nanoTime();
  }

  boolean expired() {
    return leaseNanos > 0 && System.nanoTime() - confirmedAt > leaseNanos;
  }

  long suspensions() {
    return suspensions;
  }

  /** Completes when commands may run: at once while the lease holds; after re-verification when it lapsed. */
  Future<Void> ready() {
    if (verifying != null) {
      return verifying;
    }
    if (!expired()) {
      return Future.succeededFuture();
    }
    suspensions++;
    long silentMs = (System.nanoTime() - confirmedAt) / 1_000_000;
    LOG.log(System.Logger.Level.WARNING, "no confirmed ownership for " + silentMs + " ms (paused?): holding"
        + " commands " + verifyDelayMs + " ms, then re-verifying the replicated state's owner");
    Promise<Void> settled = Promise.promise();
    verifying = settled.future();
    vertx.setTimer(verifyDelayMs, t -> verify.get().onComplete(result -> {
      verifying = null;
      if (result.succeeded() && result.result()) {
        confirmed();
        LOG.log(System.Logger.Level.INFO, "ownership re-verified: resuming");
        settled.complete();
      } else {
        settled.fail(new TrackerStateReplica.FencedException(result.succeeded()
            ? "another tracker owns the replicated state" : "ownership not verifiable: " + result.cause()));
      }
    }));
    return verifying;
  }
}
