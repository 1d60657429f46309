package dev.ordertracker.binance.codec;

import dev.ordertracker.api.OrderStatus;

/**
 * Binance order status → tracker status, the one table of it:
 * <pre>
 *   NEW → PLACED            PENDING_NEW → PENDING        PARTIALLY_FILLED → PARTIALLY_FILLED
 *   FILLED → FILLED         CANCELED → CANCELLED         REJECTED → FAILED (error: r)
 *   EXPIRED, EXPIRED_IN_MATCH → EXPIRED (error: eR)      PENDING_CANCEL → none (Binance does not use it)
 * </pre>
 */
public final class StatusMapping {
  private StatusMapping() {
  }

  /** The tracker status, or null for PENDING_CANCEL (which changes nothing). */
  public static OrderStatus toTracker(BinanceOrderStatus status) {
    switch (status) {
      case NEW: return OrderStatus.PLACED;
      case PENDING_NEW: return OrderStatus.PENDING;
      case PARTIALLY_FILLED: return OrderStatus.PARTIALLY_FILLED;
      case FILLED: return OrderStatus.FILLED;
      case CANCELED: return OrderStatus.CANCELLED;
      case REJECTED: return OrderStatus.FAILED;
      case EXPIRED:
      case EXPIRED_IN_MATCH: return OrderStatus.EXPIRED;
      case PENDING_CANCEL:
      default: return null;
    }
  }

  /** Parses a status name from a query response; null when unknown. */
  public static BinanceOrderStatus parse(String name) {
    if (name == null) {
      return null;
    }
    try {
      return BinanceOrderStatus.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
