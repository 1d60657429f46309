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
  /** The most significant digits an amount may have (Binance's are at most 20; a DECIMAL(38, 18) column holds these). */
  public static final int MAX_PRECISION = 38;
  /** The most decimals (and, as a power of ten, the largest exponent) an amount may have, once trailing zeros go. */
  public static final int MAX_SCALE = 18;

  private Decimals() {
  }

  /**
   * Reads a JSON value as an exact decimal. Accepts BigDecimal, integral numbers, decimal strings and doubles (by
   * their shortest decimal representation, which is what a JSON parser read from the text). Null stays null.
   *
   * @throws IllegalArgumentException naming {@code field} when the value is not a finite decimal
   */
  public static BigDecimal parse(Object value, String field) {
    return bounded(read(value, field), field);
  }

  /**
   * The one gate for amounts, called by every record that carries one ({@link OrderUpdate}, {@link Fill},
   * {@link NewOrder}, {@link StatusUpdate}) and by {@link #parse}, so every entry point (adapter, tracker service,
   * store, executor) refuses the same values: at most {@value #MAX_PRECISION} significant digits and at most
   * {@value #MAX_SCALE} decimals or powers of ten. Without it {@code "1e999999999"} is a valid {@link BigDecimal}
   * whose plain form is a gigabyte: it could not be journalled, printed or compared in bounded time.
   *
   * @throws IllegalArgumentException naming {@code field}, with the value abbreviated, when out of range
   */
  public static BigDecimal bounded(BigDecimal value, String field) {
    if (value == null) {
      return null;
    }
    int scale = value.scale();
    if (scale >= -MAX_SCALE && scale <= MAX_SCALE && value.precision() <= MAX_PRECISION) {
      return value; // the common case, no allocation
    }
    BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    scale = stripped.scale();
    if (scale >= -MAX_SCALE && scale <= MAX_SCALE && stripped.precision() <= MAX_PRECISION) {
      return stripped; // e.g. 5.000…0 with many trailing zeros, or a zero with an absurd scale
    }
    throw new IllegalArgumentException(field + ": decimal out of range (at most " + MAX_PRECISION
        + " digits and " + MAX_SCALE + " decimals): '" + abbreviate(value) + "'");
  }

  private static BigDecimal read(Object value, String field) {
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
