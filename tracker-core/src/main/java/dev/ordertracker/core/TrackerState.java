package dev.ordertracker.core;

import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;

import java.util.Collection;
import java.util.List;

/**
 * What a journal saved and a new tracker starts from (see {@link OrderTrackerCore#restore}): active orders,
 * completed orders oldest first, the last event sequence and the counters (may be null).
 */
public record TrackerState(Collection<TrackedOrder> active, List<TrackedOrder> history, long lastSequence,
                           TrackerStats stats) {
  public TrackerState {
    active = active == null ? List.of() : List.copyOf(active);
    history = history == null ? List.of() : List.copyOf(history);
  }
}
