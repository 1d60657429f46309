package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.OrderUpdate;

import java.util.List;

/**
 * What {@link Reconciler} decided for one order: the updates to feed the tracker, in order; the consecutive
 * "not found" count to remember for the next round; and whether the order is now given up as lost.
 */
public record Reconciliation(List<OrderUpdate> updates, int misses, boolean lost) {
  public static final Reconciliation NOTHING = new Reconciliation(List.of(), 0, false);

  public Reconciliation {
    updates = List.copyOf(updates);
  }
}
