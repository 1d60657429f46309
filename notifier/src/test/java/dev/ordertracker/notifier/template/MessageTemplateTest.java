package dev.ordertracker.notifier.template;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.notifier.rule.Alert;
import dev.ordertracker.notifier.rule.Rule;
import dev.ordertracker.notifier.rule.RuleKind;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplateTest {

  /** A fill as the tracker publishes it: amounts are decimal strings on the wire. */
  private static OrderEvent fill(String account) {
    JsonObject body = new OrderEvent(EventType.ORDER_FILLED, 42, "12345", "c1", "BTCUSDT", OrderType.LIMIT,
        OrderSide.BUY, new BigDecimal("0.50000000"), new BigDecimal("65000.00000000"), OrderStatus.FILLED,
        new BigDecimal("0.50000000"), new BigDecimal("64999.02000000"), Instant.EPOCH, Instant.EPOCH, account, null,
        null).toJson();
    assertThat(body.getValue("average_price")).isEqualTo("64999.02000000");
    return OrderEvent.fromJson(body);
  }

  private static Alert alert(OrderEvent e) {
    return new Alert(Rule.builder("fills", RuleKind.EVENT).build(), e, e.account(), Instant.EPOCH, Map.of());
  }

  @Test
  void theDefaultFillMessageReadsAsTheIssueSays() {
    Alert a = alert(fill("main"));
    assertThat(AlertText.defaultFor(a).render(AlertText.values(a)))
        .isEqualTo("BUY 0.5 BTCUSDT filled at 64,999.02 (order 12345, account main)");
  }

  @Test
  void absentValuesTakeTheirFallback() {
    Alert a = alert(fill(null));
    assertThat(AlertText.defaultFor(a).render(AlertText.values(a))).endsWith("(order 12345, account -)");
  }

  @Test
  void formatsAreExactForAnyNumberOfDigits() {
    MessageTemplate t = MessageTemplate.parse("{v} {v:grouped} {v:raw} {{literal}}");
    assertThat(t.render(Map.of("v", new BigDecimal("1234567890123456789.123456789000"))))
        .isEqualTo("1234567890123456789.123456789 1,234,567,890,123,456,789.123456789 "
            + "1234567890123456789.123456789000 {literal}");
    assertThat(t.render(Map.of("v", new BigDecimal("-1000.10")))).startsWith("-1000.1 -1,000.1 -1000.10");
    assertThat(t.render(Map.of("v", new BigDecimal("600.00")))).startsWith("600 600 600.00");
    assertThat(t.render(Map.of("v", new BigDecimal("0E-8")))).startsWith("0 0 0.00000000");
    assertThat(MessageTemplate.parse("{v:grouped}").render(Map.of("v", new BigDecimal("999.5")))).isEqualTo("999.5");
  }

  @Test
  void malformedTemplatesAreRefusedWhenParsed() {
    assertThatThrownBy(() -> MessageTemplate.parse("oops {side")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> MessageTemplate.parse("oops }")).hasMessageContaining("unmatched");
    assertThatThrownBy(() -> MessageTemplate.parse("{price:euro}")).hasMessageContaining("unknown format 'euro'");
    assertThatThrownBy(() -> MessageTemplate.parse("{Bad Name}")).hasMessageContaining("bad placeholder");
  }
}
