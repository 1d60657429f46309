package dev.ordertracker.core;

import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, one order = one record: an executor whose placement outcome is unknown tracks the order PENDING under the
 * client order id it chose; the exchange's order (stream, late answer or query) adopts that placeholder.
 */
class PlaceholderAdoptionTest {
  private static final Instant T0 = Instant.parse("2024-01-15T10:30:00.000Z");
  private final RecordingSink sink = new RecordingSink();
  private final OrderTrackerCore core = OrderTrackerCore.builder().maxHistorySize(100).sink(sink).clock(() -> T0)
      .build();

  private static NewOrder placeholder(String clientId, String symbol) {
    return NewOrder.of(clientId, symbol, OrderType.LIMIT, OrderSide.BUY, new BigDecimal("2"))
        .withPrice(new BigDecimal("100")).withClientOrderId(clientId);
  }

  private static OrderUpdate placed(String orderId, String clientId, String symbol) {
    return OrderUpdate.builder(symbol, orderId, OrderStatus.PLACED).clientOrderId(clientId)
        .order(OrderType.LIMIT, OrderSide.BUY, new BigDecimal("2"), new BigDecimal("100")).build();
  }

  @Test
  void theStreamsReportAdoptsThePlaceholder() {
    core.trackOrder(placeholder("vot-1", "BTCUSDT"));
    core.apply(placed("42", "vot-1", "BTCUSDT"));

    assertThat(core.activeCount()).isEqualTo(1);
    assertThat(core.getOrderByClientId("vot-1").orderId()).isEqualTo("42");
    assertThatThrownBy(() -> core.getOrder("vot-1", "BTCUSDT")).hasMessageContaining("no order");
    assertThat(sink.seen()).hasSize(1);
    assertThat(core.stats().totalTracked()).isEqualTo(1);
  }

  @Test
  void theLateAnswerAdoptsThePlaceholder() {
    core.trackOrder(placeholder("vot-2", "BTCUSDT"));
    core.trackOrder(NewOrder.of("43", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, new BigDecimal("2"))
        .withClientOrderId("vot-2"));
    assertThat(core.activeCount()).isEqualTo(1);
    assertThat(core.getOrderByClientId("vot-2").orderId()).isEqualTo("43");
  }

  @Test
  void noPlaceholderBesideAnOrderTheStreamAlreadyTracks() {
    core.apply(placed("44", "vot-3", "BTCUSDT"));
    TrackedOrder t = core.trackOrder(placeholder("vot-3", "BTCUSDT"));
    assertThat(t.orderId()).isEqualTo("44");
    assertThat(core.activeCount()).isEqualTo(1);
  }

  @Test
  void anOrderOfAnotherSymbolOrAPlaceholderThatIsNoLongerPendingIsNotAdopted() {
    core.trackOrder(placeholder("vot-4", "ETHUSDT"));
    core.apply(placed("45", "vot-4", "BTCUSDT"));
    assertThat(core.activeCount()).isEqualTo(2);

    core.trackOrder(placeholder("vot-5", "BTCUSDT"));
    core.apply(OrderUpdate.builder("BTCUSDT", "vot-5", OrderStatus.EXPIRED).lost(true).clientOrderId("vot-5")
        .build());
    core.apply(placed("46", "vot-5", "BTCUSDT"));
    assertThat(core.getOrder("vot-5", "BTCUSDT").status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(core.getOrder("46", "BTCUSDT").status()).isEqualTo(OrderStatus.PLACED);
  }
}
