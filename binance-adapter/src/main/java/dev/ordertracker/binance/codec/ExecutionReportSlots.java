package dev.ordertracker.binance.codec;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderType;

import java.util.Arrays;
import java.util.List;

/**
 * The executionReport half of the fast path: which keys of an {@code executionReport} matter (one slot each, found
 * by the key's characters without a String or a hash), which of them hold decimal strings, and how the record is
 * built from the slots that {@link JsonSpanScanner} filled. A new field is a slot constant, its key in
 * {@link #slotOf}, and its reader in {@link #build}. Stateless; one shared instance.
 */
final class ExecutionReportSlots implements JsonSpanScanner.SlotTable {
  static final ExecutionReportSlots INSTANCE = new ExecutionReportSlots();

  static final int E = 0, S_SYMBOL = 1, C_CLIENT = 2, SIDE = 3, TYPE = 4, TIF = 5, QTY = 6, PRICE = 7,
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

  private static final int[] ONE_CHAR_SLOT = new int[128];
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
  /** Strings that repeat across frames (time in force, reasons, modes): read without a new String. */
  static final String[] COMMON_STRINGS = {"GTC", "IOC", "FOK", "NONE", "", "EXPIRE_TAKER", "EXPIRE_MAKER",
      "EXPIRE_BOTH", "DECREMENT", "TRANSFER"};

  private ExecutionReportSlots() {
  }

  @Override
  public int slots() {
    return SLOTS;
  }

  @Override
  public boolean isDecimal(int slot) {
    return DECIMAL_SLOT[slot];
  }

  @Override
  public int slotOf(char[] buf, int ks, int kl) {
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
    // "event" / "subscriptionId" inside a bare event: not an executionReport this path understands
    return kl == 5 || kl == 14 ? REFUSE : -1;
  }

  /** The report the spans hold, or null when they hold something else or a reader failed. */
  ExecutionReport build(ScannedSpans v) {
    if (v.kind[EVENT_TYPE] != ScannedSpans.STRING || !v.regionEquals(EVENT_TYPE, EXECUTION_REPORT)) {
      return null;
    }
    ExecutionReport r = new ExecutionReport(
        v.lng(E, 0, true), v.symbol(S_SYMBOL, true), v.string(C_CLIENT, true),
        v.enumOf(SIDE, SIDES, true), v.enumOf(TYPE, TYPES, true), v.common(TIF),
        v.decimal(QTY, true), v.decimal(PRICE, false), v.decimal(STOP, false), v.decimal(ICEBERG, false),
        v.lng(LIST, -1, false), v.common(ORIG_CLIENT),
        v.enumOf(EXEC_TYPE, EXEC_TYPES, true), v.enumOf(STATUS, STATUSES, true),
        v.common(REJECT), v.lng(ORDER_ID, 0, true),
        v.decimal(LAST_QTY, true), v.decimal(CUM_QTY, true), v.decimal(LAST_PRICE, true),
        v.decimal(COMMISSION, false), v.symbol(COMMISSION_ASSET, false), v.lng(TX_TIME, 0, true),
        v.lng(TRADE_ID, -1, false),
        v.lng(EXEC_ID, 0, true), v.bool(ON_BOOK), v.bool(MAKER), v.lng(CREATED, -1, false),
        v.decimal(CUM_QUOTE, false), v.decimal(LAST_QUOTE, false), v.decimal(QUOTE_ORDER_QTY, false),
        v.lng(WORKING_TIME, -1, false), v.common(STP_MODE), v.common(EXPIRY), conditions(v), List.of());
    return v.failed() ? null : r;
  }

  private static ExecutionConditions conditions(ScannedSpans v) {
    if (!v.anyFrom(FIRST_CONDITIONAL)) {
      return ExecutionConditions.NONE;
    }
    ExecutionConditions c = new ExecutionConditions(
        v.optLong(TRAIL_DELTA), v.optLong(TRAIL_TIME), v.optLong(STRATEGY_ID), v.optLong(STRATEGY_TYPE),
        v.optLong(PREVENTED_MATCH), v.decimal(PREVENTED_QTY, false), v.decimal(LAST_PREVENTED_QTY, false),
        v.optLong(TRADE_GROUP), v.optLong(COUNTER_ORDER), v.symbol(COUNTER_SYMBOL, false),
        v.decimal(PREV_EXEC_QTY, false), v.decimal(PREV_EXEC_PRICE, false), v.decimal(PREV_EXEC_QUOTE, false),
        v.string(MATCH_TYPE, false), v.optLong(ALLOC_ID), v.string(WORKING_FLOOR, false), v.optBool(USED_SOR),
        v.string(PEG_PRICE_TYPE, false), v.string(PEG_OFFSET_TYPE, false), v.optLong(PEG_OFFSET_VALUE),
        v.decimal(PEGGED_PRICE, false));
    return c.isNone() ? ExecutionConditions.NONE : c;
  }
}
