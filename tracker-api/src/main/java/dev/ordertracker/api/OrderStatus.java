package dev.ordertracker.api;

import io.vertx.codegen.annotations.VertxGen;

/** Life of a tracked order. The four final statuses are never left. */
@VertxGen
public enum OrderStatus {
  /** Known to us, not yet acknowledged by the exchange (or waiting inside an order list). */
  PENDING,
  /** Resting on the exchange, nothing filled. */
  PLACED,
  PARTIALLY_FILLED,
  FILLED,
  /** Rejected by the exchange or failed before it. */
  FAILED,
  CANCELLED,
  EXPIRED;

  public boolean isFinal() {
    return this == FILLED || this == FAILED || this == CANCELLED || this == EXPIRED;
  }

  /** Parses a status name; throws {@link IllegalArgumentException} naming the value otherwise. */
  public static OrderStatus parse(String value) {
    return Enums.parse(OrderStatus.class, value, Fields.STATUS);
  }
}
