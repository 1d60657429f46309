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
    return instant == null ? null : FORMAT.format(instant);
  }

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
    try {
      return Instant.parse(value.toString()).truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": not an ISO-8601 timestamp: '" + value + "'");
    }
  }

  /** Wall-clock now, truncated to milliseconds so that a snapshot survives a JSON round trip unchanged. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
