package dev.ordertracker.core.stats;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.UpdateKind;
import dev.ordertracker.api.UpdateOutcome;

/**
 * What the core reports to a metrics backend. Called on the tracker verticle's context; implementations must be
 * cheap (the core calls them for every update). {@link #NONE} when no backend is configured.
 */
public interface TrackerMetrics {
  TrackerMetrics NONE = new TrackerMetrics() {
  };

  default void update(UpdateOutcome outcome) {
  }

  /** An applied report of a kind other than STATUS (an amendment, a self-trade prevention). */
  default void changed(UpdateKind kind) {
  }

  default void lateFill() {
  }

  default void unknownOrder() {
  }

  default void finalStatus(OrderStatus status) {
  }

  default void published(EventType type) {
  }

  default void publishFailed() {
  }

  default void sizes(int active, int history) {
  }

  /** The tracker stops: release what was registered. */
  default void close() {
  }
}
