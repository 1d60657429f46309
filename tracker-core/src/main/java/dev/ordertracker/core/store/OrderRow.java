package dev.ordertracker.core.store;

import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.StatusChange;
import dev.ordertracker.api.TrackedOrder;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The columns both stores derive from a {@link TrackedOrder} snapshot, computed once in Java so that SQLite and
 * PostgreSQL index, filter and aggregate exactly the same values. The full snapshot travels in {@code doc}.
 *
 * @param createdMs    creation time, or the update time when the order has none (0 when it has neither)
 * @param timeToFillMs for FILLED orders with a creation time: when it became FILLED minus when it was created
 * @param notional     the sum of the fills' quote quantities; filled quantity × average price when there are none
 */
public record OrderRow(String symbol, String orderId, String account, OrderStatus status, boolean isFinal, long createdMs,
                long updatedMs, Long timeToFillMs, BigDecimal filledQuantity, BigDecimal notional, String doc) {

  static OrderRow of(TrackedOrder order) {
    long updated = millis(order.updatedAt(), millis(order.createdAt(), 0));
    long created = millis(order.createdAt(), updated);
    return new OrderRow(order.symbol(), order.orderId(), order.account(), order.status(), order.isFinal(), created,
        updated, timeToFill(order), order.filledQuantity(), notional(order), StoreJson.encode(order));
  }

  public boolean hasFill() {
    return filledQuantity.signum() > 0;
  }

  static BigDecimal notional(TrackedOrder order) {
    if (!order.fills().isEmpty()) {
      BigDecimal sum = BigDecimal.ZERO;
      for (Fill f : order.fills()) {
        sum = sum.add(f.quoteQuantity());
      }
      return sum;
    }
    if (order.averagePrice() != null && order.filledQuantity().signum() > 0) {
      return order.filledQuantity().multiply(order.averagePrice());
    }
    return BigDecimal.ZERO;
  }

  static Long timeToFill(TrackedOrder order) {
    if (order.status() != OrderStatus.FILLED || order.createdAt() == null) {
      return null;
    }
    Instant filledAt = order.updatedAt();
    for (StatusChange change : order.statusHistory()) {
      if (change.newStatus() == OrderStatus.FILLED && change.timestamp() != null) {
        filledAt = change.timestamp();
        break;
      }
    }
    return filledAt == null ? null : Math.max(0, filledAt.toEpochMilli() - order.createdAt().toEpochMilli());
  }

  /** The time an event is filed under for retention: the order's update time, else its creation time. */
  static long eventMillis(dev.ordertracker.api.OrderEvent event) {
    return millis(event.updatedAt(), millis(event.createdAt(), 0));
  }

  private static long millis(Instant t, long fallback) {
    return t == null ? fallback : t.toEpochMilli();
  }
}
