package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.TrackedOrder;

import java.util.List;
import java.util.Set;

/**
 * What one reconciliation of an account did.
 *
 * @param updates      updates sent to the tracker
 * @param corrections  orders the tracker took a correction for (at least one update applied)
 * @param unresolved   orders left for the next sweep because a query kept failing
 * @param lookbackDone the gap lookback (when asked) covered every symbol; false: ask again next time
 * @param symbols      every symbol the account was seen with (tracked, open, looked back)
 * @param pending      tracked orders still PENDING (in-flight candidates)
 */
public record SweepResult(int updates, int corrections, int unresolved, boolean lookbackDone, Set<String> symbols,
                          List<TrackedOrder> pending) {
}
