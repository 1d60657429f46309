package dev.ordertracker.core.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.core.EventSink;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageProducer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.EnumMap;

/**
 * Publishes order events in sequence order across addresses on a clustered event bus.
 *
 * <p>Why: the clustered event bus keeps the order of one sender's messages per address only. The first message to
 * an address on a node waits for a cluster lookup of its subscribers; a later message to another, already known
 * address overtakes it. Right after a takeover every address is cold, so a consumer of several event types could
 * see ORDER_FILLED #21 after ORDER_PARTIALLY_FILLED #36 (measured in the failover test). So: messages to the same
 * address as the previous one go out at once (the bus keeps their order); a message to a different address waits
 * until every earlier write has completed. In steady state writes complete within microseconds and nothing waits.
 *
 * <p>Runs on the tracker verticle's context only.
 */
final class OrderedEventPublisher implements EventSink {
  private final EnumMap<EventType, MessageProducer<JsonObject>> producers = new EnumMap<>(EventType.class);
  private final ArrayDeque<OrderEvent> waiting = new ArrayDeque<>();
  private EventType lastType;
  private int inFlight;

  OrderedEventPublisher(EventBus eventBus, Addresses addresses) {
    for (EventType type : EventType.values()) {
      producers.put(type, eventBus.publisher(addresses.event(type)));
    }
  }

  @Override
  public void publish(OrderEvent event) {
    if (!waiting.isEmpty() || (inFlight > 0 && event.eventType() != lastType)) {
      waiting.add(event);
      return;
    }
    write(event);
  }

  private void write(OrderEvent event) {
    lastType = event.eventType();
    inFlight++;
    MessageProducer<JsonObject> producer = producers.get(event.eventType());
    producer.deliveryOptions(event.deliveryOptions());
    producer.write(event.toJson()).onComplete(done -> {
      inFlight--;
      drain();
    });
  }

  private void drain() {
    while (!waiting.isEmpty() && (inFlight == 0 || waiting.peek().eventType() == lastType)) {
      write(waiting.poll());
    }
  }

  /** Events held back, waiting for an earlier write (tests, metrics). */
  int waiting() {
    return waiting.size();
  }
}
