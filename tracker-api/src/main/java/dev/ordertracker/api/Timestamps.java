package dev.ordertracker.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** ISO-8601 UTC with milliseconds ({@code 2024-01-15T10:30:00.000Z}): the only timestamp format on the wire. */
public final class Timestamps {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {
  }

  public static String format(Instant instant) {
    return instant == null ? null : format(instant.toEpochMilli());
  }

  /**
   * Formats epoch milliseconds; the same text as {@code DateTimeFormatter} with the pattern above, hand-rolled
   * because it runs three times per published event (the JDK formatter cost ~0.27 µs a call). Years outside
   * 0001–9999 fall back to the JDK formatter (whose yyyy is the year of era).
   */
  public static String format(long epochMilli) {
    // Consecutive events mostly carry the same millisecond (created/updated, and 100+ events per ms under load).
    Stamp last = lastStamp;
    if (last.epochMilli == epochMilli && last.text != null) {
      return last.text;
    }
    String text = formatUncached(epochMilli);
    lastStamp = new Stamp(epochMilli, text);
    return text;
  }

  /** The most recent formatted instant; immutable, so racy publication between threads is safe. */
  private record Stamp(long epochMilli, String text) {
  }

  private static volatile Stamp lastStamp = new Stamp(0, null);

  private static String formatUncached(long epochMilli) {
    long epochDay = Math.floorDiv(epochMilli, 86_400_000L);
    DayPrefix day = lastDay;
    if (day.epochDay != epochDay) {
      java.time.LocalDate date = java.time.LocalDate.ofEpochDay(epochDay);
      if (date.getYear() < 1 || date.getYear() > 9999) {
        return FORMAT.format(Instant.ofEpochMilli(epochMilli));
      }
      day = new DayPrefix(epochDay, datePrefix(date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
      lastDay = day;
    }
    int msOfDay = (int) Math.floorMod(epochMilli, 86_400_000L);
    char[] out = new char[24];
    System.arraycopy(day.prefix, 0, out, 0, 11);
    int h = msOfDay / 3_600_000;
    int m = msOfDay / 60_000 % 60;
    int sec = msOfDay / 1000 % 60;
    int ms = msOfDay % 1000;
    out[11] = (char) ('0' + h / 10);
    out[12] = (char) ('0' + h % 10);
    out[13] = ':';
    out[14] = (char) ('0' + m / 10);
    out[15] = (char) ('0' + m % 10);
    out[16] = ':';
    out[17] = (char) ('0' + sec / 10);
    out[18] = (char) ('0' + sec % 10);
    out[19] = '.';
    out[20] = (char) ('0' + ms / 100);
    out[21] = (char) ('0' + ms / 10 % 10);
    out[22] = (char) ('0' + ms % 10);
    out[23] = 'Z';
    return new String(out);
  }

  /**
   * {@code yyyy-MM-ddT} by hand: the cache above misses on every call when an event mixes two days (an exchange's
   * transaction time and the local clock, or any stream around midnight), and String.format cost ~1 µs a call.
   */
  private static char[] datePrefix(int year, int month, int dayOfMonth) {
    return new char[] {
        (char) ('0' + year / 1000), (char) ('0' + year / 100 % 10), (char) ('0' + year / 10 % 10),
        (char) ('0' + year % 10), '-', (char) ('0' + month / 10), (char) ('0' + month % 10), '-',
        (char) ('0' + dayOfMonth / 10), (char) ('0' + dayOfMonth % 10), 'T'};
  }

  /** The formatted date of the most recent day seen; immutable, so racy publication between threads is safe. */
  private record DayPrefix(long epochDay, char[] prefix) {
  }

  private static volatile DayPrefix lastDay = new DayPrefix(Long.MIN_VALUE, new char[0]);

  /** Parses an ISO-8601 instant or epoch milliseconds (number); null stays null. */
  public static Instant parse(Object value, String field) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof Number) {
      return Instant.ofEpochMilli(((Number) value).longValue());
    }
    String text = value.toString();
    long epochMilli = parseOwnFormat(text);
    if (epochMilli != NOT_OWN_FORMAT) {
      return Instant.ofEpochMilli(epochMilli);
    }
    try {
      return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": not an ISO-8601 timestamp: '" + value + "'");
    }
  }

  private static final long NOT_OWN_FORMAT = Long.MIN_VALUE;

  /**
   * Epoch milliseconds of exactly the format {@link #format} writes ({@code yyyy-MM-ddTHH:mm:ss.SSSZ}, year
   * 0001–9999, every field in its plain range), or {@link #NOT_OWN_FORMAT} for anything else, which then goes to
   * {@code Instant.parse} (other ISO-8601 forms, leap seconds, errors). By hand because every decoded order and event
   * carries two to four timestamps: {@code Instant.parse} took a fifth of a client's event loop decoding
   * {@code UpdateResult}s (async-profiler, store benchmark).
   */
  static long parseOwnFormat(String s) {
    if (s.length() != 24 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':' || s.charAt(19) != '.' || s.charAt(23) != 'Z') {
      return NOT_OWN_FORMAT;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int milli = digits(s, 20, 3);
    if ((year | month | day | hour | minute | second | milli) < 0 // a character that is not a digit
        || year < 1 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)
        || hour > 23 || minute > 59 || second > 59) {
      return NOT_OWN_FORMAT;
    }
    long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
    return epochDay * 86_400_000L + hour * 3_600_000L + minute * 60_000L + second * 1000L + milli;
  }

  /** The decimal value of {@code count} ASCII digits from {@code from}, or -1 if one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static int lengthOfMonth(int year, int month) {
    return java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  /** Wall-clock now, truncated to milliseconds so that a snapshot survives a JSON round trip unchanged. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
