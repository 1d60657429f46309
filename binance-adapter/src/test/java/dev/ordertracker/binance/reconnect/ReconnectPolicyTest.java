package dev.ordertracker.binance.reconnect;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectPolicyTest {

  @Test
  void delaysGrowExponentiallyWithJitterUpToTheCap() {
    ReconnectPolicy p = new ReconnectPolicy(100, 5_000, 300, 300_000, new Random(1));
    long previousMax = 0;
    for (int n = 0; n < 12; n++) {
      long base = Math.min(5_000, 100L << n);
      long d = p.nextDelayMs(0);
      assertThat(d).isBetween(base / 2, base);
      previousMax = Math.max(previousMax, d);
    }
    assertThat(previousMax).isLessThanOrEqualTo(5_000);
    p.recordSuccess();
    assertThat(p.nextDelayMs(0)).isBetween(50L, 100L);
  }

  @Test
  void theSlidingWindowHoldsAttemptsBelowTheCap() {
    ReconnectPolicy p = new ReconnectPolicy(1, 10, 3, 300_000, new Random(1));
    p.recordAttempt(0);
    p.recordAttempt(1_000);
    p.recordAttempt(2_000);
    assertThat(p.windowDelayMs(2_000)).isEqualTo(298_000);
    assertThat(p.nextDelayMs(2_000)).isGreaterThanOrEqualTo(298_000);
    assertThat(p.windowDelayMs(300_000)).isZero();
    assertThat(p.attemptsInWindow(300_500)).isEqualTo(2);
  }
}
