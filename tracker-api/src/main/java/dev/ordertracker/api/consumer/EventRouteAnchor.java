package dev.ordertracker.api.consumer;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps this node in every publisher's route for the order-event addresses, so that on a clustered Vert.x a
 * consumer registered on this node receives every event published after its registration completed.
 *
 * <p>Why it is needed: a clustered {@code publish} goes to the nodes that the <em>publisher's node</em> knows to
 * have a registration for the address. Each node caches that list per address ({@code NodeSelector}) and learns of
 * a change only when the cluster manager's listener fires: with Hazelcast, the {@code __vertx.subs} entry event
 * reaches the publisher's node, then its throttling thread re-reads the multimap (at most every 20 ms per address)
 * and updates the cache. A registration's completion means "written to the multimap", not "known to every
 * publisher", so for a few milliseconds (much longer on a loaded host) events published by a node that already
 * had the address cached skip a node that has just got its first consumer for it. Delivery inside a node is
 * different: a message that reaches the node goes to the handlers registered there at that moment. So the loss
 * happens only when a node goes from none to one consumer of an address; with one permanent, cluster-wide
 * registration per event address (a no-op handler) the node never leaves the route, and consumers may come and go
 * on it without loss.
 *
 * <p>Deploy it once per node, before the node serves consumers (the cluster launcher does it first thing). Costs:
 * every event is sent once to every anchored node, whether or not it has consumers, and dispatched to the no-op
 * handler. The anchor's own registration has the same propagation delay: right after a node starts, a publisher may
 * skip it for a moment; {@link SequencedEventConsumer} covers that window (and any gap) from the store.
 */
public final class EventRouteAnchor extends VerticleBase {
  private final Addresses addresses;
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();

  public EventRouteAnchor(Addresses addresses) {
    this.addresses = Objects.requireNonNull(addresses, "addresses");
  }

  @Override
  public Future<?> start() {
    List<Future<?>> registrations = new ArrayList<>();
    for (EventType type : EventType.values()) {
      // Not local-only: the point is the cluster-wide registration. The handler ignores the message.
      MessageConsumer<Object> consumer = vertx.eventBus().consumer(addresses.event(type), message -> {
      });
      consumers.add(consumer);
      registrations.add(consumer.completion());
    }
    return Future.all(registrations);
  }

  /** The event addresses this anchor holds (one per {@link EventType}). */
  public List<String> addresses() {
    return consumers.stream().map(MessageConsumer::address).toList();
  }
}
