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

  @Override
  public String toString() {
    return symbol + "/" + orderId;
  }
}
