package dev.ordertracker.api.store;

import dev.ordertracker.api.Timestamps;
import dev.ordertracker.api.WireJson;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** A half-open time interval {@code [from, to)}; either end may be null (unbounded). */
public record TimeRange(Instant from, Instant to) {
  public static final TimeRange ANY = new TimeRange(null, null);

  public TimeRange {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("time range: 'to' (" + Timestamps.format(to) + ") is before 'from' ("
          + Timestamps.format(from) + ")");
    }
  }

  public static TimeRange between(Instant from, Instant to) {
    return new TimeRange(from, to);
  }

  public boolean unbounded() {
    return from == null && to == null;
  }

  public boolean contains(Instant t) {
    if (unbounded()) {
      return true;
    }
    return t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }

  static TimeRange read(JsonObject json, String fromKey, String toKey) {
    Instant from = WireJson.optInstant(json, fromKey);
    Instant to = WireJson.optInstant(json, toKey);
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(toKey + " is before " + fromKey);
    }
    return from == null && to == null ? ANY : new TimeRange(from, to);
  }

  void write(JsonObject json, String fromKey, String toKey) {
    if (from != null) {
      json.put(fromKey, Timestamps.format(from));
    }
    if (to != null) {
      json.put(toKey, Timestamps.format(to));
    }
  }
}
