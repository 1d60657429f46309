package dev.ordertracker.api.consumer;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event-bus side the consumers of this package share: one consumer per event type's address, each message
 * decoded once into an {@link OrderEvent} (a malformed one is counted, logged and dropped, never handed on).
 * Touched only on its owner's context.
 */
final class EventSubscriptions {
  private static final System.Logger LOG = System.getLogger(EventSubscriptions.class.getName());

  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private long malformed;

  /** Registers {@code onEvent} on the address of every type; completes when every registration is done. */
  Future<Void> register(Vertx vertx, Addresses addresses, Iterable<EventType> types, Consumer<OrderEvent> onEvent) {
    List<Future<Void>> registered = new ArrayList<>();
    for (EventType type : types) {
      MessageConsumer<JsonObject> c = vertx.eventBus().consumer(addresses.event(type), m -> decode(m, onEvent));
      consumers.add(c);
      registered.add(c.completion());
    }
    return Future.all(registered).mapEmpty();
  }

  /** Unregisters every consumer; completes when all are gone. */
  Future<Void> unregister() {
    List<Future<Void>> unregistered = new ArrayList<>();
    consumers.forEach(c -> unregistered.add(c.unregister()));
    consumers.clear();
    return Future.all(unregistered).mapEmpty();
  }

  void pause() {
    consumers.forEach(MessageConsumer::pause);
  }

  void resume() {
    consumers.forEach(MessageConsumer::resume);
  }

  long malformed() {
    return malformed;
  }

  private void decode(Message<JsonObject> message, Consumer<OrderEvent> onEvent) {
    OrderEvent event;
    try {
      event = OrderEvent.fromJson(message.body());
    } catch (RuntimeException e) {
      malformed++;
      LOG.log(System.Logger.Level.WARNING, () -> "dropping a malformed event on " + message.address() + ": "
          + e.getMessage());
      return;
    }
    onEvent.accept(event);
  }
}
