package dev.ordertracker.api.store;

/**
 * Bounds of the journal, enforced in the background. Zero means "no bound".
 *
 * <ul>
 *   <li>{@code maxAgeMs}: events journaled longer ago, and completed orders last updated longer ago, are removed;</li>
 *   <li>{@code maxEvents}: only the newest that many events are kept;</li>
 *   <li>{@code maxCompletedOrders}: only the newest (by update time) that many completed orders are kept.</li>
 * </ul>
 * Active orders are never removed.
 */
public record RetentionPolicy(long maxAgeMs, long maxEvents, long maxCompletedOrders) {
  public static final RetentionPolicy UNBOUNDED = new RetentionPolicy(0, 0, 0);

  public RetentionPolicy {
    if (maxAgeMs < 0 || maxEvents < 0 || maxCompletedOrders < 0) {
      throw new IllegalArgumentException("retention bounds must not be negative");
    }
  }

  public boolean unbounded() {
    return maxAgeMs == 0 && maxEvents == 0 && maxCompletedOrders == 0;
  }
}
