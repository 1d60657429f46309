package dev.ordertracker.binance.clock;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ServerClockTest {

  @Test
  void offsetIsMeasuredAtTheMidpointOfTheRoundTrip() {
    AtomicLong local = new AtomicLong(1_000);
    ServerClock clock = new ServerClock(local::get);
    assertThat(clock.isSynced()).isFalse();
    clock.update(5_050, 1_000, 1_100); // server said 5,050 half-way through a 100 ms round trip
    assertThat(clock.offsetMs()).isEqualTo(4_000);
    local.set(2_000);
    assertThat(clock.nowMs()).isEqualTo(6_000);
    assertThat(ServerClock.isClockError(-1021)).isTrue();
    assertThat(ServerClock.isClockError(-2013)).isFalse();
  }
}
