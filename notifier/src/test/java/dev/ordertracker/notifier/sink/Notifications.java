package dev.ordertracker.notifier.sink;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.notifier.rule.Alert;
import dev.ordertracker.notifier.rule.Rule;
import dev.ordertracker.notifier.rule.RuleKind;
import dev.ordertracker.notifier.template.AlertText;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Rendered notifications of fills, as the verticle builds them. */
final class Notifications {
  static final Instant AT = Instant.parse("2026-01-15T10:30:05.123Z");

  private Notifications() {
  }

  static Notification fill(String orderId) {
    OrderEvent e = new OrderEvent(EventType.ORDER_FILLED, 42, orderId, "c-" + orderId, "BTCUSDT", OrderType.LIMIT,
        OrderSide.BUY, new BigDecimal("0.50000000"), new BigDecimal("65000.00000000"), OrderStatus.FILLED,
        new BigDecimal("0.50000000"), new BigDecimal("64999.02000000"), AT, AT, "main", null, null);
    Alert a = new Alert(Rule.builder("fills", RuleKind.EVENT).build(), e, "main", AT, Map.of());
    Map<String, Object> values = AlertText.values(a);
    return new Notification(a, AlertText.defaultFor(a).render(values), values);
  }
}
