package dev.ordertracker.core;

import dev.ordertracker.api.Amendment;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderDetails;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderList;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.api.UpdateKind;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.api.UpdateResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static dev.ordertracker.api.EventType.ORDER_AMENDED;
import static dev.ordertracker.api.EventType.ORDER_CANCELLED;
import static dev.ordertracker.api.EventType.ORDER_FILLED;
import static dev.ordertracker.api.EventType.ORDER_PARTIALLY_FILLED;
import static dev.ordertracker.api.EventType.ORDER_PLACED;
import static dev.ordertracker.api.OrderStatus.EXPIRED;
import static dev.ordertracker.api.OrderStatus.FILLED;
import static dev.ordertracker.api.OrderStatus.PARTIALLY_FILLED;
import static dev.ordertracker.api.OrderStatus.PENDING;
import static dev.ordertracker.api.OrderStatus.PLACED;
import static dev.ordertracker.core.RecordingSink.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Today's Binance lifecycles through the core (issue 13): amend keep priority, self-trade prevention, order lists,
 * pegged orders, details of the report. Reports are built as the adapter builds them from the published payloads.
 */
class ExchangeLifecyclesTest {
  private static final Instant T0 = Instant.parse("2024-01-15T10:30:00.000Z");
  private static final String S = "BTCUSDT";

  private final RecordingSink sink = new RecordingSink();
  private final OrderTrackerCore core = OrderTrackerCore.builder().sink(sink).clock(() -> T0).build();

  private static OrderUpdate.Builder report(String id, OrderStatus status, String filled, String quote) {
    return OrderUpdate.builder(S, id, status).cumulative(new BigDecimal(filled), new BigDecimal(quote))
        .order(OrderType.LIMIT, OrderSide.BUY, new BigDecimal("5.5"), new BigDecimal("87000"))
        .clientOrderId("web_1").account("main");
  }

  private static OrderDetails details(String executionType, String prevented, String lastPrevented) {
    return new OrderDetails("GTC", null, null, null, "DECREMENT", dec(prevented), dec(lastPrevented), true, null,
        null, executionType);
  }

  private static BigDecimal dec(String s) {
    return s == null ? null : new BigDecimal(s);
  }

  private static Fill fill(long id, String qty, String price) {
    return new Fill(id, new BigDecimal(qty), new BigDecimal(price), null, null, null, true, T0);
  }

  /** x = REPLACED: q = new quantity, c = new client id, X and z unchanged (faqs/order_amend_keep_priority.md). */
  private static OrderUpdate amend(String id, String newQty, String newClientId, String executionId) {
    return OrderUpdate.builder(S, id, PLACED).cumulative(BigDecimal.ZERO, BigDecimal.ZERO)
        .order(OrderType.LIMIT, OrderSide.BUY, new BigDecimal(newQty), new BigDecimal("87000"))
        .clientOrderId(newClientId).executionId(executionId).kind(UpdateKind.AMENDMENT)
        .details(details("REPLACED", null, null)).build();
  }

  @Test
  void anAmendAppliesQuantityAndClientIdPublishesOneEventAndTheOrderEndsWithTheExchangesQuantity() {
    core.apply(report("15", PLACED, "0", "0").executionId("1").build());
    UpdateResult amended = core.applyUpdate(amend("15", "5.0", "web_2", "2"));
    UpdateResult again = core.applyUpdate(amend("15", "5.0", "web_2", "2"));
    core.apply(report("15", FILLED, "5.0", "435000").executionId("3").clientOrderId("web_2")
        .order(OrderType.LIMIT, OrderSide.BUY, new BigDecimal("5.0"), new BigDecimal("87000"))
        .lastFill(fill(7, "5.0", "87000")).build());

    assertThat(amended.outcome()).isEqualTo(UpdateOutcome.APPLIED);
    assertThat(amended.eventType()).isEqualTo(ORDER_AMENDED);
    assertThat(again.outcome()).isEqualTo(UpdateOutcome.DUPLICATE);
    assertThat(sink.seen()).containsExactly(
        seen(ORDER_PLACED, 1, S, "15", PLACED, "0", null),
        seen(ORDER_AMENDED, 2, S, "15", PLACED, "0", null),
        seen(ORDER_FILLED, 3, S, "15", FILLED, "5", "87000"));
    OrderEvent event = sink.events.get(1);
    assertThat(event.quantity()).isEqualByComparingTo("5.0");
    assertThat(event.clientOrderId()).isEqualTo("web_2");
    assertThat(event.amendment()).isEqualTo(new Amendment(T0, new BigDecimal("5.5"), new BigDecimal("5.0"),
        "web_1", "web_2"));
    assertThat(event.toReadOnlyJson().getJsonObject("amendment").getString("old_client_order_id"))
        .isEqualTo("web_1");
    TrackedOrder done = core.getOrder("15", S);
    assertThat(done.quantity()).isEqualByComparingTo("5.0");
    assertThat(done.clientOrderId()).isEqualTo("web_2");
    assertThat(done.amendments()).hasSize(1);
    assertThat(core.getOrderByClientId("web_2").orderId()).isEqualTo("15");
    assertThat(core.getOrderByClientId("web_1").orderId()).isEqualTo("15"); // the old id still finds it
  }

  @Test
  void anAmendKeepingTheClientIdChangesOnlyTheQuantityAndOneOfAFinishedOrderIsStale() {
    core.apply(report("16", PLACED, "0", "0").build());
    core.apply(amend("16", "4", "web_1", "2"));
    core.apply(report("16", OrderStatus.CANCELLED, "0", "0").build());
    UpdateResult late = core.applyUpdate(amend("16", "3", "web_9", "9"));

    assertThat(sink.events).extracting(OrderEvent::eventType).containsExactly(ORDER_PLACED, ORDER_AMENDED,
        ORDER_CANCELLED);
    assertThat(sink.events.get(1).amendment().newClientOrderId()).isEqualTo("web_1");
    assertThat(late.outcome()).isEqualTo(UpdateOutcome.STALE);
    assertThat(late.order().quantity()).isEqualByComparingTo("4");
  }

  @Test
  void tradePreventionThatLeavesTheOrderOpenRecordsThePreventedAndRemainingQuantity() {
    core.apply(report("20", PLACED, "0", "0").executionId("1").details(details("NEW", null, null)).build());
    core.apply(report("20", PARTIALLY_FILLED, "1", "87000").executionId("2").lastFill(fill(1, "1", "87000"))
        .details(details("TRADE", null, null)).build());
    OrderUpdate decrement = report("20", PARTIALLY_FILLED, "1", "87000").executionId("3")
        .kind(UpdateKind.TRADE_PREVENTION).details(details("TRADE_PREVENTION", "2", "2")).build();
    UpdateResult prevented = core.applyUpdate(decrement);
    UpdateResult replayed = core.applyUpdate(report("20", PARTIALLY_FILLED, "1", "87000").executionId("4")
        .kind(UpdateKind.TRADE_PREVENTION).details(details("TRADE_PREVENTION", "2", "2")).build());

    assertThat(prevented.outcome()).isEqualTo(UpdateOutcome.APPLIED);
    assertThat(replayed.outcome()).isEqualTo(UpdateOutcome.DUPLICATE);
    assertThat(sink.seen()).containsExactly(
        seen(ORDER_PLACED, 1, S, "20", PLACED, "0", null),
        seen(ORDER_PARTIALLY_FILLED, 2, S, "20", PARTIALLY_FILLED, "1", "87000"),
        seen(ORDER_PARTIALLY_FILLED, 3, S, "20", PARTIALLY_FILLED, "1", "87000"));
    OrderEvent event = sink.events.get(2);
    assertThat(event.details().preventedQuantity()).isEqualByComparingTo("2");
    assertThat(event.details().executionType()).isEqualTo("TRADE_PREVENTION");
    assertThat(event.remainingQuantity()).isEqualByComparingTo("2.5"); // q 5.5 - z 1 - A 2
    TrackedOrder order = core.getOrder("20", S);
    assertThat(order.status()).isEqualTo(PARTIALLY_FILLED);
    assertThat(order.remainingQuantity()).isEqualByComparingTo("2.5");
    assertThat(order.toJson().getString("remaining_quantity")).isEqualTo("2.5");
  }

  @Test
  void tradePreventionThatEmptiesTheOrderEndsItWithTheReportedStatusAndReason() {
    core.apply(report("21", PLACED, "0", "0").build());
    core.apply(report("21", EXPIRED, "0", "0").executionId("2")
        .details(new OrderDetails(null, null, null, null, "EXPIRE_MAKER", new BigDecimal("5.5"),
            new BigDecimal("5.5"), false, "STP", null, "TRADE_PREVENTION")).build());

    assertThat(sink.seen()).containsExactly(seen(ORDER_PLACED, 1, S, "21", PLACED, "0", null),
        seen(ORDER_CANCELLED, 2, S, "21", EXPIRED, "0", null));
    TrackedOrder order = core.getOrder("21", S);
    assertThat(order.details().expiryReason()).isEqualTo("STP");
    assertThat(order.details().preventedQuantity()).isEqualByComparingTo("5.5");
    assertThat(order.remainingQuantity()).isZero();
  }

  @Test
  void aPendingListLegIsTrackedFromItsFirstReportThenPlacedThenFilled() {
    OrderDetails leg = new OrderDetails("GTC", null, null, "7", null, null, null, false, null, null, "NEW");
    UpdateResult pending = core.applyUpdate(report("31", PENDING, "0", "0").details(leg).build());
    core.apply(report("31", PLACED, "0", "0").details(new OrderDetails(null, null, null, "7", null, null, null, true,
        null, null, "NEW")).executionId("2").build());
    core.apply(report("31", FILLED, "5.5", "478500").executionId("3").lastFill(fill(3, "5.5", "87000")).build());

    assertThat(pending.outcome()).isEqualTo(UpdateOutcome.APPLIED);
    assertThat(pending.eventType()).isNull(); // PENDING publishes nothing
    assertThat(sink.events).extracting(OrderEvent::eventType).containsExactly(ORDER_PLACED, ORDER_FILLED);
    assertThat(sink.events.get(0).details().orderListId()).isEqualTo("7");
    assertThat(sink.events.get(0).details().working()).isTrue();
    assertThat(core.getOrderList("7", null).legs()).extracting(OrderList.Leg::orderId).containsExactly("31");
  }

  @Test
  void listReportsReplaceTheViewUnlessOlderAndLookupsNeedTheSymbolWhenAmbiguous() {
    OrderList.Leg a = new OrderList.Leg(S, "1", "a");
    OrderList.Leg b = new OrderList.Leg(S, "2", "b");
    core.applyListUpdate(new OrderList(S, "9", "OTO", "EXEC_STARTED", "EXECUTING", "L1", null, T0, List.of(a, b),
        "main"));
    core.applyListUpdate(new OrderList(S, "9", "OTO", "ALL_DONE", "ALL_DONE", "L1", null, T0.plusSeconds(2),
        List.of(a, b), "main"));
    OrderList old = core.applyListUpdate(new OrderList(S, "9", "OTO", "EXEC_STARTED", "EXECUTING", "L1", null,
        T0.plusSeconds(1), List.of(a, b), "main"));
    core.applyListUpdate(new OrderList("ETHUSDT", "9", "OCO", "RESPONSE", "EXECUTING", "L2", null, T0, List.of(),
        "main"));

    assertThat(old.listOrderStatus()).isEqualTo("ALL_DONE");
    assertThat(core.getOrderList("9", S).legs()).containsExactly(a, b);
    assertThatThrownBy(() -> core.getOrderList("9", null)).isInstanceOfSatisfying(TrackerException.class,
        e -> assertThat(e.code()).isEqualTo(TrackerErrors.AMBIGUOUS));
    assertThatThrownBy(() -> core.getOrderList("10", null)).isInstanceOfSatisfying(TrackerException.class,
        e -> assertThat(e.code()).isEqualTo(TrackerErrors.NOT_FOUND));
  }

  @Test
  void aPeggedOrdersPriceIsThePriceInUse() {
    core.apply(report("40", PLACED, "0", "0").order(OrderType.LIMIT, OrderSide.BUY, new BigDecimal("1"),
        BigDecimal.ZERO).details(new OrderDetails("GTC", null, null, null, null, null, null, true, null,
        new BigDecimal("86999.5"), "NEW")).build());

    assertThat(sink.events.get(0).price()).isEqualByComparingTo("86999.5");
    assertThat(core.getOrder("40", S).details().peggedPrice()).isEqualByComparingTo("86999.5");
  }

  @Test
  void aDuplicateReportStillRecordsNewDetailsWithoutAnEvent() {
    core.apply(report("50", PLACED, "0", "0").build());
    UpdateResult dup = core.applyUpdate(report("50", PLACED, "0", "0").details(new OrderDetails("GTC",
        new BigDecimal("86000"), null, null, "NONE", null, null, true, null, null, "NEW")).build());

    assertThat(dup.outcome()).isEqualTo(UpdateOutcome.DUPLICATE);
    assertThat(sink.events).hasSize(1);
    assertThat(dup.order().details().stopPrice()).isEqualByComparingTo("86000");
    assertThat(dup.order().details().timeInForce()).isEqualTo("GTC");
  }

  @Test
  void theNewFieldsSurviveTheJsonRoundTripAndOldJsonStillLoads() {
    core.apply(report("60", PLACED, "0", "0").details(details("NEW", "1", "1")).build());
    core.apply(amend("60", "4", "web_2", "2"));
    TrackedOrder order = core.getOrder("60", S);
    TrackedOrder back = new TrackedOrder(order.toJson());
    assertThat(back).isEqualTo(order);

    io.vertx.core.json.JsonObject old = order.toJson();
    for (String key : List.of("time_in_force", "stop_price", "iceberg_quantity", "order_list_id", "stp_mode",
        "prevented_quantity", "last_prevented_quantity", "working", "expiry_reason", "pegged_price",
        "execution_type", "remaining_quantity", "amendments")) {
      old.remove(key);
    }
    TrackedOrder legacy = new TrackedOrder(old);
    assertThat(legacy.details()).isEqualTo(OrderDetails.NONE);
    assertThat(legacy.amendments()).isEmpty();
  }

  @Test
  void anAmendedOrderRestoresWithItsAmendmentsAndIsFoundByBothClientIds() {
    core.apply(report("70", PLACED, "0", "0").build());
    core.apply(amend("70", "4", "web_2", "2"));
    OrderTrackerCore restored = OrderTrackerCore.builder().clock(() -> T0).build();
    restored.restore(List.of(core.getOrder("70", S)), List.of(), core.lastSequence(), null);

    assertThat(restored.getOrderByClientId("web_1").amendments()).hasSize(1);
    assertThat(restored.getOrderByClientId("web_2").quantity()).isEqualByComparingTo("4");
  }

  @Test
  void theListViewIsBoundedEvenWhenListsNeverReportTheirEnd() {
    OrderTrackerCore small = OrderTrackerCore.builder().maxHistorySize(2).clock(() -> T0).build();
    for (int i = 0; i < 50; i++) {
      small.applyListUpdate(new OrderList(S, Integer.toString(i), "OTO", "EXEC_STARTED", "EXECUTING", null, null, T0,
          List.of(), "main"));
    }
    assertThatThrownBy(() -> small.getOrderList("0", S)).isInstanceOf(TrackerException.class);
    assertThat(small.getOrderList("49", S).contingencyType()).isEqualTo("OTO");
  }
}
