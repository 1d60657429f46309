package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code consumer} role: prints one line per order event this node receives, whichever node published it.
 * Shows cross-node delivery in a demo; a real deployment puts its strategy verticles here.
 */
public final class EventLogConsumer extends VerticleBase {

  @Override
  public Future<?> start() {
    Addresses addresses = Addresses.defaults();
    List<Future<?>> registrations = new ArrayList<>();
    for (EventType type : EventType.values()) {
      registrations.add(vertx.eventBus().<JsonObject>consumer(addresses.event(type), this::print).completion());
    }
    return Future.all(registrations);
  }

  private void print(Message<JsonObject> message) {
    JsonObject body = message.body();
    System.out.println("EVENT " + message.headers().get(Fields.HEADER_EVENT_TYPE)
        + " seq=" + message.headers().get(Fields.HEADER_SEQUENCE)
        + " " + body.getString(Fields.SYMBOL) + "/" + body.getString(Fields.ORDER_ID)
        + " status=" + body.getString(Fields.STATUS)
        + " filled=" + body.getValue(Fields.FILLED_QUANTITY));
  }
}
