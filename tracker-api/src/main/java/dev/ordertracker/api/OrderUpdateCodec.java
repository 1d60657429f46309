package dev.ordertracker.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/**
 * The in-JVM event-bus codec of {@link OrderUpdate}: the immutable record travels by reference to the tracker's
 * local ingest ({@link Addresses#trackerIngest()}), never encoded. It refuses to cross a JVM boundary: remote
 * callers use the JSON service ({@link OrderTrackerService#applyUpdate}). Both the tracker and exchange adapters
 * register it; whoever comes first wins, the other call does nothing.
 */
public final class OrderUpdateCodec implements MessageCodec<OrderUpdate, OrderUpdate> {
  private static final System.Logger LOG = System.getLogger(OrderUpdateCodec.class.getName());

  private OrderUpdateCodec() {
  }

  /** Registers the codec as {@link OrderUpdate}'s default on {@code eventBus}, once (further calls do nothing). */
  public static void registerOnce(EventBus eventBus) {
    try {
      eventBus.registerDefaultCodec(OrderUpdate.class, new OrderUpdateCodec());
    } catch (IllegalStateException alreadyRegistered) {
      LOG.log(System.Logger.Level.TRACE, "OrderUpdate codec already registered");
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, OrderUpdate update) {
    throw new UnsupportedOperationException("OrderUpdate records travel only inside one JVM; send JSON to the "
        + "tracker service instead");
  }

  @Override
  public OrderUpdate decodeFromWire(int pos, Buffer buffer) {
    throw new UnsupportedOperationException("OrderUpdate records travel only inside one JVM");
  }

  @Override
  public OrderUpdate transform(OrderUpdate update) {
    return update;
  }

  @Override
  public String name() {
    return "dev.ordertracker.OrderUpdate.local";
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
