package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderDetails;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.UpdateKind;
import dev.ordertracker.binance.codec.BinanceOrderStatus;
import dev.ordertracker.core.OrderTrackerCore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation compares quantity and client id (an amend missed while disconnected) and the prevented quantity
 * (a self-trade prevention missed), and corrects them with one update each: applied to the real core, one event per
 * real change, and nothing more on the next run.
 */
class ReconcileAmendmentsTest {
  private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
  private final List<OrderEvent> events = new ArrayList<>();
  private final OrderTrackerCore core = OrderTrackerCore.builder().sink(events::add).clock(() -> NOW).build();

  private TrackedOrder placed() {
    core.apply(OrderUpdate.builder("BTCUSDT", "15", OrderStatus.PLACED).clientOrderId("web_1").account("main")
        .order(OrderType.LIMIT, OrderSide.BUY, new BigDecimal("5.5"), new BigDecimal("87000")).build());
    return core.getOrder("15", "BTCUSDT");
  }

  private static ExchangeOrder exchange(BinanceOrderStatus status, String qty, String clientId, String executed,
                                        OrderDetails details) {
    BigDecimal exec = new BigDecimal(executed);
    return new ExchangeOrder("BTCUSDT", 15, clientId, status, OrderType.LIMIT, OrderSide.BUY, new BigDecimal(qty),
        new BigDecimal("87000"), exec, exec.multiply(new BigDecimal("87000")), 1, 2, details);
  }

  private List<OrderUpdate> reconcileAndApply(ExchangeOrder exchange, List<ExchangeTrade> trades) {
    List<OrderUpdate> updates = Reconciler.reconcile(core.getOrder("15", "BTCUSDT"), exchange, trades, "main", 0, 3,
        NOW).updates();
    updates.forEach(core::apply);
    return updates;
  }

  @Test
  void anAmendSeenOnlyByReconciliationBecomesOneAmendedEvent() {
    placed();
    events.clear();
    ExchangeOrder amended = exchange(BinanceOrderStatus.NEW, "5.0", "web_2", "0", OrderDetails.NONE);

    List<OrderUpdate> first = reconcileAndApply(amended, List.of());
    List<OrderUpdate> second = reconcileAndApply(amended, List.of());

    assertThat(first).extracting(OrderUpdate::kind).containsExactly(UpdateKind.AMENDMENT);
    assertThat(second).isEmpty();
    assertThat(events).extracting(OrderEvent::eventType).containsExactly(EventType.ORDER_AMENDED);
    TrackedOrder order = core.getOrder("15", "BTCUSDT");
    assertThat(order.quantity()).isEqualByComparingTo("5.0");
    assertThat(order.clientOrderId()).isEqualTo("web_2");
    assertThat(order.amendments()).hasSize(1);
  }

  @Test
  void anAmendedThenFilledOrderEndsWithTheExchangesQuantityClientIdAndFill() {
    placed();
    events.clear();
    ExchangeTrade trade = new ExchangeTrade("BTCUSDT", 9, 15, new BigDecimal("87000"), new BigDecimal("5.0"),
        new BigDecimal("435000"), BigDecimal.ZERO, "USDT", 3, true);

    reconcileAndApply(exchange(BinanceOrderStatus.FILLED, "5.0", "web_2", "5.0", OrderDetails.NONE),
        List.of(trade));

    assertThat(events).extracting(OrderEvent::eventType).containsExactly(EventType.ORDER_AMENDED,
        EventType.ORDER_FILLED);
    TrackedOrder order = core.getOrder("15", "BTCUSDT");
    assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(order.quantity()).isEqualByComparingTo("5.0");
    assertThat(order.filledQuantity()).isEqualByComparingTo("5.0");
    assertThat(order.averagePrice()).isEqualByComparingTo("87000");
    assertThat(order.clientOrderId()).isEqualTo("web_2");
  }

  @Test
  void aMissedPreventionIsRecordedOnceWithTheRemainingQuantity() {
    placed();
    events.clear();
    OrderDetails prevented = new OrderDetails("GTC", null, null, null, "DECREMENT", new BigDecimal("2"), null, true,
        null, null, null);
    ExchangeOrder open = exchange(BinanceOrderStatus.NEW, "5.5", "web_1", "0", prevented);

    reconcileAndApply(open, List.of());
    List<OrderUpdate> again = reconcileAndApply(open, List.of());

    assertThat(again).isEmpty();
    assertThat(events).extracting(OrderEvent::eventType).containsExactly(EventType.ORDER_PLACED);
    assertThat(events.get(0).remainingQuantity()).isEqualByComparingTo("3.5");
    assertThat(core.getOrder("15", "BTCUSDT").details().stpMode()).isEqualTo("DECREMENT");
  }
}
