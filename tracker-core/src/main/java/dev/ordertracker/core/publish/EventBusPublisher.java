package dev.ordertracker.core.publish;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.core.EventSink;
import io.vertx.core.eventbus.EventBus;

import java.util.EnumMap;

/**
 * Publishes order events on {@code <prefix>.events.<TYPE>} as JSON with the event's headers. Used on the tracker
 * verticle's context only. {@code publish} on the event bus is fire-and-forget and never blocks; should it throw,
 * the core counts and logs the failure and the state change stands.
 */
public final class EventBusPublisher implements EventSink {
  private final EventBus eventBus;
  private final EnumMap<EventType, String> addresses = new EnumMap<>(EventType.class);

  public EventBusPublisher(EventBus eventBus, Addresses addresses) {
    this.eventBus = eventBus;
    for (EventType type : EventType.values()) {
      this.addresses.put(type, addresses.event(type));
    }
  }

  @Override
  public void publish(OrderEvent event) {
    eventBus.publish(addresses.get(event.eventType()), event.toJson(), event.deliveryOptions());
  }
}
