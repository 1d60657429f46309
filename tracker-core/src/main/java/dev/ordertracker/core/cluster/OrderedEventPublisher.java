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
import java.util.function.LongConsumer;

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
 * <p>It also says when events have <b>left</b>: {@code left} hears the highest sequence whose write, and the writes of
 * every event before it, completed (the bus handed the message to the connection, or gave up on it). The
 * replication uses it to record which events a successor need not republish: an event handed to this publisher but
 * still waiting here or in the bus when the node dies has not left, and must be republished.
 *
 * <p>Runs on the tracker verticle's context only.
 */
final class OrderedEventPublisher implements EventSink {
  private final EnumMap<EventType, MessageProducer<JsonObject>> producers = new EnumMap<>(EventType.class);
  private final ArrayDeque<OrderEvent> waiting = new ArrayDeque<>();
  /** Written or waiting, in sequence order, until the writes up to them completed. */
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final LongConsumer left;
  private EventType lastType;
  private int inFlight;

  /** An event on its way: {@code done} once its write completed. */
  private static final class Pending {
    final long sequence;
    boolean done;

    Pending(long sequence) {
      this.sequence = sequence;
    }
  }

  /** @param left told the highest sequence through which every event has left (see the class comment) */
  OrderedEventPublisher(EventBus eventBus, Addresses addresses, LongConsumer left) {
    this.left = left;
    for (EventType type : EventType.values()) {
      producers.put(type, eventBus.publisher(addresses.event(type)));
    }
  }

  @Override
  public void publish(OrderEvent event) {
    pending.add(new Pending(event.sequence()));
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
    long sequence = event.sequence();
    producer.write(event.toWireJson()).onComplete(done -> {
      inFlight--;
      written(sequence);
      drain();
    });
  }

  /** Marks {@code sequence} written; reports how far the writes completed without a gap. */
  private void written(long sequence) {
    for (Pending p : pending) {
      if (p.sequence == sequence) {
        p.done = true;
        break;
      }
    }
    long through = -1;
    while (!pending.isEmpty() && pending.peek().done) {
      through = pending.poll().sequence;
    }
    if (through >= 0) {
      left.accept(through);
    }
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
