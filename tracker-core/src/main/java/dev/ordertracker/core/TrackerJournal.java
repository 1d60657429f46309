package dev.ordertracker.core;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;

/**
 * Hook for a durable store and for cluster fail-over (the issues after #2): the tracker calls it on its own context
 * after every accepted change, in order — first {@link #onOrderChanged} with the order as it is now, then
 * {@link #onEventPublished} for the event of that change, if any. Implementations must not block the event loop
 * (batch and hand work to a worker). Together with {@link OrderTrackerCore#restore} it is enough to rebuild a
 * tracker that continues the same sequence. The default does nothing.
 */
public interface TrackerJournal {
  TrackerJournal NONE = new TrackerJournal() {
  };

  /** An order was created or changed (including late fills, which publish no event). */
  default void onOrderChanged(TrackedOrder order) {
  }

  /** An event left the tracker (its sequence is the tracker's new last sequence). */
  default void onEventPublished(OrderEvent event) {
  }

  /** Completed orders were dropped from the in-memory history (eviction or clearHistory). */
  default void onHistoryDropped(int count) {
  }
}
