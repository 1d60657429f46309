package dev.ordertracker.binance.codec;

import dev.ordertracker.api.Decimals;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * What a {@link JsonSpanScanner} pass found, per slot: where the value starts and ends in the text, what it is, and
 * (for integers and plain decimals of at most 18 digits) its value parsed on the way; and the typed readers that
 * build values straight from those spans. A reader that meets anything it does not take (a type mismatch, a missing
 * required value, 19+ digits) sets {@link #failed()}: the caller hands the frame to the strict decoder. Strings that
 * repeat across frames come from a table or a small cache instead of a new String each time.
 *
 * <p>Not thread-safe: reused for every frame of its scanner.
 */
final class ScannedSpans {
  /** What a slot holds. NUMBER: any JSON number; INTEGER: a plain integer of at most 18 digits (value parsed). */
  static final byte ABSENT = 0, STRING = 1, NUMBER = 2, TRUE = 3, FALSE = 4, NULL = 5, INTEGER = 6;

  final int[] start;
  final int[] end;
  final byte[] kind;
  final long[] integer;
  /** A decimal slot scanned as a plain decimal of at most 18 digits: its scale (unscaled in integer[]); else -1. */
  final int[] decimalScale;
  /** The scanned text's characters (the scanner's buffer). */
  char[] buf;
  private boolean failed;
  private final String[] symbolCache = new String[16];
  private int symbolCacheNext;
  private final String[] commonStrings;

  ScannedSpans(int slots, String... commonStrings) {
    this.start = new int[slots];
    this.end = new int[slots];
    this.kind = new byte[slots];
    this.integer = new long[slots];
    this.decimalScale = new int[slots];
    this.commonStrings = commonStrings.clone();
  }

  /** A new text: every slot absent, nothing failed. */
  void reset(char[] text) {
    buf = text;
    failed = false;
    Arrays.fill(kind, ABSENT);
  }

  boolean failed() {
    return failed;
  }

  /** True when any slot from {@code from} on was present. */
  boolean anyFrom(int from) {
    for (int s = from; s < kind.length; s++) {
      if (kind[s] != ABSENT) {
        return true;
      }
    }
    return false;
  }

  private boolean absentOrNull(int slot, boolean required) {
    byte k = kind[slot];
    if (k == ABSENT || k == NULL) {
      if (required) {
        failed = true;
      }
      return true;
    }
    return false;
  }

  long lng(int slot, long defaultValue, boolean required) {
    if (absentOrNull(slot, required)) {
      return defaultValue;
    }
    if (kind[slot] != INTEGER) {
      failed = true; // fractions, exponents, 19+ digits, other types: the strict decoder decides
      return defaultValue;
    }
    return integer[slot];
  }

  Long optLong(int slot) {
    if (absentOrNull(slot, false)) {
      return null;
    }
    long v = lng(slot, 0, false);
    return failed ? null : v;
  }

  boolean bool(int slot) {
    Boolean b = optBool(slot);
    return b != null && b;
  }

  Boolean optBool(int slot) {
    switch (kind[slot]) {
      case ABSENT:
      case NULL: return null;
      case TRUE: return Boolean.TRUE;
      case FALSE: return Boolean.FALSE;
      default:
        failed = true;
        return null;
    }
  }

  String string(int slot, boolean required) {
    if (absentOrNull(slot, required)) {
      return null;
    }
    int n = end[slot] - start[slot];
    if (kind[slot] != STRING || n > EventFields.MAX_STRING_LENGTH) {
      failed = true;
      return null;
    }
    return new String(buf, start[slot], n);
  }

  /** Strings that repeat across frames (time in force, reasons, modes) come from a table, not a new String. */
  String common(int slot) {
    if (kind[slot] == STRING) {
      for (String known : commonStrings) {
        if (regionEquals(slot, known)) {
          return known;
        }
      }
    }
    return string(slot, false);
  }

  /** Symbols and assets repeat: a small cache avoids one String per frame. */
  String symbol(int slot, boolean required) {
    if (kind[slot] == STRING) {
      for (String cached : symbolCache) {
        if (cached != null && regionEquals(slot, cached)) {
          return cached;
        }
      }
    }
    String s = string(slot, required);
    if (s != null) {
      symbolCache[symbolCacheNext] = s;
      symbolCacheNext = (symbolCacheNext + 1) & (symbolCache.length - 1);
    }
    return s;
  }

  <T extends Enum<T>> T enumOf(int slot, T[] values, boolean required) {
    if (absentOrNull(slot, required) || kind[slot] != STRING) {
      failed = true;
      return null;
    }
    for (T v : values) {
      if (regionEquals(slot, v.name())) {
        return v;
      }
    }
    failed = true;
    return null;
  }

  boolean regionEquals(int slot, String text) {
    int s = start[slot];
    int n = end[slot] - s;
    if (n != text.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (buf[s + k] != text.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  boolean regionEquals(int slot, char[] text) {
    int s = start[slot];
    if (end[slot] - s != text.length) {
      return false;
    }
    for (int k = 0; k < text.length; k++) {
      if (buf[s + k] != text[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A non-negative decimal string {@code digits[.digits]}; up to 18 digits become {@code BigDecimal.valueOf(unscaled,
   * scale)}, which equals {@code new BigDecimal(text)} including the scale. Anything else sets {@code failed}.
   */
  BigDecimal decimal(int slot, boolean required) {
    if (absentOrNull(slot, required)) {
      return null;
    }
    if (kind[slot] == STRING && decimalScale[slot] >= 0) {
      return BigDecimal.valueOf(integer[slot], decimalScale[slot]); // scanned in one pass (decimalString)
    }
    int s = start[slot];
    int e = end[slot];
    if (kind[slot] != STRING || e == s || e - s > EventFields.MAX_DECIMAL_LENGTH) {
      failed = true;
      return null;
    }
    long unscaled = 0;
    int digits = 0;
    int dot = -1;
    for (int p = s; p < e; p++) {
      char ch = buf[p];
      if (ch >= '0' && ch <= '9') {
        unscaled = unscaled * 10 + (ch - '0');
        digits++;
      } else if (ch == '.' && dot < 0 && p > s && p < e - 1) {
        dot = p;
      } else {
        failed = true;
        return null;
      }
    }
    if (digits > 18) {
      // beyond 18 digits the value may exceed the one decimal gate; the strict path then names the field
      BigDecimal wide = new BigDecimal(buf, s, e - s);
      int scale = wide.scale();
      if (scale > Decimals.MAX_SCALE || wide.precision() > Decimals.MAX_PRECISION) {
        failed = true;
        return null;
      }
      return wide;
    }
    return BigDecimal.valueOf(unscaled, dot < 0 ? 0 : e - dot - 1);
  }
}
