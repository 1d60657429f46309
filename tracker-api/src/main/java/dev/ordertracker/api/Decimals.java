package dev.ordertracker.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Exact decimal handling at the JSON edge. Values are {@link BigDecimal} from the wire to the event; this class is
 * the one place that turns JSON values (numbers or strings) into them, and the one place that divides.
 */
public final class Decimals {
  /** Precision of derived prices (average price = cumulative quote / cumulative quantity). */
  public static final MathContext PRICE_CONTEXT = new MathContext(20, RoundingMode.HALF_EVEN);

  private Decimals() {
  }

  /**
   * Reads a JSON value as an exact decimal. Accepts BigDecimal, integral numbers, decimal strings and doubles (by
   * their shortest decimal representation, which is what a JSON parser read from the text). Null stays null.
   *
   * @throws IllegalArgumentException naming {@code field} when the value is not a finite decimal
   */
  public static BigDecimal parse(Object value, String field) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    try {
      if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
        return BigDecimal.valueOf(((Number) value).longValue());
      }
      if (value instanceof java.math.BigInteger) {
        return new BigDecimal((java.math.BigInteger) value);
      }
      if (value instanceof Double || value instanceof Float) {
        double d = ((Number) value).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new NumberFormatException();
        }
        return new BigDecimal(Double.toString(d));
      }
      if (value instanceof String) {
        String s = ((String) value).trim();
        if (s.isEmpty() || s.length() > 64) {
          throw new NumberFormatException();
        }
        return new BigDecimal(s);
      }
    } catch (NumberFormatException e) {
      // fall through to the uniform message below
    }
    throw new IllegalArgumentException(field + ": not a decimal number: '" + abbreviate(value) + "'");
  }

  /** Like {@link #parse} but the value must be present and strictly positive. */
  public static BigDecimal positive(Object value, String field) {
    BigDecimal d = parse(value, field);
    if (d == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (d.signum() <= 0) {
      throw new IllegalArgumentException(field + " must be positive, was " + d.toPlainString());
    }
    return d;
  }

  /** Like {@link #parse} but the value, when present, must not be negative. */
  public static BigDecimal nonNegative(Object value, String field) {
    BigDecimal d = parse(value, field);
    if (d != null && d.signum() < 0) {
      throw new IllegalArgumentException(field + " must not be negative, was " + d.toPlainString());
    }
    return d;
  }

  /** Average price {@code quote / quantity}, or null when nothing is filled. */
  public static BigDecimal averagePrice(BigDecimal cumulativeQuote, BigDecimal cumulativeQuantity) {
    if (cumulativeQuote == null || cumulativeQuantity == null || cumulativeQuantity.signum() == 0) {
      return null;
    }
    return normalized(cumulativeQuote.divide(cumulativeQuantity, PRICE_CONTEXT));
  }

  /**
   * Trailing zeros stripped, but never a negative scale: {@code 600.00 -> 600}, not {@code 6E+2}, so that
   * {@code toString()} of a derived price reads as a price.
   */
  public static BigDecimal normalized(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Numeric equality ignoring scale ({@code 1.0 == 1.00}); nulls equal only nulls. */
  public static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static String abbreviate(Object value) {
    String s = String.valueOf(value);
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
