package dev.ordertracker.core.stats;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackerStats;

/**
 * The tracker's counters. Owned by {@code OrderTrackerCore} (the tracker verticle's context): plain longs, read by
 * others only through {@link #toStats} snapshots answered over the event bus.
 */
public final class TrackerCounters {
  public long totalTracked;
  public long totalFilled;
  public long totalFailed;
  public long totalCancelled;
  public long totalExpired;
  public long totalLost;
  public long eventsPublished;
  public long rejectedUpdates;
  public long duplicateUpdates;
  public long publishFailures;
  /** Fills recorded on an order that was already final (race 2 of the state machine). No event is published. */
  public long lateFills;
  /** Updates for unknown orders that could not start tracking them (answered 404). */
  public long unknownOrders;

  public void finalStatus(OrderStatus status, boolean lost) {
    switch (status) {
      case FILLED: totalFilled++; break;
      case FAILED: totalFailed++; break;
      case CANCELLED: totalCancelled++; break;
      case EXPIRED: totalExpired++; break;
      default: break;
    }
    if (lost) {
      totalLost++;
    }
  }

  public TrackerStats toStats(long currentlyActive, long historySize, long lastSequence) {
    return new TrackerStats(totalTracked, currentlyActive, totalFilled, totalFailed, totalCancelled, totalExpired,
        totalLost, eventsPublished, historySize, rejectedUpdates, duplicateUpdates, publishFailures, lastSequence);
  }

  /** Continues counting from a restored snapshot. */
  public void restore(TrackerStats stats) {
    totalTracked = stats.totalTracked();
    totalFilled = stats.totalFilled();
    totalFailed = stats.totalFailed();
    totalCancelled = stats.totalCancelled();
    totalExpired = stats.totalExpired();
    totalLost = stats.totalLost();
    eventsPublished = stats.eventsPublished();
    rejectedUpdates = stats.rejectedUpdates();
    duplicateUpdates = stats.duplicateUpdates();
    publishFailures = stats.publishFailures();
  }
}
