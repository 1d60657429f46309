package dev.ordertracker.binance.reconcile;

/**
 * Why the reconciliation loop had to correct an order (issue 14, observability), one counter each:
 * <ul>
 *   <li>{@link #LOST_REPORT}: a sweep on a healthy connection found a change the stream never delivered;</li>
 *   <li>{@link #RECONNECT_GAP}: the first sweep after a gap (disconnect, renewal) found a change made meanwhile;</li>
 *   <li>{@link #GAP_BORN}: an order the tracker did not know, born (and maybe finished) during a gap, found by the
 *   gap lookback ({@code allOrders}) or the open list after a gap;</li>
 *   <li>{@link #AMEND}: an amendment (quantity / client id) the tracker had not seen.</li>
 * </ul>
 */
public enum CorrectionCause {
  LOST_REPORT, RECONNECT_GAP, GAP_BORN, AMEND
}
