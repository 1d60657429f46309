package dev.ordertracker.binance.feed;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.OrderUpdateCodec;
import dev.ordertracker.api.UpdateOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * The adapter's only way into the tracker, over the event bus. Two paths, one contract (an {@link UpdateOutcome}):
 * <ul>
 *   <li>local ingest: the {@link OrderUpdate} record itself to {@code <prefix>.tracker.ingest} (tracker-core's
 *   in-JVM fast path, no JSON), answered with the outcome name;</li>
 *   <li>the service proxy ({@link OrderTracker#applyUpdate}) with JSON, for a tracker on another node. Used when
 *   local ingest is off, or from the first time the local address has no handler.</li>
 * </ul>
 * Ordering: every update is sent from the owner's context, and the event bus delivers messages from one sender to
 * one consumer in order, so the tracker sees each order's updates in the order the adapter sent them. The adapter
 * does not wait for one answer before sending the next.
 */
public final class TrackerFeed {
  private static final System.Logger LOG = System.getLogger(TrackerFeed.class.getName());
  private final EventBus eventBus;
  private final OrderTracker tracker;
  private final String ingestAddress;
  private final DeliveryOptions delivery;
  private boolean local;

  public TrackerFeed(Vertx vertx, Addresses addresses, boolean localIngest, long timeoutMs) {
    this.eventBus = vertx.eventBus();
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMs);
    this.tracker = OrderTracker.create(vertx, addresses, delivery);
    this.ingestAddress = addresses.trackerIngest();
    this.local = localIngest;
    if (localIngest) {
      OrderUpdateCodec.registerOnce(eventBus);
    }
  }

  public OrderTracker tracker() {
    return tracker;
  }

  /** True while updates go to the local ingest (records, no JSON). */
  public boolean isLocal() {
    return local;
  }

  /**
   * Fire and forget on the local ingest (the tracker logs and counts what it refuses); through the proxy when the
   * local ingest is not in use. Ordering is the same as {@link #apply}: one sender, one consumer, in order.
   */
  public void send(OrderUpdate update) {
    if (local) {
      eventBus.send(ingestAddress, update);
    } else {
      tracker.applyUpdate(update);
    }
  }

  public Future<UpdateOutcome> apply(OrderUpdate update) {
    if (!local) {
      return tracker.applyUpdate(update).map(r -> r.outcome());
    }
    return eventBus.<String>request(ingestAddress, update, delivery)
        .map(m -> UpdateOutcome.valueOf(m.body()))
        .recover(e -> {
          // every request that found no local handler falls back, not only the first: several may be in flight
          if (e instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
            if (local) {
              local = false;
              LOG.log(System.Logger.Level.INFO, "no local tracker ingest at " + ingestAddress
                  + ": using the tracker service proxy from now on");
            }
            return tracker.applyUpdate(update).map(r -> r.outcome());
          }
          return Future.failedFuture(e);
        });
  }
}
