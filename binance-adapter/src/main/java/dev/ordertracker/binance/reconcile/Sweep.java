package dev.ordertracker.binance.reconcile;

import java.util.Set;

/**
 * What one reconciliation of an account is asked to do besides the open-orders sweep.
 *
 * @param cause            what a correction of a known order is counted as (LOST_REPORT on a healthy stream,
 *                         RECONNECT_GAP after a gap)
 * @param lookbackFromMs   after a gap: look at every order updated since this time (epoch ms) on {@code symbols}
 *                         ({@code allOrders}); -1 for none
 * @param symbols          the symbols the account has had orders on (the lookback covers them and the ones seen now)
 * @param nowMs            the sweep's time
 * @param inflightAfterMs  an order PENDING for longer (placed, no NEW seen) is queried
 * @param giveUpMs         an executor placeholder (outcome unknown) not found on the exchange this long after its
 *                         creation is given up as LOST
 */
public record Sweep(CorrectionCause cause, long lookbackFromMs, Set<String> symbols, long nowMs,
                    long inflightAfterMs, long giveUpMs) {

  public Sweep {
    symbols = Set.copyOf(symbols);
  }

  /** A plain reconciliation (no lookback), counted as RECONNECT_GAP: what a run after a connect used to be. */
  public static Sweep afterConnect(long nowMs) {
    return new Sweep(CorrectionCause.RECONNECT_GAP, -1, Set.of(), nowMs, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  public boolean looksBack() {
    return lookbackFromMs >= 0;
  }
}
