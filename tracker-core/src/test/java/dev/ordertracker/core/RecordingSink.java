package dev.ordertracker.core;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Records what the core emits, reduced to what a test compares (STYLE principle 3: events as records, lists). */
final class RecordingSink implements EventSink {
  /** The essentials of one event. Quantities are plain strings so that 1.0 and 1.00 compare as numbers do. */
  record Seen(EventType type, long sequence, String symbol, String orderId, OrderStatus status, String filled,
              String average) {
  }

  final List<OrderEvent> events = new ArrayList<>();

  @Override
  public void publish(OrderEvent event) {
    events.add(event);
  }

  List<Seen> seen() {
    List<Seen> out = new ArrayList<>();
    for (OrderEvent e : events) {
      out.add(seen(e.eventType(), e.sequence(), e.symbol(), e.orderId(), e.status(), plain(e.filledQuantity()),
          plain(e.averagePrice())));
    }
    return out;
  }

  static Seen seen(EventType type, long sequence, String symbol, String orderId, OrderStatus status, String filled,
                   String average) {
    return new Seen(type, sequence, symbol, orderId, status, filled, average);
  }

  static String plain(BigDecimal d) {
    return d == null ? null : d.stripTrailingZeros().toPlainString();
  }
}
