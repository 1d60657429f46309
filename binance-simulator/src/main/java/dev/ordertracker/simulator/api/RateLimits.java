package dev.ordertracker.simulator.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Binance's rate-limit report ({@code rateLimits}) for one connection or API key. Nothing is enforced; the
 * counters are reported so that clients that read them see plausible values. One instance per session.
 */
public final class RateLimits {

  private long minute = -1;
  private long weight;
  private long tenSeconds = -1;
  private long orders10s;
  private long day = -1;
  private long ordersDay;

  public static JsonArray definitions() {
    return new JsonArray()
        .add(limit("REQUEST_WEIGHT", "MINUTE", 1, 6000))
        .add(limit("ORDERS", "SECOND", 10, 50))
        .add(limit("ORDERS", "DAY", 1, 160000))
        .add(limit("RAW_REQUESTS", "MINUTE", 5, 61000));
  }

  private static JsonObject limit(String type, String interval, int num, int limit) {
    return new JsonObject().put("rateLimitType", type).put("interval", interval).put("intervalNum", num)
        .put("limit", limit);
  }

  /** Counts a request of {@code weight} (and an order when {@code order}) and returns the report. */
  public JsonArray count(int requestWeight, boolean order, long now) {
    if (now / 60_000 != minute) {
      minute = now / 60_000;
      weight = 0;
    }
    weight += requestWeight;
    JsonArray a = new JsonArray();
    if (order) {
      if (now / 10_000 != tenSeconds) {
        tenSeconds = now / 10_000;
        orders10s = 0;
      }
      if (now / 86_400_000 != day) {
        day = now / 86_400_000;
        ordersDay = 0;
      }
      orders10s++;
      ordersDay++;
      a.add(limit("ORDERS", "SECOND", 10, 50).put("count", orders10s));
      a.add(limit("ORDERS", "DAY", 1, 160000).put("count", ordersDay));
    }
    a.add(limit("REQUEST_WEIGHT", "MINUTE", 1, 6000).put("count", weight));
    return a;
  }
}
