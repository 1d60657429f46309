package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every order event this node receives, body and headers, in arrival order. The list is written on this
 * verticle's context only; readers get copies (from the test thread via {@link #snapshot()}, or remotely through
 * {@link ProbeNode}'s {@code probe.<name>.recorded} address).
 */
final class EventRecorder extends VerticleBase {
  private final List<JsonObject> events = new ArrayList<>();

  @Override
  public Future<?> start() {
    Addresses addresses = Addresses.defaults();
    List<Future<?>> registrations = new ArrayList<>();
    for (EventType type : EventType.values()) {
      registrations.add(vertx.eventBus().<JsonObject>consumer(addresses.event(type), this::record).completion());
    }
    return Future.all(registrations);
  }

  private void record(Message<JsonObject> message) {
    JsonObject headers = new JsonObject();
    message.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
    JsonObject entry = new JsonObject().put("address", message.address()).put("headers", headers)
        .put("body", message.body()).put("receivedNanos", System.nanoTime());
    synchronized (events) {
      events.add(entry);
    }
  }

  JsonArray snapshot() {
    synchronized (events) {
      return new JsonArray(new ArrayList<>(events));
    }
  }

  int size() {
    synchronized (events) {
      return events.size();
    }
  }

  static long sequence(JsonObject entry) {
    return Long.parseLong(entry.getJsonObject("headers").getString(Fields.HEADER_SEQUENCE));
  }
}
