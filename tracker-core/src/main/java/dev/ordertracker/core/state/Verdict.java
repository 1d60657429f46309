package dev.ordertracker.core.state;

/** What the state machine says about a reported (status, cumulative filled quantity) for an order. */
public enum Verdict {
  /** A legal transition (or a larger fill while PARTIALLY_FILLED): apply it and publish its event. */
  APPLY,
  /**
   * The order is already final and the report carries a larger cumulative filled quantity: a fill that happened
   * before the order became final, reported after it. Record the fill and the quantities; the status stays.
   */
  LATE_FILL,
  /**
   * An in-place amendment with a new quantity or client id: apply them, record the amendment, publish
   * ORDER_AMENDED. Status and filled quantity stay.
   */
  AMEND,
  /**
   * Self-trade prevention decremented an open order: record the prevented quantities; the status stays. The event of
   * the current status is republished (the body's prevented and remaining quantities changed).
   */
  PREVENT,
  /** Same status and same cumulative quantity as known (or, for other kinds, nothing new). */
  DUPLICATE,
  /** Older than what is known: a smaller quantity, an earlier status, a non-final report after a final one. */
  STALE,
  /** Not in the transition table. */
  ILLEGAL
}
