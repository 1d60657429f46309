package dev.ordertracker.core.service;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.OrderUpdateBatch;
import dev.ordertracker.api.OrderUpdateCodec;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.core.OrderTrackerCore;
import dev.ordertracker.core.TrackerException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.serviceproxy.ServiceException;

import java.util.function.Supplier;

/**
 * The in-JVM fast path into the tracker, and its one handler: exchange adapters running in the same JVM send
 * {@link OrderUpdate} records (no JSON) to {@code <prefix>.tracker.ingest}; with a reply address they get the
 * {@link UpdateOutcome} name back, or a failure with the tracker error code (404 for an unknown order). An
 * {@link OrderUpdateBatch} is applied in order in one task and answered with the number of updates refused (each
 * refusal logged, the rest of the batch still applied). Record codecs (local only) are registered as the default
 * codecs of both types. Runs on the tracker verticle's context.
 *
 * <p>A plain tracker applies at once ({@link Gate#OPEN}); a replicated tracker passes its ownership gate, which holds,
 * refuses or answers after replication (same message contract).
 *
 * <pre>{@code eventBus.send(LocalUpdateIngest.address(addresses), update); // fire and forget}</pre>
 */
public final class LocalUpdateIngest {
  private static final System.Logger LOG = System.getLogger(LocalUpdateIngest.class.getName());

  /**
   * What stands between a message and the core: runs {@code apply} when the tracker may change state; the returned
   * future is what is answered (a {@link ServiceException} failure carries the tracker error code).
   */
  @FunctionalInterface
  public interface Gate {
    Gate OPEN = Supplier::get;

    Future<Object> run(Supplier<Future<Object>> apply);
  }

  private LocalUpdateIngest() {
  }

  public static String address(Addresses addresses) {
    return addresses.trackerIngest();
  }

  /** Registers the local codecs of {@link OrderUpdate} and {@link OrderUpdateBatch} once per event bus. */
  public static void registerCodec(EventBus eventBus) {
    OrderUpdateCodec.registerOnce(eventBus);
  }

  /** Consumes updates and batches into {@code core}; call on the tracker's context. */
  public static MessageConsumer<Object> consume(EventBus eventBus, Addresses addresses, OrderTrackerCore core) {
    return consume(eventBus, addresses, core, Gate.OPEN);
  }

  /** Consumes updates and batches into {@code core} through {@code gate}; call on the tracker's context. */
  public static MessageConsumer<Object> consume(EventBus eventBus, Addresses addresses, OrderTrackerCore core,
                                                Gate gate) {
    registerCodec(eventBus);
    return eventBus.localConsumer(address(addresses), (Message<Object> msg) ->
        gate.run(() -> apply(core, msg.body())).onComplete(answer -> {
          if (msg.replyAddress() == null) {
            return;
          }
          if (answer.succeeded()) {
            msg.reply(answer.result());
          } else if (answer.cause() instanceof ServiceException e) {
            msg.fail(e.failureCode(), e.getMessage());
          } else {
            msg.fail(TrackerErrors.INTERNAL, TrackerErrors.INTERNAL_MESSAGE); // the details stay in the log
          }
        }));
  }

  /** The one dispatch of an ingest body: the outcome name of an update, the refusals of a batch, or a failure. */
  private static Future<Object> apply(OrderTrackerCore core, Object body) {
    if (body instanceof OrderUpdateBatch batch) {
      return Future.succeededFuture(applyAll(core, batch));
    }
    if (!(body instanceof OrderUpdate update)) {
      LOG.log(System.Logger.Level.WARNING, () -> "ingest: not an OrderUpdate, dropped: "
          + (body == null ? "null" : body.getClass().getName()));
      return ServiceException.fail(TrackerErrors.BAD_REQUEST, "expected an OrderUpdate or an OrderUpdateBatch");
    }
    try {
      return Future.succeededFuture(core.apply(update).name());
    } catch (TrackerException e) {
      LOG.log(System.Logger.Level.INFO, () -> "ingest: " + e.getMessage());
      return ServiceException.fail(e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "ingest: update failed unexpectedly", e);
      return ServiceException.fail(TrackerErrors.INTERNAL, TrackerErrors.INTERNAL_MESSAGE);
    }
  }

  /**
   * Applies every update of {@code batch} in order; a refused one is logged and skipped, never stops the rest.
   *
   * @return how many were refused
   */
  private static int applyAll(OrderTrackerCore core, OrderUpdateBatch batch) {
    int refused = 0;
    for (OrderUpdate update : batch.updates()) {
      try {
        core.apply(update);
      } catch (TrackerException e) {
        refused++;
        LOG.log(System.Logger.Level.INFO, () -> "ingest: " + e.getMessage());
      } catch (RuntimeException e) {
        refused++;
        LOG.log(System.Logger.Level.ERROR, "ingest: update failed unexpectedly", e);
      }
    }
    return refused;
  }
}
