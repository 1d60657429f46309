package dev.ordertracker.simulator.feed;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scripted frames are patched byte templates; each must still be the executionReport its sequence says. */
class ScriptedFeedFrameTest {

  @Test
  void everyPhaseCarriesItsOwnIdsTimesAndAmounts() {
    ScriptedFeed feed = new ScriptedFeed(null, null, 17, "BTCUSDT", "BNB", 0, 0, 0, null);
    long now = 1_764_115_200_123L;
    for (long seq : new long[] {0, 1, 2, 3, 299_999_999L, 2_999_999_999L}) {
      JsonObject frame = new JsonObject(feed.frame(seq, now + seq));
      JsonObject e = frame.getJsonObject("event");
      long orderId = ScriptedFeed.FIRST_ORDER_ID + seq / 3;
      int phase = (int) (seq % 3);

      assertThat(frame.getInteger("subscriptionId")).isEqualTo(17);
      assertThat(e.getString("e")).isEqualTo("executionReport");
      assertThat(e.getLong("i")).isEqualTo(orderId);
      assertThat(e.getString("c")).isEqualTo("feed" + orderId);
      assertThat(e.getLong("I")).isEqualTo(ScriptedFeed.FIRST_ORDER_ID * 3 + seq);
      assertThat(e.getLong("t")).isEqualTo(phase == 0 ? -1 : orderId * 2 + phase);
      for (String time : new String[] {"E", "T", "O", "W"}) {
        assertThat(e.getLong(time)).as(time).isEqualTo(now + seq);
      }
      assertThat(e.getString("x")).isEqualTo(phase == 0 ? "NEW" : "TRADE");
      assertThat(e.getString("X")).isEqualTo(new String[] {"NEW", "PARTIALLY_FILLED", "FILLED"}[phase]);
      assertThat(e.getString("z")).isEqualTo(new String[] {"0.00000000", "0.50000000", "1.00000000"}[phase]);
      assertThat(e.getString("N")).isEqualTo(phase == 0 ? null : "BNB");
      assertThat(e.getString("s")).isEqualTo("BTCUSDT");
    }
  }

  @Test
  void aFeedBeyondTheFixedWidthIdsIsRefusedNotWrapped() {
    assertThatThrownBy(() -> new ScriptedFeed(null, null, 1, "BTCUSDT", "BNB", 2, ScriptedFeed.MAX_SEQUENCE - 1, 0,
        null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed");
    assertThat(new ScriptedFeed(null, null, 1, "BTCUSDT", "BNB", 1, ScriptedFeed.MAX_SEQUENCE - 1, 0, null)
        .frame(ScriptedFeed.MAX_SEQUENCE - 1, 0)).contains("\"i\":9999999999");
  }
}
