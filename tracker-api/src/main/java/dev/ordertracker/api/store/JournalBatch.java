package dev.ordertracker.api.store;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;

import java.util.List;

/**
 * One group commit: the latest snapshot of every order that changed (full, with fills and status history), the
 * events published since the previous batch (in sequence order) and the tracker's counters after them (null when
 * unchanged). A store writes a batch atomically: all of it or none. Writing the same batch twice is harmless
 * (snapshots replace, events are keyed by sequence), so a failed batch may be retried as is.
 */
public record JournalBatch(List<TrackedOrder> orders, List<OrderEvent> events, TrackerStats counters) {

  public JournalBatch {
    orders = List.copyOf(orders);
    events = List.copyOf(events);
  }

  public int size() {
    return orders.size() + events.size();
  }

  public boolean isEmpty() {
    return orders.isEmpty() && events.isEmpty() && counters == null;
  }
}
