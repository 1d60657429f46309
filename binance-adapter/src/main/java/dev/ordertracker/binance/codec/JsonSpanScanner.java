package dev.ordertracker.binance.codec;

import static dev.ordertracker.binance.codec.ScannedSpans.FALSE;
import static dev.ordertracker.binance.codec.ScannedSpans.INTEGER;
import static dev.ordertracker.binance.codec.ScannedSpans.NULL;
import static dev.ordertracker.binance.codec.ScannedSpans.NUMBER;
import static dev.ordertracker.binance.codec.ScannedSpans.STRING;
import static dev.ordertracker.binance.codec.ScannedSpans.TRUE;

/**
 * The generic half of the fast path: one pass over the characters of a flat JSON object, recording in
 * {@link ScannedSpans}, for each member whose key the {@link SlotTable} knows, where its value starts and ends and
 * what it is (string, number, boolean, null); integers and the values of decimal slots are parsed on the way (one
 * pass over the characters, not two). It accepts only what it fully understands: strings without escapes or control
 * characters, well-formed numbers, no nested values; for anything else a scanning method answers false and the
 * caller hands the frame to the strict decoder.
 *
 * <p>It knows nothing of Binance: which keys matter and what they mean is the table's business
 * ({@link ExecutionReportSlots}). The scanning loops keep the buffer, its length and the position in locals, not
 * fields: about 8 % of the decoder's time ({@code DecoderCpuMain}). Not thread-safe: it reuses its buffers.
 */
final class JsonSpanScanner {
    /** Which member keys matter, as slots {@code 0..slots()-1}. */
  interface SlotTable {
    /** The key is known to make the frame something else: the fast path gives up. */
    int REFUSE = -2;

    int slots();

    /** The slot of the key {@code buf[ks, ks + kl)}, -1 for a key to skip, or {@link #REFUSE}. */
    int slotOf(char[] buf, int ks, int kl);

    /** Slots whose value is a decimal string. */
    boolean isDecimal(int slot);
  }

  private final SlotTable table;
  private final boolean[] decimalSlot;
  private final ScannedSpans spans;
  // the spans' arrays, written here while scanning (final fields: no indirection in the scanning loops)
  private final int[] start;
  private final int[] end;
  private final byte[] kind;
  private final long[] integer;
  private final int[] decimalScale;
  private long scannedValue;
  private boolean scannedPlain;
  private char[] buf = new char[2048];
  private int pos;
  private int len;

  /** @param commonStrings values that repeat across frames, read by {@link ScannedSpans#common} without a new String */
  JsonSpanScanner(SlotTable table, String... commonStrings) {
    this.table = table;
    int n = table.slots();
    this.decimalSlot = new boolean[n];
    for (int s = 0; s < n; s++) {
      decimalSlot[s] = table.isDecimal(s);
    }
    this.spans = new ScannedSpans(n, commonStrings);
    this.start = spans.start;
    this.end = spans.end;
    this.kind = spans.kind;
    this.integer = spans.integer;
    this.decimalScale = spans.decimalScale;
  }

  /** Starts on a new text: every slot absent, the position at its first character. */
  void reset(String text) {
    len = text.length();
    if (len > buf.length) {
      buf = new char[Math.max(len, buf.length * 2)];
    }
    text.getChars(0, len, buf, 0);
    pos = 0;
    spans.reset(buf);
  }

  /** What the members scanned so far hold. */
  ScannedSpans spans() {
    return spans;
  }

  /** Everything was consumed. */
  boolean atEnd() {
    return pos == len;
  }

  /** Skips {@code n} characters already matched (a key checked with {@link #startsKey}). */
  void skip(int n) {
    pos += n;
  }

  // ---- scanning ----

  /** A JSON integer at the position (the caller's non-member values, such as a subscription id), or -1. */
  long nonNegativeLong() {
    int s = pos;
    if (!scanNumber()) {
      return -1;
    }
    return parseLong(s, pos);
  }

  void skipWs() {
    final char[] b = buf;
    final int n = len;
    int p = pos;
    while (p < n) {
      char ch = b[p];
      if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') {
        break;
      }
      p++;
    }
    pos = p;
  }

  /**
   * From just after an opening quote: the position of the closing quote, or -1 for an escape, a control character
   * or no closing quote (the strict decoder handles those). The scanning loops keep buf, len and the position in
   * locals, not fields: about 8 % of the decoder's time (DecoderCpuMain).
   */
  private int closingQuote(int from) {
    final char[] b = buf;
    final int n = len;
    for (int p = from; p < n; p++) {
      char c = b[p];
      if (c == '"') {
        return p;
      }
      if (c == '\\' || c < 0x20) {
        return -1;
      }
    }
    return -1;
  }

  boolean consume(char ch) {
    if (pos < len && buf[pos] == ch) {
      pos++;
      return true;
    }
    return false;
  }

  /** True when the text at pos is {@code "name"}. */
  boolean startsKey(String name) {
    int n = name.length();
    if (pos + n + 2 > len || buf[pos] != '"' || buf[pos + n + 1] != '"') {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (buf[pos + 1 + k] != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  boolean colon() {
    skipWs();
    if (!consume(':')) {
      return false;
    }
    skipWs();
    return true;
  }

  boolean matchWord(String word) {
    int n = word.length();
    if (pos + n > len) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (buf[pos + k] != word.charAt(k)) {
        return false;
      }
    }
    pos += n;
    return true;
  }

  /** Members of the event object, from after its '{' to after its '}'. */
  boolean members() {
    if (consume('}')) {
      return true;
    }
    while (true) {
      if (!consume('"')) {
        return false;
      }
      int ks = pos;
      int ke = closingQuote(ks);
      if (ke < 0) {
        return false;
      }
      int kl = ke - ks;
      pos = ke + 1;
      int slot = table.slotOf(buf, ks, kl);
      if (slot == SlotTable.REFUSE) {
        return false;
      }
      if (!colon() || !value(slot)) {
        return false;
      }
      skipWs();
      if (consume(',')) {
        skipWs();
        continue;
      }
      return consume('}');
    }
  }

  private boolean value(int slot) {
    if (pos >= len) {
      return false;
    }
    char ch = buf[pos];
    byte k;
    int vs;
    int ve;
    if (ch == '"' && slot >= 0 && decimalSlot[slot]) {
      return decimalString(slot);
    }
    if (ch == '"') {
      vs = pos + 1;
      ve = closingQuote(vs);
      if (ve < 0) {
        return false;
      }
      pos = ve + 1;
      k = STRING;
    } else if (ch == '-' || (ch >= '0' && ch <= '9')) {
      vs = pos;
      if (!scanNumber()) {
        return false;
      }
      ve = pos;
      k = scannedPlain ? INTEGER : NUMBER;
      if (slot >= 0) {
        integer[slot] = scannedValue;
      }
    } else if (matchWord("true")) {
      vs = ve = pos;
      k = TRUE;
    } else if (matchWord("false")) {
      vs = ve = pos;
      k = FALSE;
    } else if (matchWord("null")) {
      vs = ve = pos;
      k = NULL;
    } else {
      return false; // nested objects/arrays: not in an executionReport we understand
    }
    if (slot >= 0) {
      kind[slot] = k;
      start[slot] = vs;
      end[slot] = ve;
    }
    return true;
  }

  /**
   * A string value of a decimal slot, from its opening quote: scans it like any string and accumulates the digits on
   * the way, so that {@link #decimal} needs no second pass. Only a plain {@code digits[.digits]} of at most 18 digits
   * gets a scale; anything else is left to {@link #decimal}'s general path (which fails or takes the long route).
   */
  private boolean decimalString(int slot) {
    final char[] b = buf;
    final int n = len;
    int p = pos + 1;
    final int vs = p;
    long unscaled = 0;
    int digits = 0;
    int dot = -1;
    boolean plain = true;
    while (p < n) {
      char c = b[p];
      int d = c - '0';
      if (d >= 0 && d <= 9) {
        unscaled = unscaled * 10 + d;
        digits++;
      } else if (c == '"') {
        break;
      } else if (c == '\\' || c < 0x20) {
        return false;
      } else if (c == '.' && dot < 0) {
        dot = p;
      } else {
        plain = false;
      }
      p++;
    }
    if (p >= n) {
      return false;
    }
    kind[slot] = STRING;
    start[slot] = vs;
    end[slot] = p;
    boolean wellFormed = plain && digits > 0 && digits <= 18 && (dot < 0 || (dot > vs && dot < p - 1))
        && p - vs <= EventFields.MAX_DECIMAL_LENGTH;
    integer[slot] = unscaled;
    decimalScale[slot] = wellFormed ? (dot < 0 ? 0 : p - dot - 1) : -1;
    pos = p + 1;
    return true;
  }

  /** A JSON number per RFC 8259; leaves pos after it. */
  boolean scanNumber() {
    boolean negative = consume('-');
    final char[] b = buf;
    final int n = len;
    int p = pos;
    if (p >= n) {
      return false;
    }
    long v = 0;
    int s = p;
    if (b[p] == '0') {
      p++;
    } else {
      while (p < n) {
        int d = b[p] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        v = v * 10 + d;
        p++;
      }
      if (p == s) {
        return false;
      }
    }
    pos = p;
    scannedPlain = p - s <= 18;
    scannedValue = negative ? -v : v;
    if (consume('.')) {
      scannedPlain = false;
      if (!digits()) {
        return false;
      }
    }
    if (pos < len && (buf[pos] == 'e' || buf[pos] == 'E')) {
      scannedPlain = false;
      pos++;
      if (!consume('+')) {
        consume('-');
      }
      return digits();
    }
    return true;
  }

  private boolean digits() {
    int s = pos;
    while (pos < len && buf[pos] >= '0' && buf[pos] <= '9') {
      pos++;
    }
    return pos > s;
  }

  /** A non-negative integer without fraction or exponent that fits a long, else -1 (the strict decoder decides). */
  private long parseLong(int s, int e) {
    int digits = e - s;
    if (digits <= 0 || digits > 18) {
      return -1; // a sign, or 19 digits that may overflow
    }
    long v = 0;
    for (int p = s; p < e; p++) {
      char ch = buf[p];
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }
}
