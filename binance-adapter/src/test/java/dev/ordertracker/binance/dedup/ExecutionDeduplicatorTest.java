package dev.ordertracker.binance.dedup;

import dev.ordertracker.binance.codec.ExecutionReport;
import dev.ordertracker.binance.codec.UserDataDecoder;
import dev.ordertracker.binance.support.Resources;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionDeduplicatorTest {
  private static final JsonObject BASE = Resources.json("event-executionReport.json").getJsonObject("event");

  private static ExecutionReport trade(long orderId, long tradeId, long executionId) {
    return (ExecutionReport) new UserDataDecoder().decode(BASE.copy().put("x", "TRADE").put("X", "PARTIALLY_FILLED")
        .put("i", orderId).put("t", tradeId).put("I", executionId).put("l", "0.1").put("z", "0.1").put("L", "1")
        .encode()).event();
  }

  @Test
  void repeatsAreDroppedByExecutionIdOrOrderTradeButSelfTradeLegsAreKept() {
    ExecutionDeduplicator d = new ExecutionDeduplicator(1000);
    assertThat(d.firstSeen("a", trade(1, 50, 100))).isTrue();
    assertThat(d.firstSeen("a", trade(1, 50, 100))).isFalse();
    assertThat(d.firstSeen("a", trade(1, 50, 999))).isFalse(); // same trade of the same order, new execution id
    assertThat(d.firstSeen("a", trade(2, 50, 101))).isTrue();  // the other leg of a self-trade
    assertThat(d.firstSeen("b", trade(1, 50, 100))).isTrue();  // another account
    assertThat(d.dropped()).isEqualTo(2);
  }

  @Test
  void memoryIsBounded() {
    ExecutionDeduplicator d = new ExecutionDeduplicator(10);
    for (int i = 0; i < 100; i++) {
      d.firstSeen("a", trade(i, i, i));
    }
    assertThat(d.size()).isEqualTo(10);
    assertThat(d.firstSeen("a", trade(0, 0, 0))).isTrue();
  }
}
