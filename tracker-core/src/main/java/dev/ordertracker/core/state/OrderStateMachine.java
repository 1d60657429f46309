package dev.ordertracker.core.state;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.UpdateKind;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.ordertracker.api.OrderStatus.CANCELLED;
import static dev.ordertracker.api.OrderStatus.EXPIRED;
import static dev.ordertracker.api.OrderStatus.FAILED;
import static dev.ordertracker.api.OrderStatus.FILLED;
import static dev.ordertracker.api.OrderStatus.PARTIALLY_FILLED;
import static dev.ordertracker.api.OrderStatus.PENDING;
import static dev.ordertracker.api.OrderStatus.PLACED;

/**
 * The order life cycle as data: every legal {@code (status, reported status) → status} row of a status report is in
 * {@link #ALLOWED}; the two races of the real world are the rows below it; the reports that change an order without
 * changing its status (an in-place amendment, a self-trade prevention that leaves it open) have their own rows in
 * {@link #KIND_ROWS}. Stateless and pure; callers own the order.
 *
 * <pre>
 *   PENDING ─┬─▶ PLACED ─┬─▶ PARTIALLY_FILLED ──▶ PARTIALLY_FILLED (larger cumulative qty only)
 *            │           │            │
 *            └───────────┴────────────┴─▶ FILLED / CANCELLED / EXPIRED     (+ FAILED from PENDING, PLACED)
 *   final statuses are never left
 * </pre>
 */
public final class OrderStateMachine {

  /** Legal status changes. Anything else is STALE (an earlier status) or ILLEGAL. */
  private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = new EnumMap<>(OrderStatus.class);

  static {
    ALLOWED.put(PENDING, EnumSet.of(PLACED, PARTIALLY_FILLED, FILLED, FAILED, CANCELLED, EXPIRED));
    ALLOWED.put(PLACED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, FAILED));
    // Self-row: only with a larger cumulative filled quantity (checked in classify). No FAILED once something filled.
    ALLOWED.put(PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED));
    ALLOWED.put(FILLED, EnumSet.noneOf(OrderStatus.class));
    ALLOWED.put(FAILED, EnumSet.noneOf(OrderStatus.class));
    ALLOWED.put(CANCELLED, EnumSet.noneOf(OrderStatus.class));
    ALLOWED.put(EXPIRED, EnumSet.noneOf(OrderStatus.class));
  }

  /**
   * Race 1, "final report with fills we missed": CANCELLED/EXPIRED carrying a larger cumulative filled quantity
   * than known is an ordinary row of {@link #ALLOWED}; the caller records the new quantity and average price with
   * the final status.
   *
   * <p>Race 2, "fill reported after the final status": the order is final (and could have had fills) and a
   * PARTIALLY_FILLED report (or one of its own final status) arrives with a larger cumulative quantity. A FILLED
   * report after CANCELLED/EXPIRED is a contradiction, not a race: ILLEGAL. The trade happened before the order ended;
   * its report simply lost the race. Record fill and quantities, keep the final status, publish no second final
   * event.
   */
  private static final Set<OrderStatus> LATE_FILL_FROM = EnumSet.of(FILLED, CANCELLED, EXPIRED);

  /** How a report of a non-status kind compares with what is known: the sign of its change, or "final". */
  private static final int LESS = 0, SAME = 1, MORE = 2, ON_FINAL = 3;

  /**
   * The rows of the report kinds other than {@link UpdateKind#STATUS}, by how the report compares with the order:
   * <ul>
   *   <li>AMENDMENT compares (quantity, client order id): MORE = either differs from the known one, SAME = both
   *   equal. Binance only reduces, but a reconciliation correction may go either way, so any difference is real.</li>
   *   <li>TRADE_PREVENTION compares the cumulative prevented quantity ({@code A}) with the known one.</li>
   * </ul>
   * An order that self-trade prevention ends is a STATUS report (its final status) and never reaches these rows.
   */
  private static final Map<UpdateKind, Verdict[]> KIND_ROWS = new EnumMap<>(UpdateKind.class);

  static {
    // index:                                LESS             SAME              MORE            ON_FINAL
    KIND_ROWS.put(UpdateKind.AMENDMENT, row(Verdict.AMEND, Verdict.DUPLICATE, Verdict.AMEND,
        // An amendment reported after the order ended is old news: the final report already has the exchange's
        // final quantities, and Binance refuses to amend a finished order.
        Verdict.STALE));
    KIND_ROWS.put(UpdateKind.TRADE_PREVENTION, row(Verdict.STALE, Verdict.DUPLICATE, Verdict.PREVENT,
        Verdict.STALE));
  }

  private static Verdict[] row(Verdict less, Verdict same, Verdict more, Verdict onFinal) {
    return new Verdict[] {less, same, more, onFinal};
  }

  private OrderStateMachine() {
  }

  /**
   * Classifies a report of any kind.
   *
   * @param quantityCmp sign of (reported cumulative filled quantity − known one); used by STATUS reports
   * @param changeCmp   for AMENDMENT: 0 when quantity and client id are the known ones, else 1; for
   *                    TRADE_PREVENTION: sign of (reported prevented quantity − known one)
   */
  public static Verdict classify(UpdateKind kind, OrderStatus from, OrderStatus to, int quantityCmp,
                                 int changeCmp) {
    Verdict[] row = KIND_ROWS.get(kind);
    if (row == null) {
      return classify(from, to, quantityCmp);
    }
    return row[from.isFinal() ? ON_FINAL : changeCmp < 0 ? LESS : changeCmp == 0 ? SAME : MORE];
  }

  /** Progress rank: a report of a lower rank than the current status is old news (STALE), not an error. */
  private static int rank(OrderStatus status) {
    switch (status) {
      case PENDING: return 0;
      case PLACED: return 1;
      case PARTIALLY_FILLED: return 2;
      default: return 3;
    }
  }

  public static boolean isAllowed(OrderStatus from, OrderStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  /**
   * Classifies a report.
   *
   * @param quantityCmp sign of (reported cumulative filled quantity − known one)
   */
  public static Verdict classify(OrderStatus from, OrderStatus to, int quantityCmp) {
    if (from.isFinal()) {
      if (quantityCmp > 0 && LATE_FILL_FROM.contains(from) && (to == PARTIALLY_FILLED || to == from)) {
        return Verdict.LATE_FILL;
      }
      if (to == from) {
        return quantityCmp == 0 ? Verdict.DUPLICATE : quantityCmp < 0 ? Verdict.STALE : Verdict.ILLEGAL;
      }
      return to.isFinal() ? Verdict.ILLEGAL : Verdict.STALE;
    }
    if (to == from && quantityCmp == 0) {
      return Verdict.DUPLICATE;
    }
    if (quantityCmp < 0) {
      return Verdict.STALE;
    }
    if (!ALLOWED.get(from).contains(to)) {
      return rank(to) < rank(from) ? Verdict.STALE : Verdict.ILLEGAL;
    }
    if (to == PARTIALLY_FILLED && quantityCmp == 0) {
      return Verdict.STALE; // a partial fill must fill more than known
    }
    return Verdict.APPLY;
  }

  /** A sentence for a refused report (only built for refusals, never on the hot path). */
  public static String explain(Verdict verdict, OrderStatus from, OrderStatus to, BigDecimal known,
                               BigDecimal reported) {
    String qty = " (cumulative filled " + reported.toPlainString() + ", known " + known.toPlainString() + ")";
    switch (verdict) {
      case DUPLICATE:
        return "same status " + to + " and cumulative filled quantity as known (or nothing new for its kind)" + qty;
      case STALE:
        if (from.isFinal()) {
          return to + " after final status " + from + ": a final status is never left" + qty;
        }
        if (reported.compareTo(known) < 0) {
          return "cumulative filled quantity below the known one" + qty;
        }
        if (to == PARTIALLY_FILLED) {
          return "partial fill without a larger cumulative filled quantity" + qty;
        }
        return to + " is older than the known " + from + qty;
      case ILLEGAL:
        if (from.isFinal()) {
          return "illegal transition " + from + " -> " + to + ": a final status is never left" + qty;
        }
        return "illegal transition " + from + " -> " + to + qty;
      default:
        return verdict.name();
    }
  }
}
