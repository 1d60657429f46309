package dev.ordertracker.notifier.rule;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderSide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.ordertracker.notifier.rule.Events.T0;
import static dev.ordertracker.notifier.rule.Events.event;
import static dev.ordertracker.notifier.rule.Events.simple;
import static org.assertj.core.api.Assertions.assertThat;

/** The time conditions, one scenario each, with the clock passed in (no sleeps). */
class RuleEvaluatorTest {

  private static Instant at(long minutes) {
    return T0.plusSeconds(minutes * 60);
  }

  @Test
  void stalePlacedFiresOnceAfterTheThresholdAndNotForAnOrderThatMovedOn() {
    Rule rule = Rule.builder("stale", RuleKind.STALE_PLACED).olderThanMs(10 * 60_000).build();
    RuleEvaluator ev = new RuleEvaluator(List.of(rule), 100);
    ev.onOrderEvent(simple(1, EventType.ORDER_PLACED, "a", at(0)), at(0));
    ev.onOrderEvent(simple(2, EventType.ORDER_PLACED, "b", at(1)), at(1));
    ev.onOrderEvent(simple(3, EventType.ORDER_FILLED, "b", at(5)), at(5));
    assertThat(ev.onTick(at(9))).isEmpty();
    List<Alert> alerts = ev.onTick(at(10));
    assertThat(alerts).extracting(a -> a.event().orderId()).containsExactly("a");
    assertThat(alerts.get(0).details()).containsEntry("minutes", "10");
    assertThat(ev.onTick(at(30))).isEmpty();
  }

  @Test
  void accountSilentFiresOncePerSilenceWhileOrdersAreOpen() {
    Rule rule = Rule.builder("silent", RuleKind.ACCOUNT_SILENT).silenceMs(5 * 60_000).build();
    RuleEvaluator ev = new RuleEvaluator(List.of(rule), 100);
    ev.onOrderEvent(simple(1, EventType.ORDER_PLACED, "a", at(0)), at(0));
    assertThat(ev.onTick(at(4))).isEmpty();
    List<Alert> alerts = ev.onTick(at(5));
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.account()).isEqualTo("main");
      assertThat(a.event()).isNull();
      assertThat(a.details()).containsEntry("open_orders", 1).containsEntry("minutes", "5");
    });
    assertThat(ev.onTick(at(20))).as("same silence").isEmpty();
    ev.onAccountEvent("main", at(21)); // a balance update: alive again
    assertThat(ev.onTick(at(25))).isEmpty();
    assertThat(ev.onTick(at(26))).as("a new silence").hasSize(1);
    ev.onOrderEvent(simple(2, EventType.ORDER_FILLED, "a", at(27)), at(27));
    assertThat(ev.onTick(at(60))).as("no open order: silence is fine").isEmpty();
  }

  @Test
  void errorBurstFiresWhenMoreThanNInTheWindowAndRearmsWhenItCalmsDown() {
    Rule rule = Rule.builder("burst", RuleKind.ERROR_BURST).maxErrors(2).windowMs(10 * 60_000).build();
    RuleEvaluator ev = new RuleEvaluator(List.of(rule), 100);
    assertThat(ev.onOrderEvent(simple(1, EventType.ERROR_OCCURRED, "a", at(0)), at(0))).isEmpty();
    assertThat(ev.onOrderEvent(simple(2, EventType.ORDER_FILLED, "x", at(1)), at(1))).isEmpty();
    assertThat(ev.onOrderEvent(simple(3, EventType.ERROR_OCCURRED, "b", at(2)), at(2))).isEmpty();
    List<Alert> third = ev.onOrderEvent(simple(4, EventType.ERROR_OCCURRED, "c", at(3)), at(3));
    assertThat(third).singleElement().satisfies(a -> assertThat(a.details()).containsEntry("count", 3));
    assertThat(ev.onOrderEvent(simple(5, EventType.ERROR_OCCURRED, "d", at(4)), at(4))).as("same burst").isEmpty();
    ev.onTick(at(30)); // the window empties: re-armed
    ev.onOrderEvent(simple(6, EventType.ERROR_OCCURRED, "e", at(31)), at(31));
    ev.onOrderEvent(simple(7, EventType.ERROR_OCCURRED, "f", at(32)), at(32));
    assertThat(ev.onOrderEvent(simple(8, EventType.ERROR_OCCURRED, "g", at(33)), at(33))).hasSize(1);
  }

  /** A fill event whose trade happened at {@code tradeTime} (the exchange's time, in last_fill). */
  private static dev.ordertracker.api.OrderEvent fillTradedAt(long seq, String orderId, Instant tradeTime,
                                                             Instant trackerTime) {
    dev.ordertracker.api.OrderEvent e = simple(seq, EventType.ORDER_FILLED, orderId, trackerTime);
    java.math.BigDecimal one = java.math.BigDecimal.ONE;
    return new dev.ordertracker.api.OrderEvent(e.eventType(), seq, orderId, null, e.symbol(), e.orderType(), e.side(),
        one, one, e.status(), one, one, e.createdAt(), trackerTime, e.account(), null,
        new dev.ordertracker.api.Fill(seq, one, one, one, java.math.BigDecimal.ZERO, "BTC", false, tradeTime));
  }

  @Test
  void correctionIsALateTradeOrALostOrderOncePerOrder() {
    Rule rule = Rule.builder("corr", RuleKind.CORRECTION).minLagMs(60_000).build();
    RuleEvaluator ev = new RuleEvaluator(List.of(rule), 100);
    assertThat(ev.onOrderEvent(fillTradedAt(1, "live", at(10), at(10)), at(10).plusMillis(40)))
        .as("a live fill lags by milliseconds").isEmpty();
    // a trade the stream missed, published by the reconciliation 8 minutes later (updated_at is the tracker's now)
    List<Alert> late = ev.onOrderEvent(fillTradedAt(2, "missed", at(2), at(10)), at(10));
    assertThat(late).singleElement().satisfies(a -> assertThat(a.details()).containsEntry("lag_seconds", 480L));
    assertThat(ev.onOrderEvent(fillTradedAt(3, "missed", at(3), at(10)), at(10))).as("once per order").isEmpty();
    assertThat(ev.onOrderEvent(simple(4, EventType.ORDER_CANCELLED, "other", at(0)), at(10)))
        .as("no trade time: not a detectable correction").isEmpty();
    assertThat(ev.onOrderEvent(simple(5, EventType.ORDER_LOST, "gone", at(10)), at(10))).hasSize(1);
    assertThat(ev.duplicates("corr")).isEqualTo(1);
  }

  @Test
  void filtersOnNotionalAndQuantityAreExact() {
    Rule rule = Rule.builder("big", RuleKind.EVENT).eventTypes(List.of(EventType.ORDER_FILLED))
        .minNotional(new java.math.BigDecimal("32499.51")).minQuantity(new java.math.BigDecimal("0.5")).build();
    RuleEvaluator ev = new RuleEvaluator(List.of(rule), 100);
    // 0.5 x 64999.02 = 32499.51 exactly: at the threshold, included
    assertThat(ev.onOrderEvent(event(1, EventType.ORDER_FILLED, "a", "main", "BTCUSDT", OrderSide.BUY,
        "0.50000000", "0.50000000", "64999.02000000", at(0)), at(0))).hasSize(1);
    // one satoshi of price less: excluded
    assertThat(ev.onOrderEvent(event(2, EventType.ORDER_FILLED, "b", "main", "BTCUSDT", OrderSide.BUY,
        "0.5", "0.5", "64999.01999999", at(0)), at(0))).isEmpty();
    assertThat(ev.onOrderEvent(event(3, EventType.ORDER_FILLED, "c", "main", "BTCUSDT", OrderSide.BUY,
        "0.49999999", "0.49999999", "99999999", at(0)), at(0))).as("quantity below").isEmpty();
  }
}
