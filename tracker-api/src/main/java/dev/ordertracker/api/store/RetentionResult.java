package dev.ordertracker.api.store;

/** What one retention pass removed. */
public record RetentionResult(long eventsDeleted, long ordersDeleted) {
  public static final RetentionResult NOTHING = new RetentionResult(0, 0);
}
