package dev.ordertracker.binance.reconcile;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Weight awareness of the budget (issue 14): the server's used weight and its retry times hold requests back. */
@ExtendWith(VertxExtension.class)
class WeightBudgetTest {

  /** Runs on one context, as the budget's owner does. */
  private static <T> T on(Vertx vertx, java.util.concurrent.Callable<T> action) throws Exception {
    io.vertx.core.Promise<T> p = io.vertx.core.Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> {
      try {
        p.complete(action.call());
      } catch (Exception e) {
        p.fail(e);
      }
    });
    return p.future().await(5, TimeUnit.SECONDS);
  }

  @Test
  void theServersUsedWeightHoldsRequestsAtTheConfiguredShare(Vertx vertx) throws Exception {
    AtomicInteger held = new AtomicInteger();
    WeightBudget budget = new WeightBudget(vertx, 6_000, 16, 80, w -> { }).onHeld(held::incrementAndGet);
    Future<Void> first = on(vertx, () -> budget.acquire(80));
    assertThat(first.succeeded()).isTrue();
    // another client of the IP used 4,750 of 6,000 this minute: 4,750 + 80 > 80 % of 6,000
    Future<Void> second = on(vertx, () -> {
      budget.observe(4_750, 6_000);
      return budget.acquire(80);
    });
    assertThat(second.isComplete()).as("held until the next minute").isFalse();
    assertThat(held.get()).isEqualTo(1);
    assertThat(budget.serverUsed()).isGreaterThanOrEqualTo(4_750);
  }

  @Test
  void a429Or418StopsEveryRequestUntilTheRetryTime(Vertx vertx) throws Exception {
    WeightBudget budget = new WeightBudget(vertx, 6_000, 16, 80, w -> { });
    Future<Void> held = on(vertx, () -> {
      budget.pauseUntil(System.currentTimeMillis() + 60_000);
      return budget.acquire(4);
    });
    assertThat(held.isComplete()).isFalse();
    assertThat(budget.backoffs()).isEqualTo(1);
    // an earlier retry time does not shorten the pause
    long until = budget.pausedUntilMs();
    on(vertx, () -> {
      budget.pauseUntil(System.currentTimeMillis() + 1_000);
      return null;
    });
    assertThat(budget.pausedUntilMs()).isEqualTo(until);
    assertThat(budget.backoffs()).isEqualTo(1);
  }
}
