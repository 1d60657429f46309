package dev.ordertracker.core.service;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.OrderUpdateBatch;
import dev.ordertracker.api.OrderUpdateCodec;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.core.OrderTrackerCore;
import dev.ordertracker.core.TrackerException;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * The in-JVM fast path into the tracker: exchange adapters running in the same JVM send {@link OrderUpdate} records
 * (no JSON) to {@code <prefix>.tracker.ingest}; with a reply address they get the {@link UpdateOutcome} name back,
 * or a failure 404 for an unknown order. An {@link OrderUpdateBatch} is applied in order in one task and answered
 * with the number of updates refused (each refusal logged, the rest of the batch still applied). Record codecs
 * (local only) are registered as the default codecs of both types. Runs on the tracker verticle's context.
 *
 * <pre>{@code eventBus.send(LocalUpdateIngest.address(addresses), update); // fire and forget}</pre>
 */
public final class LocalUpdateIngest {
  private static final System.Logger LOG = System.getLogger(LocalUpdateIngest.class.getName());

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
    registerCodec(eventBus);
    return eventBus.localConsumer(address(addresses), (Message<Object> msg) -> {
      if (msg.body() instanceof OrderUpdateBatch batch) {
        int refused = applyAll(core, batch);
        if (msg.replyAddress() != null) {
          msg.reply(refused);
        }
        return;
      }
      if (!(msg.body() instanceof OrderUpdate update)) {
        LOG.log(System.Logger.Level.WARNING, () -> "ingest: not an OrderUpdate, dropped: "
            + (msg.body() == null ? "null" : msg.body().getClass().getName()));
        msg.fail(TrackerErrors.BAD_REQUEST, "expected an OrderUpdate or an OrderUpdateBatch");
        return;
      }
      try {
        UpdateOutcome outcome = core.apply(update);
        if (msg.replyAddress() != null) {
          msg.reply(outcome.name());
        }
      } catch (TrackerException e) {
        LOG.log(System.Logger.Level.INFO, () -> "ingest: " + e.getMessage());
        msg.fail(e.code(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "ingest: update failed unexpectedly", e);
        msg.fail(TrackerErrors.INTERNAL, TrackerErrors.INTERNAL_MESSAGE); // the details stay in the log
      }
    });
  }

  /**
   * Applies every update of {@code batch} in order; a refused one is logged and skipped, never stops the rest.
   *
   * @return how many were refused
   */
  public static int applyAll(OrderTrackerCore core, OrderUpdateBatch batch) {
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
