package dev.ordertracker.core.store;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import io.vertx.core.json.JsonObject;

/**
 * The text form of what the stores keep: the model's own JSON, whose amounts are decimal strings, so they survive
 * the round trip exactly without any change to the application's JSON mapper. Orders and events are kept without
 * their null members (a third fewer bytes to write, log and index); they read back the same, and documents that carry
 * them (written by earlier versions) still read.
 */
final class StoreJson {

  private StoreJson() {
  }

  /** Streamed without the JsonObject tree (about half the cost): the journal writes one per change. */
  static String encode(TrackedOrder order) {
    return order.encodeWithoutNulls();
  }

  static String encode(OrderEvent event) {
    return event.encodeWithoutNulls();
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
