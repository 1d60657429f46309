package dev.ordertracker.core.state;

import dev.ordertracker.api.Amendment;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateOutcome;

import java.math.BigDecimal;

/**
 * What applying one report to an {@link OrderRecord} decided, as a value: the verdict, whether the order changed
 * (the journal must hear of it), and the event the change calls for. The record has already changed itself; the
 * core does the rest from this value (index, counters, journal, event). Nothing of it is kept after the call.
 *
 * @param verdict   the transition table's verdict, or DUPLICATE for an execution id or trade id already applied
 * @param changed   the order changed (always for an applied report; a refused one may still fill in details)
 * @param event     the event to publish, or null (a PENDING order, a late fill, a refusal)
 * @param fill      the event's {@code last_fill}, or null
 * @param amendment the event's {@code amendment}, or null
 * @param refusal   why a refused report was refused, or null when applied
 */
public record Decision(Verdict verdict, boolean changed, EventType event, Fill fill, Amendment amendment,
                       Refusal refusal) {

  /**
   * A status report applied (APPLY), or the report that started tracking an order first seen in the stream: the
   * event of the reported status (ORDER_LOST for a lost order; none for PENDING) with the report's trade.
   */
  public static Decision started(OrderUpdate u) {
    return applied(Verdict.APPLY, u.lost() ? EventType.ORDER_LOST : EventType.forStatus(u.status()), u.lastFill(),
        null);
  }

  static Decision applied(Verdict verdict, EventType event, Fill fill, Amendment amendment) {
    return new Decision(verdict, true, event, fill, amendment, null);
  }

  static Decision refused(Verdict verdict, boolean changed, Refusal refusal) {
    return new Decision(verdict, changed, null, null, null, refusal);
  }

  public UpdateOutcome outcome() {
    switch (verdict) {
      case DUPLICATE: return UpdateOutcome.DUPLICATE;
      case STALE: return UpdateOutcome.STALE;
      case ILLEGAL: return UpdateOutcome.ILLEGAL_TRANSITION;
      default: return UpdateOutcome.APPLIED;
    }
  }

  /** The sentence for a refused report (built on demand: refusals are common in a reordered stream), else null. */
  public String reason() {
    return refusal == null ? null : refusal.reason();
  }

  /**
   * Why a report was refused: a sentence given by the record, or the facts the table decided on (turned into a
   * sentence only when somebody asks).
   */
  public record Refusal(String given, Verdict verdict, OrderStatus from, OrderStatus to, BigDecimal known,
                        BigDecimal reported) {

    static Refusal because(String sentence) {
      return new Refusal(sentence, null, null, null, null, null);
    }

    static Refusal of(Verdict verdict, OrderStatus from, OrderStatus to, BigDecimal known, BigDecimal reported) {
      return new Refusal(null, verdict, from, to, known, reported);
    }

    public String reason() {
      if (given != null) {
        return given;
      }
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
          if (to == OrderStatus.PARTIALLY_FILLED) {
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
}
