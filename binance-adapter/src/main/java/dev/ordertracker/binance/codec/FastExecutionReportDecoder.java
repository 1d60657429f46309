package dev.ordertracker.binance.codec;

import dev.ordertracker.api.Decimals;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderType;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The hot path: one pass over the characters of an executionReport frame (wrapped or bare), recording where each
 * value starts and ends, then building the record straight from those spans (decimals of up to 18 digits without
 * going through a String). It accepts only what it fully understands: strings without escapes, well-formed
 * numbers, known keys; for anything else (other event types, escapes, nested values, a type mismatch, a missing
 * field) it answers null and {@link UserDataDecoder} hands the frame to {@link StrictEventDecoder}, which is the
 * authority. A property test checks that both agree on every frame the fast path accepts.
 *
 * <p>Not thread-safe: it reuses its buffers. One instance per connection (per event-loop context).
 */
final class FastExecutionReportDecoder {
  private static final int E = 0, S_SYMBOL = 1, C_CLIENT = 2, SIDE = 3, TYPE = 4, TIF = 5, QTY = 6, PRICE = 7,
      STOP = 8, ICEBERG = 9, LIST = 10, ORIG_CLIENT = 11, EXEC_TYPE = 12, STATUS = 13, REJECT = 14, ORDER_ID = 15,
      LAST_QTY = 16, CUM_QTY = 17, LAST_PRICE = 18, COMMISSION = 19, COMMISSION_ASSET = 20, TX_TIME = 21,
      TRADE_ID = 22, EXEC_ID = 23, ON_BOOK = 24, MAKER = 25, CREATED = 26, CUM_QUOTE = 27, LAST_QUOTE = 28,
      QUOTE_ORDER_QTY = 29, WORKING_TIME = 30, STP_MODE = 31, EXPIRY = 32, EVENT_TYPE = 33, TRAIL_DELTA = 34,
      TRAIL_TIME = 35, STRATEGY_ID = 36, STRATEGY_TYPE = 37, PREVENTED_MATCH = 38, PREVENTED_QTY = 39,
      LAST_PREVENTED_QTY = 40, TRADE_GROUP = 41, COUNTER_ORDER = 42, COUNTER_SYMBOL = 43, PREV_EXEC_QTY = 44,
      PREV_EXEC_PRICE = 45, PREV_EXEC_QUOTE = 46, MATCH_TYPE = 47, ALLOC_ID = 48, WORKING_FLOOR = 49,
      USED_SOR = 50, PEG_PRICE_TYPE = 51, PEG_OFFSET_TYPE = 52, PEG_OFFSET_VALUE = 53, PEGGED_PRICE = 54,
      SLOTS = 55;
  private static final int FIRST_CONDITIONAL = TRAIL_DELTA;

  /** NUMBER: any JSON number; INTEGER: a plain integer of at most 18 digits, its value parsed while scanning. */
  private static final byte ABSENT = 0, STRING = 1, NUMBER = 2, TRUE = 3, FALSE = 4, NULL = 5, INTEGER = 6;
  private static final int[] ONE_CHAR_SLOT = new int[128];
  /** Slots whose value is a decimal string: parsed while scanning (one pass over the characters, not two). */
  private static final boolean[] DECIMAL_SLOT = new boolean[SLOTS];

  static {
    for (int slot : new int[] {QTY, PRICE, STOP, ICEBERG, LAST_QTY, CUM_QTY, LAST_PRICE, COMMISSION, CUM_QUOTE,
        LAST_QUOTE, QUOTE_ORDER_QTY, PREVENTED_QTY, LAST_PREVENTED_QTY, PREV_EXEC_QTY, PREV_EXEC_PRICE,
        PREV_EXEC_QUOTE, PEGGED_PRICE}) {
      DECIMAL_SLOT[slot] = true;
    }
    Arrays.fill(ONE_CHAR_SLOT, -1);
    String keys = "EscSofqpPFgCxXrilzLnNTtIwmOZYQWVedDjJvABuUbak";
    int[] slots = {E, S_SYMBOL, C_CLIENT, SIDE, TYPE, TIF, QTY, PRICE, STOP, ICEBERG, LIST, ORIG_CLIENT, EXEC_TYPE,
        STATUS, REJECT, ORDER_ID, LAST_QTY, CUM_QTY, LAST_PRICE, COMMISSION, COMMISSION_ASSET, TX_TIME, TRADE_ID,
        EXEC_ID, ON_BOOK, MAKER, CREATED, CUM_QUOTE, LAST_QUOTE, QUOTE_ORDER_QTY, WORKING_TIME, STP_MODE,
        EVENT_TYPE, TRAIL_DELTA, TRAIL_TIME, STRATEGY_ID, STRATEGY_TYPE, PREVENTED_MATCH, PREVENTED_QTY,
        LAST_PREVENTED_QTY, TRADE_GROUP, COUNTER_ORDER, MATCH_TYPE, ALLOC_ID, WORKING_FLOOR};
    for (int k = 0; k < slots.length; k++) {
      ONE_CHAR_SLOT[keys.charAt(k)] = slots[k];
    }
  }

  private static final char[] EXECUTION_REPORT = "executionReport".toCharArray();
  private static final OrderSide[] SIDES = OrderSide.values();
  private static final OrderType[] TYPES = OrderType.values();
  private static final ExecutionType[] EXEC_TYPES = ExecutionType.values();
  private static final BinanceOrderStatus[] STATUSES = BinanceOrderStatus.values();
  private static final String[] COMMON_STRINGS = {"GTC", "IOC", "FOK", "NONE", "", "EXPIRE_TAKER", "EXPIRE_MAKER",
      "EXPIRE_BOTH", "DECREMENT", "TRANSFER"};

  private final int[] start = new int[SLOTS];
  private final int[] end = new int[SLOTS];
  private final byte[] kind = new byte[SLOTS];
  private final long[] integer = new long[SLOTS];
  /** For a decimal slot scanned as a plain decimal of at most 18 digits: its scale (unscaled value in integer[]); else -1. */
  private final int[] decimalScale = new int[SLOTS];
  private long scannedValue;
  private boolean scannedPlain;
  private final String[] symbolCache = new String[16];
  private int symbolCacheNext;
  private char[] buf = new char[2048];
  private int pos;
  private int len;
  private boolean failed;

  /** The decoded frame, or null when the fast path does not apply. */
  UserDataFrame tryDecode(String text) {
    len = text.length();
    if (len > buf.length) {
      buf = new char[Math.max(len, buf.length * 2)];
    }
    text.getChars(0, len, buf, 0);
    pos = 0;
    failed = false;
    Arrays.fill(kind, ABSENT);
    skipWs();
    if (!consume('{')) {
      return null;
    }
    skipWs();
    long subscriptionId = UserDataFrame.NO_SUBSCRIPTION;
    if (startsKey("subscriptionId") || startsKey("event")) {
      boolean haveEvent = false;
      while (true) {
        if (startsKey("subscriptionId")) {
          pos += 16;
          if (!colon()) {
            return null;
          }
          if (matchWord("null")) {
            subscriptionId = UserDataFrame.NO_SUBSCRIPTION;
          } else {
            int s = pos;
            if (!scanNumber()) {
              return null;
            }
            subscriptionId = parseLong(s, pos);
            if (failed || subscriptionId < 0) {
              return null;
            }
          }
        } else if (startsKey("event")) {
          pos += 7;
          if (!colon() || !consume('{')) {
            return null;
          }
          skipWs();
          if (!members()) {
            return null;
          }
          haveEvent = true;
        } else {
          return null;
        }
        skipWs();
        if (consume(',')) {
          skipWs();
          continue;
        }
        if (consume('}')) {
          break;
        }
        return null;
      }
      if (!haveEvent) {
        return null;
      }
    } else if (!members()) {
      return null;
    }
    skipWs();
    if (pos != len) {
      return null;
    }
    ExecutionReport report = build();
    return failed ? null : new UserDataFrame(subscriptionId, report);
  }

  // ---- scanning ----

  private void skipWs() {
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

  private boolean consume(char ch) {
    if (pos < len && buf[pos] == ch) {
      pos++;
      return true;
    }
    return false;
  }

  /** True when the text at pos is {@code "name"}. */
  private boolean startsKey(String name) {
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

  private boolean colon() {
    skipWs();
    if (!consume(':')) {
      return false;
    }
    skipWs();
    return true;
  }

  private boolean matchWord(String word) {
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
  private boolean members() {
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
      int slot = slotOf(ks, kl);
      if (slot < 0 && (kl == 5 || kl == 14)) {
        return false; // "event" / "subscriptionId" inside a bare event: let the strict decoder judge
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
    if (ch == '"' && slot >= 0 && DECIMAL_SLOT[slot]) {
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
  private boolean scanNumber() {
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

  private int slotOf(int ks, int kl) {
    char c0 = buf[ks];
    if (kl == 1) {
      return c0 < 128 ? ONE_CHAR_SLOT[c0] : -1;
    }
    if (kl == 2) {
      char c1 = buf[ks + 1];
      switch (c0) {
        case 'e': return c1 == 'R' ? EXPIRY : -1;
        case 'C': return c1 == 's' ? COUNTER_SYMBOL : -1;
        case 'u': return c1 == 'S' ? USED_SOR : -1;
        case 'p': return c1 == 'l' ? PREV_EXEC_QTY : c1 == 'L' ? PREV_EXEC_PRICE : c1 == 'Y' ? PREV_EXEC_QUOTE : -1;
        case 'g': return c1 == 'P' ? PEG_PRICE_TYPE : c1 == 'p' ? PEGGED_PRICE : -1;
        default: return -1;
      }
    }
    if (kl == 3 && c0 == 'g' && buf[ks + 1] == 'O') {
      char c2 = buf[ks + 2];
      return c2 == 'T' ? PEG_OFFSET_TYPE : c2 == 'V' ? PEG_OFFSET_VALUE : -1;
    }
    return -1;
  }

  // ---- building ----

  private ExecutionReport build() {
    if (kind[EVENT_TYPE] != STRING || !regionEquals(EVENT_TYPE, EXECUTION_REPORT)) {
      failed = true;
      return null;
    }
    ExecutionReport r = new ExecutionReport(
        lng(E, 0, true), symbol(S_SYMBOL, true), string(C_CLIENT, true),
        enumOf(SIDE, SIDES, true), enumOf(TYPE, TYPES, true), common(TIF),
        decimal(QTY, true), decimal(PRICE, false), decimal(STOP, false), decimal(ICEBERG, false),
        lng(LIST, -1, false), common(ORIG_CLIENT),
        enumOf(EXEC_TYPE, EXEC_TYPES, true), enumOf(STATUS, STATUSES, true),
        common(REJECT), lng(ORDER_ID, 0, true),
        decimal(LAST_QTY, true), decimal(CUM_QTY, true), decimal(LAST_PRICE, true),
        decimal(COMMISSION, false), symbol(COMMISSION_ASSET, false), lng(TX_TIME, 0, true), lng(TRADE_ID, -1, false),
        lng(EXEC_ID, 0, true), bool(ON_BOOK), bool(MAKER), lng(CREATED, -1, false),
        decimal(CUM_QUOTE, false), decimal(LAST_QUOTE, false), decimal(QUOTE_ORDER_QTY, false),
        lng(WORKING_TIME, -1, false), common(STP_MODE), common(EXPIRY), conditions(), List.of());
    return failed ? null : r;
  }

  private ExecutionConditions conditions() {
    boolean any = false;
    for (int s = FIRST_CONDITIONAL; s < SLOTS; s++) {
      if (kind[s] != ABSENT) {
        any = true;
        break;
      }
    }
    if (!any) {
      return ExecutionConditions.NONE;
    }
    ExecutionConditions c = new ExecutionConditions(
        optLong(TRAIL_DELTA), optLong(TRAIL_TIME), optLong(STRATEGY_ID), optLong(STRATEGY_TYPE),
        optLong(PREVENTED_MATCH), decimal(PREVENTED_QTY, false), decimal(LAST_PREVENTED_QTY, false),
        optLong(TRADE_GROUP), optLong(COUNTER_ORDER), symbol(COUNTER_SYMBOL, false), decimal(PREV_EXEC_QTY, false),
        decimal(PREV_EXEC_PRICE, false), decimal(PREV_EXEC_QUOTE, false), string(MATCH_TYPE, false),
        optLong(ALLOC_ID), string(WORKING_FLOOR, false), optBool(USED_SOR), string(PEG_PRICE_TYPE, false),
        string(PEG_OFFSET_TYPE, false), optLong(PEG_OFFSET_VALUE), decimal(PEGGED_PRICE, false));
    return c.equals(ExecutionConditions.NONE) ? ExecutionConditions.NONE : c;
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

  private long lng(int slot, long defaultValue, boolean required) {
    if (absentOrNull(slot, required)) {
      return defaultValue;
    }
    if (kind[slot] != INTEGER) {
      failed = true; // fractions, exponents, 19+ digits, other types: the strict decoder decides
      return defaultValue;
    }
    return integer[slot];
  }

  private Long optLong(int slot) {
    if (absentOrNull(slot, false)) {
      return null;
    }
    long v = lng(slot, 0, false);
    return failed ? null : v;
  }

  /** An integer without fraction or exponent that fits a long; anything else sets {@code failed}. */
  private long parseLong(int s, int e) {
    boolean negative = buf[s] == '-';
    int p = negative ? s + 1 : s;
    int digits = e - p;
    if (digits <= 0 || digits > 18) {
      failed = true; // 19 digits may overflow: the strict decoder decides
      return 0;
    }
    long v = 0;
    for (; p < e; p++) {
      char ch = buf[p];
      if (ch < '0' || ch > '9') {
        failed = true;
        return 0;
      }
      v = v * 10 + (ch - '0');
    }
    return negative ? -v : v;
  }

  private boolean bool(int slot) {
    Boolean b = optBool(slot);
    return b != null && b;
  }

  private Boolean optBool(int slot) {
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

  private String string(int slot, boolean required) {
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
  private String common(int slot) {
    if (kind[slot] == STRING) {
      for (String known : COMMON_STRINGS) {
        if (regionEquals(slot, known)) {
          return known;
        }
      }
    }
    return string(slot, false);
  }

  /** Symbols and assets repeat: a small cache avoids one String per frame. */
  private String symbol(int slot, boolean required) {
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

  private <T extends Enum<T>> T enumOf(int slot, T[] values, boolean required) {
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

  private boolean regionEquals(int slot, String text) {
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

  private boolean regionEquals(int slot, char[] text) {
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
  private BigDecimal decimal(int slot, boolean required) {
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
