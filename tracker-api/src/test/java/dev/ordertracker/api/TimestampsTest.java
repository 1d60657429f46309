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

  /** The hand-written parse of our own format agrees with {@code Instant.parse} on it and on every near miss. */
  @Test
  void ownFormatParsesAsTheJdkDoesAndEverythingElseFallsBack() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      long ms = random.nextLong(-62_135_596_800_000L /* 0001-01-01 */, 253_402_300_800_000L /* 10000-01-01 */);
      String text = JDK.format(Instant.ofEpochMilli(ms));
      assertThat(Timestamps.parseOwnFormat(text)).as(text).isEqualTo(ms);
      assertThat(Timestamps.parse(text, "t")).isEqualTo(Instant.ofEpochMilli(ms));
    }
    String[] edges = {"2024-02-29T23:59:59.999Z", "2023-02-29T00:00:00.000Z", "2024-04-31T00:00:00.000Z",
        "2024-13-01T00:00:00.000Z", "2024-00-10T00:00:00.000Z", "2024-01-00T00:00:00.000Z", "2024-01-01T24:00:00.000Z",
        "2024-01-01T23:60:00.000Z", "2016-12-31T23:59:60.000Z", "0000-01-01T00:00:00.000Z", "2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00.1234Z", "2024-01-01T00:00:00.000+01:00", "+2024-01-01T00:00:00.000Z",
        "2024-1-01T00:00:00.000Z", "2024-01-01 00:00:00.000Z", "2024-01-01T00:00:00.000z", "2024-01-01T0-:00:00.000Z",
        "２０２４-01-01T00:00:00.000Z"};
    char[] alphabet = "0123456789-:.TZ+ x".toCharArray();
    for (int i = 0; i < edges.length + 100_000; i++) {
      String text;
      if (i < edges.length) {
        text = edges[i];
      } else {
        char[] chars = JDK.format(Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L))).toCharArray();
        chars[random.nextInt(chars.length)] = alphabet[random.nextInt(alphabet.length)];
        text = new String(chars);
      }
      assertThat(outcome(() -> Timestamps.parse(text, "t"))).as(text)
          .isEqualTo(outcome(() -> Instant.parse(text).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }
  }

  /** The instant, or "invalid" for any exception: both parsers must accept and refuse the same texts. */
  private static Object outcome(java.util.function.Supplier<Instant> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      return "invalid";
    }
  }
}
