package dev.ordertracker.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/**
 * The in-JVM event-bus codecs of {@link OrderUpdate} and {@link OrderUpdateBatch}: the immutable records travel by
 * reference to the tracker's local ingest ({@link Addresses#trackerIngest()}), never encoded. They refuse to cross a
 * JVM boundary: remote callers use the JSON service ({@link OrderTrackerService#applyUpdate}). Both the tracker and
 * exchange adapters register them; whoever comes first wins, the other call does nothing.
 */
public final class OrderUpdateCodec<T> implements MessageCodec<T, T> {
  private static final System.Logger LOG = System.getLogger(OrderUpdateCodec.class.getName());
  private final String name;

  private OrderUpdateCodec(Class<T> type) {
    this.name = "dev.ordertracker." + type.getSimpleName() + ".local";
  }

  /** Registers the codecs as the defaults of {@link OrderUpdate} and {@link OrderUpdateBatch}, once. */
  public static void registerOnce(EventBus eventBus) {
    registerOnce(eventBus, OrderUpdate.class);
    registerOnce(eventBus, OrderUpdateBatch.class);
  }

  private static <T> void registerOnce(EventBus eventBus, Class<T> type) {
    try {
      eventBus.registerDefaultCodec(type, new OrderUpdateCodec<>(type));
    } catch (IllegalStateException alreadyRegistered) {
      LOG.log(System.Logger.Level.TRACE, () -> type.getSimpleName() + " codec already registered");
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, T update) {
    throw new UnsupportedOperationException("OrderUpdate records travel only inside one JVM; send JSON to the "
        + "tracker service instead");
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    throw new UnsupportedOperationException("OrderUpdate records travel only inside one JVM");
  }

  @Override
  public T transform(T update) {
    return update;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
