package dev.ordertracker.core.cluster;

import dev.ordertracker.api.TrackerErrors;
import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;

import java.util.function.Supplier;

/**
 * The one gate every call into a replicated tracker passes — service commands and queries
 * ({@link ReplicatingTrackerService}) and the local ingest ({@code LocalUpdateIngest} with this gate) — so that a new
 * path cannot forget ownership. Failures are {@link ServiceException}s with the tracker error codes:
 * <ul>
 *   <li>a fenced tracker answers every call 500 {@link #FENCED} (the caller retries; the new tracker serves);</li>
 *   <li>while the replication backlog is full a command is refused 503 {@code replication_backlog_full} before it
 *   changes anything (nothing accepted is ever dropped, and the caller knows to retry);</li>
 *   <li>while the ownership lease is being re-verified ({@link OwnershipLease}) every call is held, in order, and then
 *   runs, or is answered {@link #FENCED} when the state names another owner;</li>
 *   <li>a command is answered only after its change is replicated (and its event published) — the acknowledgement
 *   the failover guarantee counts from — whatever its answer, so that answers keep the order of the calls; a change
 *   applied but not yet replicated is answered 500 {@code not_replicated} (it stays and is replicated by the
 *   batcher's retry).</li>
 * </ul>
 * Runs on the tracker verticle's context.
 */
final class OwnershipGate {
  static final String FENCED = "tracker fenced: another node took over, retry";

  private final ReplicationBatcher batcher;
  private final OwnershipLease lease;

  OwnershipGate(ReplicationBatcher batcher, OwnershipLease lease) {
    this.batcher = batcher;
    this.lease = lease;
  }

  /** A call that may change replicated state: gated, then answered after replication. */
  <T> Future<T> command(Supplier<Future<T>> action) {
    return admit(true, () -> replicated(action.get()));
  }

  /** A call that changes no replicated state: gated (no backlog bound), answered at once. */
  <T> Future<T> query(Supplier<Future<T>> action) {
    return admit(false, action);
  }

  private <T> Future<T> admit(boolean command, Supplier<Future<T>> action) {
    if (batcher.isFenced()) {
      return ServiceException.fail(TrackerErrors.INTERNAL, FENCED);
    }
    if (command && batcher.isFull()) {
      return ServiceException.fail(TrackerErrors.UNAVAILABLE, TrackerErrors.REPLICATION_BACKLOG_FULL);
    }
    if (lease.expired()) {
      return lease.ready().transform(ready -> {
        if (ready.failed()) {
          if (command) {
            // A command would have changed state on a tracker that is no longer the owner: stop serving. A query
            // changed nothing; the next command or the fence timer settles the question.
            batcher.fence(ready.cause().getMessage());
          }
          return ServiceException.fail(TrackerErrors.INTERNAL, FENCED);
        }
        return admit(command, action);
      });
    }
    return action.get();
  }

  private <T> Future<T> replicated(Future<T> answer) {
    return batcher.flush().transform(replicated -> {
      if (replicated.failed()) {
        // Applied, not yet replicated: the batcher retries it in the background (details in the log).
        return ServiceException.fail(TrackerErrors.INTERNAL, batcher.isFenced() ? FENCED
            : TrackerErrors.NOT_REPLICATED);
      }
      return answer;
    });
  }
}
