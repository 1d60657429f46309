package dev.ordertracker.core.state;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.UpdateKind;

import static dev.ordertracker.api.OrderStatus.CANCELLED;
import static dev.ordertracker.api.OrderStatus.EXPIRED;
import static dev.ordertracker.api.OrderStatus.FAILED;
import static dev.ordertracker.api.OrderStatus.FILLED;
import static dev.ordertracker.api.OrderStatus.PARTIALLY_FILLED;
import static dev.ordertracker.api.OrderStatus.PENDING;
import static dev.ordertracker.api.OrderStatus.PLACED;
import static dev.ordertracker.api.UpdateKind.AMENDMENT;
import static dev.ordertracker.api.UpdateKind.TRADE_PREVENTION;
import static dev.ordertracker.core.state.Verdict.AMEND;
import static dev.ordertracker.core.state.Verdict.APPLY;
import static dev.ordertracker.core.state.Verdict.DUPLICATE;
import static dev.ordertracker.core.state.Verdict.ILLEGAL;
import static dev.ordertracker.core.state.Verdict.LATE_FILL;
import static dev.ordertracker.core.state.Verdict.PREVENT;
import static dev.ordertracker.core.state.Verdict.STALE;

/**
 * The order life cycle as data: the table below is the whole decision. One row per (the order's status, what the
 * report is), giving the {@link Verdict} for each way the report compares with what is known. Nothing outside the
 * table classifies a report: no ranks, no branches.
 *
 * <p>What a report "is": a status report ({@link UpdateKind#STATUS}) is its reported status; an in-place amendment
 * or a self-trade prevention that leaves the order open is its {@link UpdateKind}. How it compares, the three
 * columns:
 * <ul>
 *   <li>a status report: its cumulative filled quantity against the known one (less / same / more);</li>
 *   <li>AMENDMENT: (quantity, client order id) against the known ones: "same" when both equal, else "more" (Binance
 *   only reduces, but a reconciliation correction may go either way, so any difference is real);</li>
 *   <li>TRADE_PREVENTION: the cumulative prevented quantity ({@code A}) against the known one.</li>
 * </ul>
 *
 * <pre>
 *   PENDING ─┬─▶ PLACED ─┬─▶ PARTIALLY_FILLED ──▶ PARTIALLY_FILLED (larger cumulative qty only)
 *            │           │            │
 *            └───────────┴────────────┴─▶ FILLED / CANCELLED / EXPIRED     (+ FAILED from PENDING, PLACED)
 *   final statuses are never left (a late fill is recorded, the status stays)
 * </pre>
 *
 * <p>Adding a status (say LOST, resurrected by an exchange report) is adding its rows: the rows from it, and a
 * column for it in every other status's rows. The table checks at class load that every (status, report) pair has
 * a row, so a status without rows fails the first test that touches the tracker.
 *
 * <p>Stateless and pure; callers own the order.
 */
public final class OrderStateMachine {
  private static final OrderStatus[] STATUSES = OrderStatus.values();
  private static final UpdateKind[] KINDS = UpdateKind.values();
  /** TABLE[from][report]: report = the reported status's ordinal, or STATUSES.length + the kind's ordinal. */
  private static final Row[][] TABLE = new Row[STATUSES.length][STATUSES.length + KINDS.length];

  static {
    // Rows are (from, report, verdict if the report's quantity is less / the same / more than known).
    // Anything that goes back (an earlier status, a smaller quantity) is STALE: old news from a reordered stream.

    //  from              report              less       same       more
    row(PENDING,          PENDING,            STALE,     DUPLICATE, ILLEGAL);
    row(PENDING,          PLACED,             STALE,     APPLY,     APPLY);
    row(PENDING,          PARTIALLY_FILLED,   STALE,     STALE,     APPLY);   // a partial fill must fill more
    row(PENDING,          FILLED,             STALE,     APPLY,     APPLY);
    row(PENDING,          FAILED,             STALE,     APPLY,     APPLY);
    row(PENDING,          CANCELLED,          STALE,     APPLY,     APPLY);
    row(PENDING,          EXPIRED,            STALE,     APPLY,     APPLY);
    row(PENDING,          AMENDMENT,          AMEND,     DUPLICATE, AMEND);
    row(PENDING,          TRADE_PREVENTION,   STALE,     DUPLICATE, PREVENT);

    row(PLACED,           PENDING,            STALE,     STALE,     STALE);
    row(PLACED,           PLACED,             STALE,     DUPLICATE, ILLEGAL);
    row(PLACED,           PARTIALLY_FILLED,   STALE,     STALE,     APPLY);
    row(PLACED,           FILLED,             STALE,     APPLY,     APPLY);
    row(PLACED,           FAILED,             STALE,     APPLY,     APPLY);
    row(PLACED,           CANCELLED,          STALE,     APPLY,     APPLY);
    row(PLACED,           EXPIRED,            STALE,     APPLY,     APPLY);
    row(PLACED,           AMENDMENT,          AMEND,     DUPLICATE, AMEND);
    row(PLACED,           TRADE_PREVENTION,   STALE,     DUPLICATE, PREVENT);

    row(PARTIALLY_FILLED, PENDING,            STALE,     STALE,     STALE);
    row(PARTIALLY_FILLED, PLACED,             STALE,     STALE,     STALE);
    row(PARTIALLY_FILLED, PARTIALLY_FILLED,   STALE,     DUPLICATE, APPLY);   // the self-row: a larger fill only
    row(PARTIALLY_FILLED, FILLED,             STALE,     APPLY,     APPLY);
    row(PARTIALLY_FILLED, FAILED,             STALE,     ILLEGAL,   ILLEGAL); // no FAILED once something filled
    // Race 1, "final report with fills we missed": CANCELLED/EXPIRED with a larger cumulative quantity than known is
    // an ordinary APPLY; the new quantity and average price are recorded with the final status.
    row(PARTIALLY_FILLED, CANCELLED,          STALE,     APPLY,     APPLY);
    row(PARTIALLY_FILLED, EXPIRED,            STALE,     APPLY,     APPLY);
    row(PARTIALLY_FILLED, AMENDMENT,          AMEND,     DUPLICATE, AMEND);
    row(PARTIALLY_FILLED, TRADE_PREVENTION,   STALE,     DUPLICATE, PREVENT);

    // Final statuses are never left. Race 2, "fill reported after the final status": the trade happened before the
    // order ended and its report lost the race, so a PARTIALLY_FILLED report (or one of the order's own final
    // status) with a larger cumulative quantity is a LATE_FILL: fill and quantities recorded, status kept, no second
    // final event. A different final status is a contradiction, not a race: ILLEGAL.
    row(FILLED,           PENDING,            STALE,     STALE,     STALE);
    row(FILLED,           PLACED,             STALE,     STALE,     STALE);
    row(FILLED,           PARTIALLY_FILLED,   STALE,     STALE,     LATE_FILL); // race 2
    row(FILLED,           FILLED,             STALE,     DUPLICATE, LATE_FILL); // race 2
    row(FILLED,           FAILED,             ILLEGAL,   ILLEGAL,   ILLEGAL);
    row(FILLED,           CANCELLED,          ILLEGAL,   ILLEGAL,   ILLEGAL);
    row(FILLED,           EXPIRED,            ILLEGAL,   ILLEGAL,   ILLEGAL);
    // An amendment reported after the order ended is old news: the final report already has the exchange's final
    // quantities, and Binance refuses to amend a finished order. Same for a prevention (the final report has A).
    row(FILLED,           AMENDMENT,          STALE,     STALE,     STALE);
    row(FILLED,           TRADE_PREVENTION,   STALE,     STALE,     STALE);

    row(FAILED,           PENDING,            STALE,     STALE,     STALE);
    row(FAILED,           PLACED,             STALE,     STALE,     STALE);
    row(FAILED,           PARTIALLY_FILLED,   STALE,     STALE,     STALE);   // a failed order never traded
    row(FAILED,           FILLED,             ILLEGAL,   ILLEGAL,   ILLEGAL);
    row(FAILED,           FAILED,             STALE,     DUPLICATE, ILLEGAL);
    row(FAILED,           CANCELLED,          ILLEGAL,   ILLEGAL,   ILLEGAL);
    row(FAILED,           EXPIRED,            ILLEGAL,   ILLEGAL,   ILLEGAL);
    row(FAILED,           AMENDMENT,          STALE,     STALE,     STALE);
    row(FAILED,           TRADE_PREVENTION,   STALE,     STALE,     STALE);

    row(CANCELLED,        PENDING,            STALE,     STALE,     STALE);
    row(CANCELLED,        PLACED,             STALE,     STALE,     STALE);
    row(CANCELLED,        PARTIALLY_FILLED,   STALE,     STALE,     LATE_FILL); // race 2
    row(CANCELLED,        FILLED,             ILLEGAL,   ILLEGAL,   ILLEGAL);   // a contradiction, not a race
    row(CANCELLED,        FAILED,             ILLEGAL,   ILLEGAL,   ILLEGAL);
    row(CANCELLED,        CANCELLED,          STALE,     DUPLICATE, LATE_FILL); // race 2
    row(CANCELLED,        EXPIRED,            ILLEGAL,   ILLEGAL,   ILLEGAL);
    row(CANCELLED,        AMENDMENT,          STALE,     STALE,     STALE);
    row(CANCELLED,        TRADE_PREVENTION,   STALE,     STALE,     STALE);

    row(EXPIRED,          PENDING,            STALE,     STALE,     STALE);
    row(EXPIRED,          PLACED,             STALE,     STALE,     STALE);
    row(EXPIRED,          PARTIALLY_FILLED,   STALE,     STALE,     LATE_FILL); // race 2
    row(EXPIRED,          FILLED,             ILLEGAL,   ILLEGAL,   ILLEGAL);   // a contradiction, not a race
    row(EXPIRED,          FAILED,             ILLEGAL,   ILLEGAL,   ILLEGAL);
    row(EXPIRED,          CANCELLED,          ILLEGAL,   ILLEGAL,   ILLEGAL);
    row(EXPIRED,          EXPIRED,            STALE,     DUPLICATE, LATE_FILL); // race 2
    row(EXPIRED,          AMENDMENT,          STALE,     STALE,     STALE);
    row(EXPIRED,          TRADE_PREVENTION,   STALE,     STALE,     STALE);

    checkComplete();
  }

  private OrderStateMachine() {
  }

  /**
   * The verdict on a report.
   *
   * @param from     the order's status
   * @param kind     the report's kind
   * @param reported the status the report names (what a STATUS report is; ignored for the other kinds)
   * @param compare  the sign of (reported − known), as the class comment defines it for the kind
   */
  public static Verdict decide(OrderStatus from, UpdateKind kind, OrderStatus reported, int compare) {
    Row row = TABLE[from.ordinal()][column(kind, reported)];
    return compare < 0 ? row.less : compare == 0 ? row.same : row.more;
  }

  private static int column(UpdateKind kind, OrderStatus reported) {
    return kind == UpdateKind.STATUS ? reported.ordinal() : STATUSES.length + kind.ordinal();
  }

  private static void row(OrderStatus from, OrderStatus reported, Verdict less, Verdict same, Verdict more) {
    put(from, reported.ordinal(), reported.name(), new Row(less, same, more));
  }

  private static void row(OrderStatus from, UpdateKind kind, Verdict less, Verdict same, Verdict more) {
    if (kind == UpdateKind.STATUS) {
      throw new IllegalArgumentException("a STATUS report is a row per reported status");
    }
    put(from, STATUSES.length + kind.ordinal(), kind.name(), new Row(less, same, more));
  }

  private static void put(OrderStatus from, int column, String report, Row row) {
    if (TABLE[from.ordinal()][column] != null) {
      throw new IllegalStateException("two rows for (" + from + ", " + report + ")");
    }
    TABLE[from.ordinal()][column] = row;
  }

  /** Every (status, report) pair has exactly one row; a new status or kind without its rows fails here. */
  private static void checkComplete() {
    for (OrderStatus from : STATUSES) {
      for (OrderStatus reported : STATUSES) {
        if (TABLE[from.ordinal()][reported.ordinal()] == null) {
          throw new IllegalStateException("transition table: no row for (" + from + ", " + reported + ")");
        }
      }
      for (UpdateKind kind : KINDS) {
        if (kind != UpdateKind.STATUS && TABLE[from.ordinal()][column(kind, null)] == null) {
          throw new IllegalStateException("transition table: no row for (" + from + ", " + kind + ")");
        }
      }
    }
  }

  /** One row of the table: the verdict when the report brings less, the same, or more than known. */
  private record Row(Verdict less, Verdict same, Verdict more) {
  }
}
