package dev.ordertracker.simulator.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Binance's rate-limit report ({@code rateLimits}) of one WebSocket API connection: the IP's REQUEST_WEIGHT used
 * in the current minute (from {@link RequestWeight}, enforced there) and the connection's ORDERS counters (reported,
 * not enforced). One instance per session.
 */
public final class RateLimits {

  private long tenSeconds = -1;
  private long orders10s;
  private long day = -1;
  private long ordersDay;

  public static JsonArray definitions(int weightLimit) {
    return new JsonArray()
        .add(limit("REQUEST_WEIGHT", "MINUTE", 1, weightLimit))
        .add(limit("ORDERS", "SECOND", 10, 50))
        .add(limit("ORDERS", "DAY", 1, 160000))
        .add(limit("RAW_REQUESTS", "MINUTE", 5, 300000));
  }

  private static JsonObject limit(String type, String interval, int num, int limit) {
    return new JsonObject().put("rateLimitType", type).put("interval", interval).put("intervalNum", num)
        .put("limit", limit);
  }

  /** Counts an order when {@code order} and returns the report with {@code weightUsed} of {@code weightLimit}. */
  public JsonArray count(long weightUsed, int weightLimit, boolean order, long now) {
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
    a.add(limit("REQUEST_WEIGHT", "MINUTE", 1, weightLimit).put("count", weightUsed));
    return a;
  }
}
