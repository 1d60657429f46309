package dev.ordertracker.core;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.StatusChange;
import dev.ordertracker.api.StatusUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.api.UpdateResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.ordertracker.api.EventType.ORDER_CANCELLED;
import static dev.ordertracker.api.EventType.ORDER_FILLED;
import static dev.ordertracker.api.EventType.ORDER_PARTIALLY_FILLED;
import static dev.ordertracker.api.EventType.ORDER_PLACED;
import static dev.ordertracker.api.OrderStatus.CANCELLED;
import static dev.ordertracker.api.OrderStatus.EXPIRED;
import static dev.ordertracker.api.OrderStatus.FAILED;
import static dev.ordertracker.api.OrderStatus.FILLED;
import static dev.ordertracker.api.OrderStatus.PARTIALLY_FILLED;
import static dev.ordertracker.api.OrderStatus.PENDING;
import static dev.ordertracker.api.OrderStatus.PLACED;
import static dev.ordertracker.core.RecordingSink.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure core: transition table, races, duplicates, identity, history, stats, publish failures, journal. */
class OrderTrackerCoreTest {
  private static final Instant T0 = Instant.parse("2024-01-15T10:30:00.000Z");

  private final RecordingSink sink = new RecordingSink();
  private OrderTrackerCore core = core(1000);

  private OrderTrackerCore core(int history) {
    return OrderTrackerCore.builder().maxHistorySize(history).sink(sink).clock(() -> T0).build();
  }

  private static NewOrder order(String id, String symbol) {
    return NewOrder.of(id, symbol, OrderType.LIMIT, OrderSide.BUY, new BigDecimal("2"))
        .withPrice(new BigDecimal("100"));
  }

  private static OrderUpdate report(String id, OrderStatus status, String filled, String quote) {
    return OrderUpdate.builder("BTCUSDT", id, status)
        .cumulative(new BigDecimal(filled), quote == null ? null : new BigDecimal(quote)).build();
  }

  private static OrderUpdate.Builder reportBuilder(String id, OrderStatus status, String filled, String quote) {
    return OrderUpdate.builder("BTCUSDT", id, status)
        .cumulative(new BigDecimal(filled), quote == null ? null : new BigDecimal(quote));
  }

  private static Fill fill(long tradeId, String qty, String price) {
    return new Fill(tradeId, new BigDecimal(qty), new BigDecimal(price), null, null, null, false, T0);
  }

  @Test
  void aFullLifeFromExchangeReportsPublishesOneEventPerChange() {
    core.trackOrder(order("1", "BTCUSDT"));
    core.apply(report("1", PLACED, "0", "0"));
    core.apply(reportBuilder("1", PARTIALLY_FILLED, "0.5", "50").lastFill(fill(11, "0.5", "100")).build());
    core.apply(reportBuilder("1", PARTIALLY_FILLED, "1.5", "152").lastFill(fill(12, "1", "102")).build());
    UpdateResult done = core.applyUpdate(
        reportBuilder("1", FILLED, "2", "203").lastFill(fill(13, "0.5", "102")).build());

    assertThat(sink.seen()).containsExactly(
        seen(ORDER_PLACED, 1, "BTCUSDT", "1", PLACED, "0", null),
        seen(ORDER_PARTIALLY_FILLED, 2, "BTCUSDT", "1", PARTIALLY_FILLED, "0.5", "100"),
        seen(ORDER_PARTIALLY_FILLED, 3, "BTCUSDT", "1", PARTIALLY_FILLED, "1.5", "101.33333333333333333"),
        seen(ORDER_FILLED, 4, "BTCUSDT", "1", FILLED, "2", "101.5"));
    assertThat(sink.events.get(3).lastFill().tradeId()).isEqualTo(13);
    assertThat(done.order().fills()).extracting(Fill::tradeId).containsExactly(11L, 12L, 13L);
    assertThat(done.order().statusHistory()).extracting(StatusChange::newStatus)
        .containsExactly(PENDING, PLACED, PARTIALLY_FILLED, PARTIALLY_FILLED, FILLED);
    assertThat(core.stats().totalFilled()).isEqualTo(1);
    assertThat(core.stats().currentlyActive()).isZero();
    assertThat(core.stats().historySize()).isEqualTo(1);
  }

  @Test
  void illegalTransitionsChangeNothingPublishNothingAndAreCountedWithAReason() {
    core.trackOrder(order("1", "BTCUSDT"));
    core.apply(report("1", PARTIALLY_FILLED, "1", "100"));
    int events = sink.events.size();

    UpdateResult failed = core.applyUpdate(report("1", FAILED, "1", "100"));

    assertThat(failed.outcome()).isEqualTo(UpdateOutcome.ILLEGAL_TRANSITION);
    assertThat(failed.reason()).contains("PARTIALLY_FILLED -> FAILED");
    assertThat(failed.order().status()).isEqualTo(PARTIALLY_FILLED);
    assertThat(sink.events).hasSize(events);
    assertThat(core.stats().rejectedUpdates()).isEqualTo(1);

    core.apply(report("1", FILLED, "2", "200"));
    UpdateResult leaveFinal = core.applyUpdate(report("1", CANCELLED, "2", "200"));
    assertThat(leaveFinal.outcome()).isEqualTo(UpdateOutcome.ILLEGAL_TRANSITION);
    assertThat(leaveFinal.reason()).contains("final status is never left");
    assertThat(leaveFinal.order().status()).isEqualTo(FILLED);
    assertThat(core.stats().rejectedUpdates()).isEqualTo(2);
  }

  @Test
  void staleUpdatesAreRefused() {
    core.trackOrder(order("1", "BTCUSDT"));
    core.apply(report("1", PARTIALLY_FILLED, "1.5", "150"));

    UpdateResult smaller = core.applyUpdate(report("1", PARTIALLY_FILLED, "1", "100"));
    UpdateResult older = core.applyUpdate(report("1", PLACED, "1.5", "150"));
    assertThat(smaller.outcome()).isEqualTo(UpdateOutcome.STALE);
    assertThat(smaller.reason()).contains("below the known");
    assertThat(older.outcome()).isEqualTo(UpdateOutcome.STALE);
    assertThat(smaller.order().filledQuantity()).isEqualByComparingTo("1.5");

    core.apply(report("1", CANCELLED, "1.5", "150"));
    UpdateResult afterFinal = core.applyUpdate(report("1", PLACED, "1.5", "150"));
    assertThat(afterFinal.outcome()).isEqualTo(UpdateOutcome.STALE);
    assertThat(afterFinal.order().status()).isEqualTo(CANCELLED);

    TrackerStats stats = core.stats();
    assertThat(stats.rejectedUpdates()).isEqualTo(3);
    assertThat(sink.seen()).extracting(RecordingSink.Seen::type)
        .containsExactly(ORDER_PARTIALLY_FILLED, ORDER_CANCELLED);
  }

  @Test
  void duplicatesBySameExecutionIdTradeIdOrStatusAndQuantityChangeNothing() {
    core.trackOrder(order("1", "BTCUSDT"));
    OrderUpdate placed = reportBuilder("1", PLACED, "0", "0").executionId("e1").build();
    OrderUpdate trade = reportBuilder("1", PARTIALLY_FILLED, "1", "100").executionId("e2")
        .lastFill(fill(7, "1", "100")).build();
    assertThat(core.apply(placed)).isEqualTo(UpdateOutcome.APPLIED);
    assertThat(core.apply(trade)).isEqualTo(UpdateOutcome.APPLIED);

    UpdateResult sameExecution = core.applyUpdate(placed);
    UpdateResult sameTrade = core.applyUpdate(reportBuilder("1", PARTIALLY_FILLED, "1", "100")
        .lastFill(fill(7, "1", "100")).build());
    UpdateResult sameStatusAndQty = core.applyUpdate(report("1", PARTIALLY_FILLED, "1", "100"));

    assertThat(List.of(sameExecution.outcome(), sameTrade.outcome(), sameStatusAndQty.outcome()))
        .containsOnly(UpdateOutcome.DUPLICATE);
    assertThat(sameExecution.reason()).contains("e1");
    assertThat(sameTrade.order().fills()).hasSize(1);
    assertThat(sink.events).hasSize(2);
    assertThat(core.stats().duplicateUpdates()).isEqualTo(3);
    assertThat(core.stats().rejectedUpdates()).isZero();

    // the seed's API twice with the same values
    core.updateOrderStatus(StatusUpdate.filled("1", FILLED, new BigDecimal("2"), new BigDecimal("100")));
    UpdateResult again = core.updateOrderStatus(
        StatusUpdate.filled("1", FILLED, new BigDecimal("2"), new BigDecimal("100")));
    assertThat(again.outcome()).isEqualTo(UpdateOutcome.DUPLICATE);
    assertThat(sink.events).hasSize(3);
  }

  @Test
  void race1FinalReportWithMissedFillsRecordsQuantityAndAverageWithTheFinalStatus() {
    core.trackOrder(order("1", "BTCUSDT"));
    core.apply(report("1", PARTIALLY_FILLED, "0.5", "50"));

    UpdateResult cancelled = core.applyUpdate(report("1", CANCELLED, "1.5", "156"));

    assertThat(cancelled.outcome()).isEqualTo(UpdateOutcome.APPLIED);
    assertThat(cancelled.eventType()).isEqualTo(ORDER_CANCELLED);
    assertThat(cancelled.order().filledQuantity()).isEqualByComparingTo("1.5");
    assertThat(cancelled.order().averagePrice()).isEqualByComparingTo("104");
    assertThat(sink.seen().get(1)).isEqualTo(seen(ORDER_CANCELLED, 2, "BTCUSDT", "1", CANCELLED, "1.5", "104"));
  }

  @Test
  void race2FillReportedAfterTheFinalStatusIsRecordedWithoutASecondFinalEvent() {
    core.trackOrder(order("1", "BTCUSDT"));
    core.apply(report("1", PARTIALLY_FILLED, "0.5", "50"));
    core.apply(report("1", CANCELLED, "0.5", "50"));

    UpdateResult late = core.applyUpdate(reportBuilder("1", PARTIALLY_FILLED, "1", "101")
        .lastFill(fill(9, "0.5", "102")).build());

    assertThat(late.outcome()).isEqualTo(UpdateOutcome.APPLIED);
    assertThat(late.eventType()).isNull();
    assertThat(late.order().status()).isEqualTo(CANCELLED);
    assertThat(late.order().filledQuantity()).isEqualByComparingTo("1");
    assertThat(late.order().averagePrice()).isEqualByComparingTo("101");
    assertThat(late.order().fills()).extracting(Fill::tradeId).containsExactly(9L);
    assertThat(sink.seen()).extracting(RecordingSink.Seen::type)
        .containsExactly(ORDER_PARTIALLY_FILLED, ORDER_CANCELLED);
    assertThat(core.lateFills()).isEqualTo(1);
    assertThat(core.getCompletedOrders(1).get(0).filledQuantity()).isEqualByComparingTo("1");
    // the same late fill again is a duplicate
    assertThat(core.apply(reportBuilder("1", PARTIALLY_FILLED, "1", "101").lastFill(fill(9, "0.5", "102"))
        .build())).isEqualTo(UpdateOutcome.DUPLICATE);
  }

  @Test
  void failedPublishesErrorOccurredWithTheMessageAndLostPublishesOrderLost() {
    core.trackOrder(order("1", "BTCUSDT"));
    core.trackOrder(order("2", "BTCUSDT"));
    core.apply(reportBuilder("1", FAILED, "0", null).errorMessage("insufficient balance").build());
    core.apply(reportBuilder("2", EXPIRED, "0", null).lost(true).build());

    assertThat(sink.events).extracting(OrderEvent::eventType)
        .containsExactly(EventType.ERROR_OCCURRED, EventType.ORDER_LOST);
    assertThat(sink.events.get(0).errorMessage()).isEqualTo("insufficient balance");
    assertThat(sink.events.get(1).status()).isEqualTo(EXPIRED);
    assertThat(sink.events.get(1).errorMessage()).contains("lost");
    TrackerStats stats = core.stats();
    assertThat(stats.totalFailed()).isEqualTo(1);
    assertThat(stats.totalExpired()).isEqualTo(1);
    assertThat(stats.totalLost()).isEqualTo(1);
  }

  @Test
  void anUnknownOrderIsTrackedFromTheStreamWhenTheReportDescribesItElse404() {
    UpdateResult fromStream = core.applyUpdate(reportBuilder("77", PLACED, "0", "0")
        .order(OrderType.LIMIT, OrderSide.SELL, new BigDecimal("3"), new BigDecimal("10")).clientOrderId("c77")
        .build());

    assertThat(fromStream.outcome()).isEqualTo(UpdateOutcome.APPLIED);
    assertThat(fromStream.eventType()).isEqualTo(ORDER_PLACED);
    assertThat(fromStream.order().statusHistory()).extracting(StatusChange::oldStatus, StatusChange::newStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, PLACED));
    assertThat(core.getOrderByClientId("c77").orderId()).isEqualTo("77");
    assertThat(core.stats().totalTracked()).isEqualTo(1);

    assertThatThrownBy(() -> core.apply(report("78", PLACED, "0", "0")))
        .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.code()).isEqualTo(TrackerErrors.NOT_FOUND));
    assertThatThrownBy(() -> core.updateOrderStatus(StatusUpdate.of("nope", PLACED)))
        .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.code()).isEqualTo(TrackerErrors.NOT_FOUND));
    assertThat(core.unknownOrders()).isEqualTo(1);
    assertThat(sink.events).hasSize(1);
  }

  @Test
  void trackOrderForAKnownOrderMergesDetailsAndKeepsStatusHistoryAndFills() {
    core.apply(reportBuilder("5", PARTIALLY_FILLED, "1", "100").lastFill(fill(1, "1", "100"))
        .order(OrderType.LIMIT, OrderSide.BUY, new BigDecimal("2"), null).build());

    TrackedOrder merged = core.trackOrder(order("5", "BTCUSDT").withClientOrderId("mine").withAccount("main"));

    assertThat(merged.status()).isEqualTo(PARTIALLY_FILLED);
    assertThat(merged.filledQuantity()).isEqualByComparingTo("1");
    assertThat(merged.fills()).hasSize(1);
    assertThat(merged.statusHistory()).hasSize(1);
    assertThat(merged.price()).isEqualByComparingTo("100");
    assertThat(merged.account()).isEqualTo("main");
    assertThat(core.getOrderByClientId("mine").orderId()).isEqualTo("5");
    assertThat(core.stats().totalTracked()).isEqualTo(1);
  }

  @Test
  void sameOrderIdOnTwoSymbolsIsNeverConfused() {
    core.trackOrder(order("42", "BTCUSDT"));
    core.trackOrder(order("42", "ETHUSDT"));

    assertThatThrownBy(() -> core.getOrder("42", null))
        .isInstanceOfSatisfying(TrackerException.class, e -> {
          assertThat(e.code()).isEqualTo(TrackerErrors.AMBIGUOUS);
          assertThat(e.getMessage()).contains("BTCUSDT").contains("ETHUSDT");
        });
    assertThatThrownBy(() -> core.updateOrderStatus(StatusUpdate.of("42", PLACED)))
        .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.code()).isEqualTo(TrackerErrors.AMBIGUOUS));

    core.updateOrderStatus(StatusUpdate.of("42", PLACED).withSymbol("ETHUSDT"));
    core.apply(OrderUpdate.builder("BTCUSDT", "42", CANCELLED).build());

    assertThat(core.getOrder("42", "ETHUSDT").status()).isEqualTo(PLACED);
    assertThat(core.getOrder("42", "BTCUSDT").status()).isEqualTo(CANCELLED);
    assertThat(sink.seen()).containsExactly(
        seen(ORDER_PLACED, 1, "ETHUSDT", "42", PLACED, "0", null),
        seen(ORDER_CANCELLED, 2, "BTCUSDT", "42", CANCELLED, "0", null));

    core.clearHistory(); // the BTCUSDT order leaves history: the id becomes unambiguous again
    assertThat(core.getOrder("42", null).symbol()).isEqualTo("ETHUSDT");
  }

  @Test
  void historyEvictsTheOldestAndCleansItsClientIdMapping() {
    core = core(3);
    for (int i = 1; i <= 5; i++) {
      core.trackOrder(order("o" + i, "BTCUSDT").withClientOrderId("c" + i));
      core.apply(report("o" + i, CANCELLED, "0", null));
    }

    assertThat(core.getCompletedOrders(10)).extracting(TrackedOrder::orderId).containsExactly("o5", "o4", "o3");
    assertThat(core.stats().historySize()).isEqualTo(3);
    assertThatThrownBy(() -> core.getOrderByClientId("c1")).isInstanceOf(TrackerException.class);
    assertThatThrownBy(() -> core.getOrder("o2", null)).isInstanceOf(TrackerException.class);
    assertThat(core.getOrderByClientId("c3").orderId()).isEqualTo("o3");
    assertThat(core.stats().totalCancelled()).isEqualTo(5);
  }

  @Test
  void aReusedClientIdPointsAtTheMostRecentOrderAndSurvivesTheOldOnesEviction() {
    core = core(1);
    core.trackOrder(order("a", "BTCUSDT").withClientOrderId("same"));
    core.apply(report("a", FILLED, "2", "200"));
    core.trackOrder(order("b", "BTCUSDT").withClientOrderId("same"));
    assertThat(core.getOrderByClientId("same").orderId()).isEqualTo("b");
    core.apply(report("b", CANCELLED, "0", null)); // evicts "a" (history size 1)
    assertThat(core.getOrderByClientId("same").orderId()).isEqualTo("b");
  }

  @Test
  void aFailingPublisherIsCountedAndTheStateChangeStands() {
    core = OrderTrackerCore.builder().sink(e -> {
      throw new IllegalStateException("event bus closed");
    }).build();
    core.trackOrder(order("1", "BTCUSDT"));

    UpdateResult r = core.applyUpdate(report("1", PLACED, "0", "0"));

    assertThat(r.outcome()).isEqualTo(UpdateOutcome.APPLIED);
    assertThat(core.getOrder("1", "BTCUSDT").status()).isEqualTo(PLACED);
    assertThat(core.stats().publishFailures()).isEqualTo(1);
    assertThat(core.stats().eventsPublished()).isZero();
    assertThat(core.stats().lastSequence()).isEqualTo(1);
  }

  @Test
  void theStateIsUpdatedBeforeTheEventIsEmitted() {
    List<OrderStatus> seenByListener = new ArrayList<>();
    OrderTrackerCore[] holder = new OrderTrackerCore[1];
    holder[0] = OrderTrackerCore.builder()
        .sink(e -> seenByListener.add(holder[0].getOrder(e.orderId(), e.symbol()).status())).build();
    holder[0].trackOrder(order("1", "BTCUSDT"));
    holder[0].apply(report("1", PLACED, "0", "0"));
    holder[0].apply(report("1", FILLED, "2", "200"));
    assertThat(seenByListener).containsExactly(PLACED, FILLED);
  }

  @Test
  void journalSeesEveryChangeAndRestoreContinuesTheSequence() {
    List<String> journal = new ArrayList<>();
    OrderTrackerCore first = OrderTrackerCore.builder().initialSequence(100).journal(new TrackerJournal() {
      @Override
      public void onOrderChanged(TrackedOrder order) {
        journal.add("order " + order.orderId() + " " + order.status());
      }

      @Override
      public void onEventPublished(OrderEvent event) {
        journal.add("event " + event.sequence() + " " + event.eventType());
      }
    }).build();
    first.trackOrder(order("1", "BTCUSDT"));
    first.trackOrder(order("2", "BTCUSDT"));
    first.apply(report("1", PLACED, "0", "0"));
    first.apply(report("2", FILLED, "2", "200"));
    assertThat(journal).containsExactly("order 1 PENDING", "order 2 PENDING", "order 1 PLACED",
        "event 101 ORDER_PLACED", "order 2 FILLED", "event 102 ORDER_FILLED");

    OrderTrackerCore second = OrderTrackerCore.builder().sink(sink).build();
    second.restore(first.getActiveOrders(null), first.getCompletedOrders(0), first.lastSequence(), first.stats());
    second.apply(report("1", CANCELLED, "0", null));

    assertThat(sink.seen()).containsExactly(seen(ORDER_CANCELLED, 103, "BTCUSDT", "1", CANCELLED, "0", null));
    assertThat(second.getOrder("2", null).status()).isEqualTo(FILLED);
    assertThat(second.stats().totalTracked()).isEqualTo(2);
    assertThat(second.stats().totalFilled()).isEqualTo(1);
    assertThat(second.stats().totalCancelled()).isEqualTo(1);
  }

  @Test
  void partialFillWithoutALargerQuantityIsStaleAndPartialToFailedIsIllegal() {
    core.trackOrder(order("1", "BTCUSDT"));
    core.apply(report("1", PLACED, "0", "0"));
    assertThat(core.applyUpdate(report("1", PARTIALLY_FILLED, "0", "0")).reason()).contains("partial fill");
    core.apply(report("1", PARTIALLY_FILLED, "1", "100"));
    UpdateResult same = core.applyUpdate(report("1", PARTIALLY_FILLED, "1", "120"));
    assertThat(same.outcome()).isEqualTo(UpdateOutcome.DUPLICATE);
    assertThat(core.stats().rejectedUpdates()).isEqualTo(1);
  }
}
