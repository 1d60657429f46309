package dev.ordertracker.binance.replay;

/** What a replay writes per order. */
public enum ReplayFormat {
  /** The whole {@code TrackedOrder} JSON (details, status history, fills, amendments): what the tracker answers. */
  ORDERS,
  /** The final state alone: account, symbol, ids, status, quantities, average price, last update. */
  STATES;

  /** {@code orders} or {@code states}, any case; a clear error naming the value otherwise. */
  public static ReplayFormat parse(String value) {
    for (ReplayFormat f : values()) {
      if (f.name().equalsIgnoreCase(value)) {
        return f;
      }
    }
    throw new IllegalArgumentException("--format must be orders or states, not " + value);
  }
}
