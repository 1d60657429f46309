package dev.ordertracker.simulator.matching;

/**
 * Self-trade prevention mode {@code selfTradePreventionMode} / {@code V} (binance-spot-api-docs faqs/stp_faq.md).
 * The taker's mode decides, except that TRANSFER needs both orders in TRANSFER (else DECREMENT); between orders of
 * one account TRANSFER behaves as DECREMENT.
 */
public enum StpMode {
  NONE, EXPIRE_TAKER, EXPIRE_MAKER, EXPIRE_BOTH, DECREMENT, TRANSFER;

  /** The mode that applies when a taker in this mode meets a maker in {@code maker}'s mode. */
  public StpMode effective(StpMode maker) {
    if (this == TRANSFER) {
      return maker == TRANSFER ? TRANSFER : DECREMENT;
    }
    return this;
  }
}
