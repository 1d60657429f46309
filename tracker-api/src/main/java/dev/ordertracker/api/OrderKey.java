package dev.ordertracker.api;

import java.util.Objects;

/**
 * The identity of an order. Exchange order ids are unique per symbol only, so an id alone never identifies an
 * order: the tracker keys everything by (symbol, order id).
 */
public record OrderKey(String symbol, String orderId) {
  public OrderKey {
    Objects.requireNonNull(symbol, Fields.SYMBOL);
    Objects.requireNonNull(orderId, Fields.ORDER_ID);
  }

  // Written out rather than the record's generated ones: those dispatch through method handles, slow until the JIT's
  // last tier has compiled them, and a key is hashed and compared on every update (replays are short runs).
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof OrderKey k && symbol.equals(k.symbol) && orderId.equals(k.orderId);
  }

  @Override
  public int hashCode() {
    return 31 * symbol.hashCode() + orderId.hashCode();
  }

  @Override
  public String toString() {
    return symbol + "/" + orderId;
  }
}
