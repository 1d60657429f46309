package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateKind;
import dev.ordertracker.binance.codec.ExecutionReport;
import dev.ordertracker.binance.codec.OrderUpdates;
import dev.ordertracker.binance.codec.UserDataDecoder;
import dev.ordertracker.binance.support.Resources;
import dev.ordertracker.core.OrderTrackerCore;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published payloads of today's lifecycles (copied from binance-spot-api-docs into the simulator's test resources
 * with their source): the conditional executionReport fields, faqs/stp_faq.md scenario G (DECREMENT) order states,
 * faqs/pegged_orders.md placement answer, read by the adapter and applied to the real core.
 */
class PublishedLifecyclePayloadsTest {
  private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
  private final List<OrderEvent> events = new ArrayList<>();
  private final OrderTrackerCore core = OrderTrackerCore.builder().sink(events::add).clock(() -> NOW).build();

  @Test
  void theConditionalFieldsOfTheDocsReachTheUpdate() {
    JsonObject event = Resources.json("event-executionReport.json").getJsonObject("event");
    event.getMap().putAll(Resources.json("event-executionReport-conditional-fields.json").getJsonObject("fields")
        .getMap());
    UserDataDecoder decoder = new UserDataDecoder();
    ExecutionReport r = (ExecutionReport) decoder.decode(event.encode()).event();
    assertThat(decoder.decodeStrict(event.encode()).event()).isEqualTo(r);
    OrderUpdate u = OrderUpdates.from(r, "main");

    assertThat(u.details().preventedQuantity()).isEqualByComparingTo("3");
    assertThat(u.details().lastPreventedQuantity()).isEqualByComparingTo("3");
    assertThat(u.details().peggedPrice()).isEqualByComparingTo("1");
    assertThat(u.price()).isEqualByComparingTo("1"); // gp, the price in use
    assertThat(u.details().expiryReason()).isEqualTo("INSUFFICIENT_LIQUIDITY");
  }

  @Test
  void stpScenarioGDecrementIsReconciledWithTheMakersPreventedQuantityAndTheTakersExpiry() {
    JsonObject payload = Resources.json("order-status-stp-decrement.json");
    ExchangeOrder maker = ExchangeOrder.fromJson(payload.getJsonObject("maker"));
    ExchangeOrder taker = ExchangeOrder.fromJson(payload.getJsonObject("taker"));
    for (ExchangeOrder o : List.of(maker, taker)) {
      core.apply(OrderUpdate.builder(o.symbol(), Long.toString(o.orderId()), OrderStatus.PLACED)
          .clientOrderId(o.clientOrderId()).order(o.type(), o.side(), o.origQty(), o.price()).build());
    }
    events.clear();

    List<OrderUpdate> makerFix = Reconciler.reconcile(core.getOrder("23", "BTCUSDT"), maker, List.of(), "main", 0, 3,
        NOW).updates();
    List<OrderUpdate> takerFix = Reconciler.reconcile(core.getOrder("24", "BTCUSDT"), taker, List.of(), "main", 0, 3,
        NOW).updates();
    makerFix.forEach(core::apply);
    takerFix.forEach(core::apply);

    assertThat(makerFix).extracting(OrderUpdate::kind).containsExactly(UpdateKind.TRADE_PREVENTION);
    assertThat(events).extracting(OrderEvent::eventType).containsExactly(EventType.ORDER_PLACED,
        EventType.ORDER_CANCELLED);
    assertThat(core.getOrder("23", "BTCUSDT").remainingQuantity()).isEqualByComparingTo("4"); // 6 - 0 - 2
    assertThat(core.getOrder("23", "BTCUSDT").details().stpMode()).isEqualTo("DECREMENT");
    assertThat(core.getOrder("24", "BTCUSDT").status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(core.getOrder("24", "BTCUSDT").details().expiryReason()).isEqualTo("STP");
    assertThat(core.getOrder("24", "BTCUSDT").details().preventedQuantity()).isEqualByComparingTo("2");
  }

  @Test
  void aPeggedPlacementAnswerGivesThePriceInUse() {
    ExchangeOrder pegged = ExchangeOrder.fromJson(Resources.json("rest-POST-api-v3-order-pegged.json")
        .getJsonObject("response"));
    List<OrderUpdate> updates = Reconciler.reconcile(null, pegged, List.of(), "main", 0, 3, NOW).updates();
    updates.forEach(core::apply);

    assertThat(pegged.price()).isEqualByComparingTo("0"); // p: the original price, zero when unset
    assertThat(core.getOrder("18", "BTCUSDT").price()).isEqualByComparingTo("0.04");
    assertThat(core.getOrder("18", "BTCUSDT").details().peggedPrice()).isEqualByComparingTo("0.04");
    assertThat(core.getOrder("18", "BTCUSDT").orderType()).isEqualTo(OrderType.LIMIT);
    assertThat(core.getOrder("18", "BTCUSDT").side()).isEqualTo(OrderSide.BUY);
  }
}
