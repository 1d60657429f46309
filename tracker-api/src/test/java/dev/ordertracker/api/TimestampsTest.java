package dev.ordertracker.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {
  private static final DateTimeFormatter JDK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void handRolledFormatMatchesTheJdkFormatter() {
    SplittableRandom random = new SplittableRandom(7);
    long[] fixed = {0L, -1L, 86_399_999L, 86_400_000L, 951_782_400_000L /* 2000-02-29 */, 4_102_444_799_999L,
        253_402_300_799_999L /* 9999-12-31T23:59:59.999Z */, -62_167_219_200_000L /* 0000-01-01 */};
    for (long ms : fixed) {
      assertThat(Timestamps.format(ms)).isEqualTo(JDK.format(Instant.ofEpochMilli(ms)));
    }
    for (int i = 0; i < 200_000; i++) {
      long ms = random.nextLong(-2_000_000_000_000L, 4_000_000_000_000L);
      assertThat(Timestamps.format(ms)).isEqualTo(JDK.format(Instant.ofEpochMilli(ms)));
    }
    assertThat(Timestamps.format(Instant.parse("2024-01-15T10:30:05.123Z"))).isEqualTo("2024-01-15T10:30:05.123Z");
    assertThat(Timestamps.parse(Timestamps.format(1_700_000_000_123L), "t").toEpochMilli()).isEqualTo(1_700_000_000_123L);
  }
}
