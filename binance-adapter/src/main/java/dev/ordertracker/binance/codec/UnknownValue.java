package dev.ordertracker.binance.codec;

/**
 * A value of a Binance enum this version does not know, kept as sent (at most {@link EventFields#MAX_STRING_LENGTH}
 * characters). Binance adds values (REPLACED was once documented as unused; CANCEL_ONLY arrived 2026-07-01), so a
 * frame carrying one is decoded from the fields that can be read instead of being lost: an unknown execution type
 * or order type still yields an update; an unknown order status does not (nothing can be applied safely) and
 * waits for reconciliation. {@link Kind} is the bounded metric label.
 */
public record UnknownValue(Kind kind, String value) {

  /** Which field carried it. */
  public enum Kind {
    /** {@code x}. */
    EXECUTION_TYPE,
    /** {@code X}. */
    ORDER_STATUS,
    /** {@code o}. */
    ORDER_TYPE
  }
}
