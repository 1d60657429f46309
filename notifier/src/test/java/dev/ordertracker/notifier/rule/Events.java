package dev.ordertracker.notifier.rule;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;

import java.math.BigDecimal;
import java.time.Instant;

/** Order events for the rule tests, with the status each event type implies. */
final class Events {
  static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

  private Events() {
  }

  static OrderEvent event(long sequence, EventType type, String orderId, String account, String symbol,
                          OrderSide side, String quantity, String filled, String averagePrice, Instant updatedAt) {
    return new OrderEvent(type, sequence, orderId, null, symbol, OrderType.LIMIT, side, new BigDecimal(quantity),
        new BigDecimal("100"), statusOf(type), filled == null ? BigDecimal.ZERO : new BigDecimal(filled),
        averagePrice == null ? null : new BigDecimal(averagePrice), T0, updatedAt, account,
        type == EventType.ERROR_OCCURRED || type == EventType.ORDER_LOST ? "why" : null, null);
  }

  static OrderEvent simple(long sequence, EventType type, String orderId, Instant at) {
    return event(sequence, type, orderId, "main", "BTCUSDT", OrderSide.BUY, "1", null, null, at);
  }

  static OrderStatus statusOf(EventType type) {
    return switch (type) {
      case ORDER_PLACED -> OrderStatus.PLACED;
      case ORDER_PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
      case ORDER_FILLED -> OrderStatus.FILLED;
      case ORDER_CANCELLED -> OrderStatus.CANCELLED;
      case ORDER_AMENDED -> OrderStatus.PLACED;
      case ERROR_OCCURRED -> OrderStatus.FAILED;
      case ORDER_LOST -> OrderStatus.EXPIRED;
    };
  }
}
