package dev.ordertracker.core;

import dev.ordertracker.api.Fill;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.api.UpdateResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A reordered stream: the FILLED report arrives before the PARTIALLY_FILLED one that carries the first trade. */
class ReorderedFillTest {
  private static final Instant T0 = Instant.parse("2024-01-15T10:30:00.000Z");

  @Test
  void staleReportStillContributesItsUnrecordedTradeButNoEventAndNoQuantityChange() {
    RecordingSink sink = new RecordingSink();
    OrderTrackerCore core = OrderTrackerCore.builder().maxHistorySize(10).sink(sink).clock(() -> T0).build();
    core.trackOrder(NewOrder.of("1", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, new BigDecimal("2"))
        .withPrice(new BigDecimal("100")));
    core.apply(OrderUpdate.builder("BTCUSDT", "1", OrderStatus.PLACED).build());
    core.apply(OrderUpdate.builder("BTCUSDT", "1", OrderStatus.FILLED)
        .cumulative(new BigDecimal("2"), new BigDecimal("201")).executionId("E2")
        .lastFill(fill(12, "1", "101")).build());
    int events = sink.events.size();

    UpdateResult late = core.applyUpdate(OrderUpdate.builder("BTCUSDT", "1", OrderStatus.PARTIALLY_FILLED)
        .cumulative(new BigDecimal("1"), new BigDecimal("100")).executionId("E1")
        .lastFill(fill(11, "1", "100")).build());

    assertThat(late.outcome()).isEqualTo(UpdateOutcome.STALE);
    assertThat(late.reason()).contains("trade 11 was recorded");
    assertThat(sink.events).hasSize(events);
    TrackedOrder order = late.order();
    assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(order.filledQuantity()).isEqualByComparingTo("2");
    assertThat(order.averagePrice()).isEqualByComparingTo("100.5");
    assertThat(order.fills()).extracting(Fill::tradeId).containsExactlyInAnyOrder(11L, 12L);
    // the same report again is a duplicate now (execution id and trade id both known)
    assertThat(core.apply(OrderUpdate.builder("BTCUSDT", "1", OrderStatus.PARTIALLY_FILLED)
        .cumulative(new BigDecimal("1"), new BigDecimal("100")).executionId("E1")
        .lastFill(fill(11, "1", "100")).build())).isEqualTo(UpdateOutcome.DUPLICATE);
  }

  private static Fill fill(long tradeId, String qty, String price) {
    return new Fill(tradeId, new BigDecimal(qty), new BigDecimal(price), null, BigDecimal.ZERO, "BTC", false, T0);
  }
}
