package dev.ordertracker.examples.embedding;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A user's own verticle reacting to order events, the Java form of the product brief's {@code OrderEventHandler}:
 * it subscribes to ORDER_FILLED and ORDER_CANCELLED and reacts (here: prints, and hands the event to a callback so
 * that a test can observe it). Runs on its own context; it never touches the tracker's state, it only reads events.
 */
public final class OrderEventHandlerVerticle extends VerticleBase {
  private final Addresses addresses;
  private final Consumer<OrderEvent> observer;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  public OrderEventHandlerVerticle(Addresses addresses, Consumer<OrderEvent> observer) {
    this.addresses = addresses;
    this.observer = observer;
  }

  @Override
  public Future<?> start() {
    for (EventType type : List.of(EventType.ORDER_FILLED, EventType.ORDER_CANCELLED)) {
      consumers.add(vertx.eventBus().consumer(addresses.event(type), msg -> handle(OrderEvent.fromJson(msg.body()))));
    }
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  private void handle(OrderEvent event) {
    if (event.eventType() == EventType.ORDER_FILLED) {
      System.out.printf("Order filled: %s (%s) at average price %s%n", event.orderId(), event.symbol(),
          event.averagePrice().toPlainString());
      // Update position, notify the user, etc.
    } else if (event.eventType() == EventType.ORDER_CANCELLED) {
      System.out.printf("Order %s: %s%n", event.status() == null ? "cancelled" : event.status().name().toLowerCase(),
          event.orderId());
      // Clean up, retry, etc.
    }
    observer.accept(event);
  }
}
