package dev.ordertracker.core.publish;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventBodyCodec;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.core.EventSink;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;

import java.util.EnumMap;

/**
 * Publishes order events on {@code <prefix>.events.<TYPE>} as JSON with the event's headers. Used on the tracker
 * verticle's context only. {@code publish} on the event bus is fire-and-forget and never blocks; should it throw,
 * the core counts and logs the failure and the state change stands.
 *
 * <p>On a non-clustered Vert.x the body is read-only and shared by every local consumer ({@link EventBodyCodec});
 * the standard codec's deep copy per consumer cost as much as building the body. On a cluster the body is a plain
 * JsonObject with the standard codec, so that every node decodes it without a codec of ours.
 */
public final class EventBusPublisher implements EventSink {
  private final EventBus eventBus;
  private final boolean shareBodies;
  private final EnumMap<EventType, String> addresses = new EnumMap<>(EventType.class);

  public EventBusPublisher(Vertx vertx, Addresses addresses) {
    this.eventBus = vertx.eventBus();
    this.shareBodies = !vertx.isClustered();
    if (shareBodies) {
      EventBodyCodec.registerOnce(eventBus);
    }
    for (EventType type : EventType.values()) {
      this.addresses.put(type, addresses.event(type));
    }
  }

  @Override
  public void publish(OrderEvent event) {
    String address = addresses.get(event.eventType());
    if (shareBodies) {
      eventBus.publish(address, event.toReadOnlyJson(), event.deliveryOptions().setCodecName(EventBodyCodec.NAME));
    } else {
      // clustered: encoded for other nodes from the record, not through a map and databind
      eventBus.publish(address, event.toWireJson(), event.deliveryOptions());
    }
  }
}
