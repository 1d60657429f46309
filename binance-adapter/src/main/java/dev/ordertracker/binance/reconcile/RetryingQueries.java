package dev.ordertracker.binance.reconcile;

import dev.ordertracker.binance.metrics.ReconcileMetrics;
import dev.ordertracker.binance.ws.BinanceApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Every query retried on its own (issue 14: "per order, never all-or-nothing"): a retryable failure (5xx, -1000,
 * -1001, -1006, -1007, no answer, 429 / 418) is asked again after a capped exponential backoff with equal jitter
 * (half the delay fixed, half random), up to {@code attempts} times; a rate-limit answer has already stopped the
 * {@link WeightBudget} until the server's retry time, so the retry waits for that too. A plain 4xx is an answer and
 * fails at once; "not found" (-2013, -2026) is an answer too (null), handled by the queries. Owned by one context.
 */
public final class RetryingQueries implements ExchangeQueries {
  private final Vertx vertx;
  private final ExchangeQueries queries;
  private final int attempts;
  private final long initialDelayMs;
  private final long maxDelayMs;
  private final Random random;
  private final ReconcileMetrics metrics;

  public RetryingQueries(Vertx vertx, ExchangeQueries queries, int attempts, long initialDelayMs, long maxDelayMs,
                         Random random, ReconcileMetrics metrics) {
    this.vertx = vertx;
    this.queries = queries;
    this.attempts = attempts;
    this.initialDelayMs = initialDelayMs;
    this.maxDelayMs = maxDelayMs;
    this.random = random;
    this.metrics = metrics;
  }

  /** The delay before retry number {@code retry} (0-based): min(max, initial × 2^retry), half of it random. */
  public static long delayMs(int retry, long initialMs, long maxMs, Random random) {
    long capped = Math.min(maxMs, initialMs << Math.min(retry, 30));
    long half = capped / 2;
    return half + (half > 0 ? (long) (random.nextDouble() * (capped - half)) : 0);
  }

  static boolean retryable(Throwable e) {
    return e instanceof BinanceApiException b && b.isRetryable();
  }

  <T> Future<T> retry(Supplier<Future<T>> query) {
    Promise<T> done = Promise.promise();
    attempt(query, 0, done);
    return done.future();
  }

  private <T> void attempt(Supplier<Future<T>> query, int retry, Promise<T> done) {
    query.get().onComplete(ar -> {
      if (ar.succeeded()) {
        done.complete(ar.result());
      } else if (retry + 1 >= attempts || !retryable(ar.cause())) {
        done.fail(ar.cause());
      } else {
        metrics.queryRetry();
        vertx.setTimer(Math.max(1, delayMs(retry, initialDelayMs, maxDelayMs, random)),
            t -> attempt(query, retry + 1, done));
      }
    });
  }

  @Override
  public Future<List<ExchangeOrder>> openOrders(String account) {
    return retry(() -> queries.openOrders(account));
  }

  @Override
  public Future<ExchangeOrder> orderStatus(String account, String symbol, long orderId) {
    return retry(() -> queries.orderStatus(account, symbol, orderId));
  }

  @Override
  public Future<ExchangeOrder> orderByClientId(String account, String symbol, String clientOrderId) {
    return retry(() -> queries.orderByClientId(account, symbol, clientOrderId));
  }

  @Override
  public Future<List<ExchangeOrder>> ordersUpdatedBetween(String account, String symbol, long startMs, long endMs) {
    return retry(() -> queries.ordersUpdatedBetween(account, symbol, startMs, endMs));
  }

  @Override
  public Future<List<ExchangeTrade>> tradesOfOrder(String account, String symbol, long orderId) {
    return retry(() -> queries.tradesOfOrder(account, symbol, orderId));
  }

  @Override
  public Future<List<ExchangeTrade>> tradesFrom(String account, String symbol, long fromId, long startTimeMs) {
    return retry(() -> queries.tradesFrom(account, symbol, fromId, startTimeMs));
  }
}
