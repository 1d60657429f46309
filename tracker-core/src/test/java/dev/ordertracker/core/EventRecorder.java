package dev.ordertracker.core;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A consumer verticle that records every event it receives, with its address and headers, for the test thread. */
final class EventRecorder extends VerticleBase {
  /** One received message: where it came from, its headers and its body decoded. */
  record Received(String address, Map<String, String> headers, JsonObject body) {
    OrderEvent event() {
      return OrderEvent.fromJson(body);
    }
  }

  private final Addresses addresses;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  EventRecorder(Addresses addresses) {
    this.addresses = addresses;
  }

  @Override
  public Future<?> start() {
    List<Future<Void>> registered = new ArrayList<>();
    for (EventType type : EventType.values()) {
      registered.add(vertx.eventBus().<JsonObject>consumer(addresses.event(type), msg -> {
        Map<String, String> headers = new TreeMap<>();
        msg.headers().forEach(e -> headers.put(e.getKey(), e.getValue()));
        received.add(new Received(msg.address(), headers, msg.body()));
      }).completion());
    }
    return Future.all(registered);
  }

  /** Waits (bounded) for {@code n} messages and answers them in sequence order. */
  List<Received> take(int n) throws InterruptedException {
    List<Received> out = new ArrayList<>(n);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (out.size() < n) {
      Received r = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (r == null) {
        throw new AssertionError("expected " + n + " events, received " + out.size() + ": " + out);
      }
      out.add(r);
    }
    out.sort(Comparator.comparingLong(r -> r.body().getLong("sequence")));
    return out;
  }

  /** Events received so far without waiting (to check that nothing more arrived). */
  List<Received> drain() {
    List<Received> out = new ArrayList<>();
    received.drainTo(out);
    return out;
  }
}
