package dev.ordertracker.notifier.template;

import java.math.BigDecimal;
import java.util.Locale;

/** How a template shows a decimal; exact, from the {@link BigDecimal}, never through a double. */
public enum AmountFormat {
  /** Trailing zeros dropped, plain notation: {@code 0.50000000 → 0.5}, {@code 600.00 → 600}. */
  PLAIN,
  /** {@link #PLAIN} with a comma every three integer digits: {@code 64999.02000000 → 64,999.02}. */
  GROUPED,
  /** Exactly as on the wire: {@code 0.50000000}. */
  RAW;

  public String format(BigDecimal value) {
    if (this == RAW) {
      return value.toPlainString();
    }
    String plain = plain(value);
    return this == GROUPED ? group(plain) : plain;
  }

  static AmountFormat parse(String name, int at) {
    for (AmountFormat f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("template: unknown format '" + name + "' at " + at
        + " (known: plain, grouped, raw)");
  }

  private static String plain(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  private static String group(String plain) {
    int start = plain.startsWith("-") ? 1 : 0;
    int dot = plain.indexOf('.');
    int end = dot < 0 ? plain.length() : dot;
    StringBuilder out = new StringBuilder(plain.length() + (end - start) / 3);
    out.append(plain, 0, start);
    for (int i = start; i < end; i++) {
      if (i > start && (end - i) % 3 == 0) {
        out.append(',');
      }
      out.append(plain.charAt(i));
    }
    out.append(plain, end, plain.length());
    return out.toString();
  }
}
