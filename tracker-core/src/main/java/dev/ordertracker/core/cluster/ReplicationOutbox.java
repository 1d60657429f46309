package dev.ordertracker.core.cluster;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.core.EventSink;
import dev.ordertracker.core.TrackerJournal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Where a replicated tracker's core journals its changed orders and emits its events (instead of the event bus):
 * held here until the {@link ReplicationBatcher} takes them as the next batch. The latest snapshot of an order
 * replaces an earlier one still waiting; events keep their sequence order.
 *
 * <p>Built before the core and handed to it as sink and journal, so that the batcher can be built after the core
 * (it reads the core's last sequence and stats at each commit): no construction cycle. Runs on the tracker
 * verticle's context only.
 */
final class ReplicationOutbox implements TrackerJournal, EventSink {
  private LinkedHashMap<String, TrackedOrder> orders = new LinkedHashMap<>();
  private List<OrderEvent> events = new ArrayList<>();

  /** What one commit carries: order snapshots (one per order) and events in sequence order. */
  record Batch(List<TrackedOrder> orders, List<OrderEvent> events) {
    int size() {
      return orders.size() + events.size();
    }
  }

  @Override
  public void onOrderChanged(TrackedOrder order) {
    orders.put(TrackerStateReplica.orderKey(order), order);
  }

  /** The core's event sink: held until the batch is committed. */
  @Override
  public void publish(OrderEvent event) {
    events.add(event);
  }

  boolean isEmpty() {
    return orders.isEmpty() && events.isEmpty();
  }

  /** Records (order snapshots and events) waiting. */
  int size() {
    return orders.size() + events.size();
  }

  /** Everything waiting, as the next batch; the outbox is empty afterwards. */
  Batch take() {
    Batch batch = new Batch(new ArrayList<>(orders.values()), events);
    orders = new LinkedHashMap<>();
    events = new ArrayList<>();
    return batch;
  }

  /** A batch whose commit failed goes back in front of what came since (newer snapshots of its orders win). */
  void putBack(Batch batch) {
    LinkedHashMap<String, TrackedOrder> merged = new LinkedHashMap<>();
    batch.orders().forEach(o -> merged.put(TrackerStateReplica.orderKey(o), o));
    merged.putAll(orders);
    orders = merged;
    List<OrderEvent> allEvents = new ArrayList<>(batch.events());
    allEvents.addAll(events);
    events = allEvents;
  }
}
