package dev.ordertracker.core.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.OrderUpdateBatch;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.core.OrderTrackerCore;
import dev.ordertracker.core.TrackerException;
import dev.ordertracker.core.service.LocalUpdateIngest;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * The in-JVM fast path ({@code <prefix>.tracker.ingest}, {@link OrderUpdate} records, see
 * {@link LocalUpdateIngest}) for a replicated tracker: same message contract (the outcome name, or a failure with
 * the tracker error code), but answered only after the change is replicated, and held like any command while the
 * ownership lease is being re-verified. An {@link OrderUpdateBatch} is applied whole, replicated once, and answered
 * with the number of updates refused. While the replication backlog is full it is refused (503
 * {@code replication_backlog_full}) before anything is applied. Local consumer: an adapter on another node gets no handler and uses the
 * service proxy. Runs on the tracker verticle's context.
 */
final class ReplicatedIngest {
  private static final System.Logger LOG = System.getLogger(ReplicatedIngest.class.getName());

  private ReplicatedIngest() {
  }

  static MessageConsumer<Object> consume(EventBus eventBus, Addresses addresses, OrderTrackerCore core,
                                              ReplicationBatcher batcher, OwnershipLease lease) {
    LocalUpdateIngest.registerCodec(eventBus);
    return eventBus.localConsumer(LocalUpdateIngest.address(addresses),
        (Message<Object> msg) -> handle(msg, core, batcher, lease));
  }

  private static void handle(Message<Object> msg, OrderTrackerCore core, ReplicationBatcher batcher,
                             OwnershipLease lease) {
    if (batcher.isFenced()) {
      msg.fail(TrackerErrors.INTERNAL, ReplicatingTrackerService.FENCED);
      return;
    }
    if (batcher.isFull()) {
      msg.fail(TrackerErrors.UNAVAILABLE, TrackerErrors.REPLICATION_BACKLOG_FULL);
      return;
    }
    if (lease.expired()) {
      lease.ready().onComplete(ready -> {
        if (ready.failed()) {
          batcher.fence(ready.cause().getMessage());
          msg.fail(TrackerErrors.INTERNAL, ReplicatingTrackerService.FENCED);
        } else {
          handle(msg, core, batcher, lease);
        }
      });
      return;
    }
    Object answer;
    try {
      if (msg.body() instanceof OrderUpdateBatch batch) {
        answer = LocalUpdateIngest.applyAll(core, batch);
      } else if (msg.body() instanceof OrderUpdate update) {
        answer = core.apply(update).name();
      } else {
        msg.fail(TrackerErrors.BAD_REQUEST, "expected an OrderUpdate or an OrderUpdateBatch");
        return;
      }
    } catch (TrackerException e) {
      LOG.log(System.Logger.Level.INFO, () -> "ingest: " + e.getMessage());
      msg.fail(e.code(), e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "ingest: update failed unexpectedly", e);
      msg.fail(TrackerErrors.INTERNAL, TrackerErrors.INTERNAL_MESSAGE);
      return;
    }
    Future<Void> replicated = batcher.flush();
    replicated.onComplete(done -> {
      if (msg.replyAddress() == null) {
        return;
      }
      if (done.succeeded()) {
        msg.reply(answer);
      } else {
        msg.fail(TrackerErrors.INTERNAL, batcher.isFenced() ? ReplicatingTrackerService.FENCED
            : TrackerErrors.NOT_REPLICATED);
      }
    });
  }
}
