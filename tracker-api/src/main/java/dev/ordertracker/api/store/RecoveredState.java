package dev.ordertracker.api.store;

import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;

import java.util.List;

/**
 * What a tracker reloads at start: every active order (with fills and history), the most recent completed orders
 * (oldest first, so that they can be appended to the in-memory history in order), the last journaled event
 * sequence (0 for an empty journal) and the last journaled counters (null for an empty journal).
 */
public record RecoveredState(List<TrackedOrder> active, List<TrackedOrder> recentHistory, long lastSequence,
                             TrackerStats counters) {
  public static final RecoveredState EMPTY = new RecoveredState(List.of(), List.of(), 0, null);

  public RecoveredState {
    active = List.copyOf(active);
    recentHistory = List.copyOf(recentHistory);
  }
}
