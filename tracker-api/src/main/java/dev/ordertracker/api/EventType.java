package dev.ordertracker.api;

import io.vertx.codegen.annotations.VertxGen;

/**
 * Order events and their priorities (higher is more urgent). Each is published on
 * {@code <prefix>.events.<name>}, see {@link Addresses#event(EventType)}.
 */
@VertxGen
public enum EventType {
  ORDER_PLACED(7),
  ORDER_PARTIALLY_FILLED(8),
  ORDER_FILLED(8),
  /** Cancelled or expired: the body's {@code status} tells which. */
  ORDER_CANCELLED(6),
  /** The order failed or was rejected. */
  ERROR_OCCURRED(9),
  /**
   * The exchange no longer knows the order and no trade explains its end: the tracker gave up on it after
   * repeated queries. The body's status is EXPIRED and {@code error_message} says why; it is never silently FAILED.
   */
  ORDER_LOST(9),
  /**
   * The order was amended in place (quantity reduced, client id changed; book priority kept): published once per
   * amendment, seen live or found by reconciliation. The body carries the new quantity and client id and the
   * {@code amendment} entry; its status is the order's unchanged one.
   */
  ORDER_AMENDED(7);

  private final int priority;

  EventType(int priority) {
    this.priority = priority;
  }

  public int priority() {
    return priority;
  }

  /** The event a transition into {@code status} publishes, or null when it publishes none (PENDING). */
  public static EventType forStatus(OrderStatus status) {
    switch (status) {
      case PLACED: return ORDER_PLACED;
      case PARTIALLY_FILLED: return ORDER_PARTIALLY_FILLED;
      case FILLED: return ORDER_FILLED;
      case CANCELLED:
      case EXPIRED: return ORDER_CANCELLED;
      case FAILED: return ERROR_OCCURRED;
      default: return null;
    }
  }

  public static EventType parse(String value) {
    return Enums.parse(EventType.class, value, Fields.EVENT_TYPE);
  }
}
