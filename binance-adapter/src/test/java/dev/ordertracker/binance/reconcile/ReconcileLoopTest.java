package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.binance.config.ReconcileLoopOptions;
import dev.ordertracker.binance.feed.TrackerFeed;
import dev.ordertracker.binance.metrics.AdapterMetrics;
import dev.ordertracker.binance.ws.BinanceApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One account's failing exchange never blocks another's reconciliation: each account has its own sweep, retried on
 * its own backoff. The exchange side is scripted (account "broken" answers 503 to everything).
 */
@ExtendWith(VertxExtension.class)
class ReconcileLoopTest {

  private static final class Scripted implements ExchangeQueries {
    int openOrdersCalls;

    private <T> Future<T> answer(String account, T value) {
      return "broken".equals(account) ? Future.failedFuture(new BinanceApiException(503, -1001, "down"))
          : Future.succeededFuture(value);
    }

    @Override
    public Future<List<ExchangeOrder>> openOrders(String account) {
      openOrdersCalls++;
      return answer(account, List.of());
    }

    @Override
    public Future<ExchangeOrder> orderStatus(String account, String symbol, long orderId) {
      return answer(account, null);
    }

    @Override
    public Future<ExchangeOrder> orderByClientId(String account, String symbol, String clientOrderId) {
      return answer(account, null);
    }

    @Override
    public Future<List<ExchangeOrder>> ordersUpdatedBetween(String account, String symbol, long startMs, long endMs) {
      return answer(account, List.of());
    }

    @Override
    public Future<List<ExchangeTrade>> tradesOfOrder(String account, String symbol, long orderId) {
      return answer(account, List.of());
    }

    @Override
    public Future<List<ExchangeTrade>> tradesFrom(String account, String symbol, long fromId, long startTimeMs) {
      return answer(account, List.of());
    }
  }

  /** Runs {@code action} on {@code context} (the loop's owner) and waits for its future. */
  private static <T> T on(io.vertx.core.Context context, java.util.function.Supplier<Future<T>> action)
      throws Exception {
    io.vertx.core.Promise<T> p = io.vertx.core.Promise.promise();
    context.runOnContext(v -> action.get().onComplete(p));
    return p.future().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aFailingAccountNeverBlocksTheOther(Vertx vertx) throws Exception {
    AdapterMetrics metrics = new AdapterMetrics();
    ExchangeQueries queries = new RetryingQueries(vertx, new Scripted(), 3, 5, 20, new Random(1),
        metrics.reconcile());
    TrackerFeed feed = new TrackerFeed(vertx, Addresses.defaults(), true, 1_000);
    ReconcileRun run = new ReconcileRun(queries, feed, metrics, 3, new HashMap<>());
    ReconcileLoopOptions options = new ReconcileLoopOptions().setOpenCheckIntervalMs(60_000);
    io.vertx.core.Context context = vertx.getOrCreateContext();
    ReconcileLoop loop = on(context, () -> Future.succeededFuture(new ReconcileLoop(vertx, run, options,
        metrics.reconcile(), 10, 40, List.of("broken", "healthy"), account -> Future.succeededFuture(List.of()),
        account -> Map.<String, Long>of())));
    Future<Integer> gap = on(context, () -> Future.succeededFuture(loop.gap(System.currentTimeMillis() - 1_000)));
    Integer healthy = on(context, () -> loop.sweepNow("healthy"));
    assertThat(healthy).isZero();
    assertThat(metrics.reconcile().lastSweepOkMs("healthy")).isPositive();
    assertThat(metrics.reconcile().lastSweepOkMs("broken")).isEqualTo(-1);
    assertThat(gap.isComplete()).as("the gap is not done while one account cannot sweep").isFalse();
    // the broken account's sweeps fail (each query retried within a sweep) and are retried on its own backoff
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (metrics.reconcile().sweepFailures() < 2 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    assertThat(metrics.reconcile().sweepFailures()).isGreaterThanOrEqualTo(2);
    assertThat(metrics.reconcile().lastSweepOkMs("broken")).isEqualTo(-1);
    assertThat(metrics.reconcile().queryRetries()).isPositive();
    on(context, () -> {
      loop.stop();
      return Future.succeededFuture();
    });
    assertThat(gap.failed()).as("stopping fails what is still owed").isTrue();
    feed.close();
  }
}
