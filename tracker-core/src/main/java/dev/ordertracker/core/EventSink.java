package dev.ordertracker.core;

import dev.ordertracker.api.OrderEvent;

/**
 * Where the core sends the events of accepted changes, after the state is updated. Called on the tracker's
 * context. An exception thrown here is counted and logged by the core as a publish failure; the change stands.
 */
@FunctionalInterface
public interface EventSink {
  EventSink NONE = event -> {
  };

  void publish(OrderEvent event);
}
