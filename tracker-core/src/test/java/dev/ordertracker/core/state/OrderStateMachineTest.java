package dev.ordertracker.core.state;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.UpdateKind;
import org.junit.jupiter.api.Test;

import static dev.ordertracker.api.OrderStatus.CANCELLED;
import static dev.ordertracker.api.OrderStatus.EXPIRED;
import static dev.ordertracker.api.OrderStatus.FILLED;
import static dev.ordertracker.api.OrderStatus.PARTIALLY_FILLED;
import static dev.ordertracker.api.OrderStatus.PLACED;
import static dev.ordertracker.api.UpdateKind.STATUS;
import static org.assertj.core.api.Assertions.assertThat;

/** The transition table's shape: the rules every row keeps, and the race rows. */
class OrderStateMachineTest {
  private static final int LESS = -1, SAME = 0, MORE = 1;

  @Test
  void aStatusReportWithASmallerQuantityIsNeverApplied() {
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        assertThat(OrderStateMachine.decide(from, STATUS, to, LESS)).as(from + " -> " + to)
            .isIn(Verdict.STALE, Verdict.ILLEGAL);
      }
    }
  }

  @Test
  void onlyTheOrdersOwnStatusWithTheSameQuantityIsADuplicate() {
    for (OrderStatus from : OrderStatus.values()) {
      for (OrderStatus to : OrderStatus.values()) {
        for (int cmp = LESS; cmp <= MORE; cmp++) {
          boolean duplicate = OrderStateMachine.decide(from, STATUS, to, cmp) == Verdict.DUPLICATE;
          assertThat(duplicate).as(from + " -> " + to + " " + cmp).isEqualTo(from == to && cmp == SAME);
        }
      }
    }
  }

  @Test
  void raceOneAFinalReportWithFillsWeMissedIsApplied() {
    assertThat(OrderStateMachine.decide(PARTIALLY_FILLED, STATUS, CANCELLED, MORE)).isEqualTo(Verdict.APPLY);
    assertThat(OrderStateMachine.decide(PLACED, STATUS, EXPIRED, MORE)).isEqualTo(Verdict.APPLY);
  }

  @Test
  void raceTwoAFillAfterTheEndIsALateFillButFilledAfterACancelIsIllegal() {
    for (OrderStatus end : new OrderStatus[] {FILLED, CANCELLED, EXPIRED}) {
      assertThat(OrderStateMachine.decide(end, STATUS, PARTIALLY_FILLED, MORE)).isEqualTo(Verdict.LATE_FILL);
      assertThat(OrderStateMachine.decide(end, STATUS, end, MORE)).isEqualTo(Verdict.LATE_FILL);
    }
    assertThat(OrderStateMachine.decide(CANCELLED, STATUS, FILLED, MORE)).isEqualTo(Verdict.ILLEGAL);
    assertThat(OrderStateMachine.decide(EXPIRED, STATUS, FILLED, MORE)).isEqualTo(Verdict.ILLEGAL);
  }

  @Test
  void amendmentsAndPreventionsHaveTheirOwnRowsAndAreOldNewsOnAFinalOrder() {
    assertThat(OrderStateMachine.decide(PLACED, UpdateKind.AMENDMENT, PLACED, MORE)).isEqualTo(Verdict.AMEND);
    assertThat(OrderStateMachine.decide(PLACED, UpdateKind.AMENDMENT, PLACED, SAME)).isEqualTo(Verdict.DUPLICATE);
    assertThat(OrderStateMachine.decide(PARTIALLY_FILLED, UpdateKind.TRADE_PREVENTION, PARTIALLY_FILLED, MORE))
        .isEqualTo(Verdict.PREVENT);
    for (OrderStatus end : new OrderStatus[] {FILLED, CANCELLED, EXPIRED, OrderStatus.FAILED}) {
      for (int cmp = LESS; cmp <= MORE; cmp++) {
        assertThat(OrderStateMachine.decide(end, UpdateKind.AMENDMENT, end, cmp)).isEqualTo(Verdict.STALE);
        assertThat(OrderStateMachine.decide(end, UpdateKind.TRADE_PREVENTION, end, cmp)).isEqualTo(Verdict.STALE);
      }
    }
  }
}
