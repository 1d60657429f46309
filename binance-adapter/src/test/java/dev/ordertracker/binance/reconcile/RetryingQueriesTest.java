package dev.ordertracker.binance.reconcile;

import dev.ordertracker.binance.ws.BinanceApiException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry policy of reconciliation queries: which answers are retried, and the capped, jittered delays. */
class RetryingQueriesTest {

  @Test
  void delaysDoubleAreCappedAndKeepHalfFixedHalfRandom() {
    Random random = new Random(1);
    for (int retry = 0; retry < 40; retry++) {
      long capped = Math.min(5_000, 200L << Math.min(retry, 30));
      for (int i = 0; i < 50; i++) {
        long d = RetryingQueries.delayMs(retry, 200, 5_000, random);
        assertThat(d).isBetween(capped / 2, capped);
      }
    }
  }

  @Test
  void unknownOutcomesAndRateLimitsAreRetriedAnswersAreNot() {
    assertThat(RetryingQueries.retryable(new BinanceApiException(503, -1001, "x"))).isTrue();
    assertThat(RetryingQueries.retryable(new BinanceApiException(500, -1000, "x"))).isTrue();
    assertThat(RetryingQueries.retryable(new BinanceApiException(400, -1006, "x"))).isTrue();
    assertThat(RetryingQueries.retryable(new BinanceApiException(503, -1007, "x"))).isTrue();
    assertThat(RetryingQueries.retryable(new BinanceApiException(BinanceApiException.NO_ANSWER, 0, "x"))).isTrue();
    assertThat(RetryingQueries.retryable(new BinanceApiException(429, -1003, "x", 1L))).isTrue();
    assertThat(RetryingQueries.retryable(new BinanceApiException(418, -1003, "x", 1L))).isTrue();
    assertThat(RetryingQueries.retryable(new BinanceApiException(400, -1102, "x"))).isFalse();
    assertThat(RetryingQueries.retryable(new BinanceApiException(401, -2015, "x"))).isFalse();
    assertThat(RetryingQueries.retryable(new IllegalStateException("x"))).isFalse();
    // "not found" is an answer: -2013, -2011 and -2026 (ORDER_ARCHIVED)
    assertThat(new BinanceApiException(400, -2026, "x").isOrderNotFound()).isTrue();
    assertThat(new BinanceApiException(400, -2026, "x").isRetryable()).isFalse();
  }
}
