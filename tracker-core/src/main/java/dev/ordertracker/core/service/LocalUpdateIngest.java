package dev.ordertracker.core.service;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.OrderUpdateCodec;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.core.OrderTrackerCore;
import dev.ordertracker.core.TrackerException;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * The in-JVM fast path into the tracker: exchange adapters running in the same JVM send {@link OrderUpdate} records
 * (no JSON) to {@code <prefix>.tracker.ingest}; with a reply address they get the {@link UpdateOutcome} name back,
 * or a failure 404 for an unknown order. A record codec (local only) is registered as the default codec of
 * {@link OrderUpdate}. Runs on the tracker verticle's context.
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

  /** Registers the local codec of {@link OrderUpdate} once per event bus (further calls do nothing). */
  public static void registerCodec(EventBus eventBus) {
    OrderUpdateCodec.registerOnce(eventBus);
  }

  /** Consumes updates into {@code core}; call on the tracker's context. */
  public static MessageConsumer<OrderUpdate> consume(EventBus eventBus, Addresses addresses, OrderTrackerCore core) {
    registerCodec(eventBus);
    return eventBus.localConsumer(address(addresses), (Message<OrderUpdate> msg) -> {
      try {
        UpdateOutcome outcome = core.apply(msg.body());
        if (msg.replyAddress() != null) {
          msg.reply(outcome.name());
        }
      } catch (TrackerException e) {
        LOG.log(System.Logger.Level.INFO, () -> "ingest: " + e.getMessage());
        msg.fail(e.code(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "ingest: update failed unexpectedly", e);
        msg.fail(500, String.valueOf(e));
      }
    });
  }
}
