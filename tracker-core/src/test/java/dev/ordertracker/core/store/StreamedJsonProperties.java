package dev.ordertracker.core.store;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderDetails;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.StatusChange;
import dev.ordertracker.api.TrackedOrder;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal writes orders and events with {@code encode()} (streamed, no tree) and reads them with
 * {@code new JsonObject(text)}: for any strings the exchange or a client may send (ids, error messages, accounts:
 * any UTF-16, control characters and lone surrogates included) what is read back equals what was written, and the
 * text is {@code toJson().encode()}'s whenever the strings are valid Unicode.
 */
class StreamedJsonProperties {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Property(tries = 3000)
  void anOrderReadsBackEqualWhateverItsStrings(@ForAll String clientOrderId, @ForAll String error,
                                               @ForAll String account, @ForAll String expiryReason) {
    OrderDetails details = new OrderDetails("GTC", null, null, null, null, null, null, null, expiryReason, null,
        null);
    TrackedOrder order = new TrackedOrder("7", clientOrderId, "BTCUSDT", OrderType.LIMIT, OrderSide.BUY,
        BigDecimal.ONE, new BigDecimal("100.5"), OrderStatus.FAILED, BigDecimal.ZERO, null, T0, T0, error,
        List.of(new StatusChange(T0, null, OrderStatus.FAILED, BigDecimal.ZERO, null, error)), List.of(), null,
        account, details, List.of());
    String text = order.encode();
    assertThat(new JsonObject(text)).isEqualTo(order.toJson());
    assertThat(new TrackedOrder(new JsonObject(text))).isEqualTo(order);
    if (valid(clientOrderId + error + account + expiryReason)) {
      assertThat(text).isEqualTo(order.toJson().encode());
    }
  }

  @Property(tries = 3000)
  void anEventReadsBackEqualWhateverItsStrings(@ForAll String clientOrderId, @ForAll String error,
                                               @ForAll String account) {
    OrderEvent event = new OrderEvent(EventType.ERROR_OCCURRED, 3, "7", clientOrderId, "BTCUSDT", OrderType.LIMIT,
        OrderSide.BUY, BigDecimal.ONE, null, OrderStatus.FAILED, BigDecimal.ZERO, null, T0, T0, account, error, null);
    String text = event.encode();
    assertThat(new JsonObject(text)).isEqualTo(event.toJson());
    assertThat(OrderEvent.fromJson(new JsonObject(text))).isEqualTo(event);
    if (valid(clientOrderId + error + account)) {
      assertThat(text).isEqualTo(event.toJson().encode());
    }
  }

  /** No lone surrogate (those have no UTF-8 form: escaped by encode(), kept raw by Jackson's String output). */
  private static boolean valid(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
