package dev.ordertracker.core.store;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import io.vertx.core.json.JsonObject;

/**
 * The text form of what the stores keep: the model's own JSON, whose amounts are decimal strings, so they survive
 * the round trip exactly without any change to the application's JSON mapper.
 */
final class StoreJson {

  private StoreJson() {
  }

  /** Streamed without the JsonObject tree (about half the cost): the journal writes one per change. */
  static String encode(TrackedOrder order) {
    return order.encode();
  }

  static String encode(OrderEvent event) {
    return event.encode();
  }

  static String encode(TrackerStats stats) {
    return stats.toJson().encode();
  }

  static TrackedOrder order(String text) {
    return new TrackedOrder(new JsonObject(text));
  }

  static OrderEvent event(String text) {
    return OrderEvent.fromJson(new JsonObject(text));
  }

  static TrackerStats stats(String text) {
    return new TrackerStats(new JsonObject(text));
  }
}
