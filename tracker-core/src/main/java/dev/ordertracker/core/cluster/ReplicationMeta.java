package dev.ordertracker.core.cluster;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The commit record of the replicated tracker state, stored as JSON text under {@code meta} in the state map and
 * only ever changed by compare-and-set, so it is also the fence: a write that does not find the record it last saw
 * means another tracker claimed the state.
 *
 * <p>{@code owner}/{@code term}: the tracker that owns the state (a random id per activation) and its term (from the
 * cluster counter). {@code lastSequence}: the sequence of the last event committed. {@code publishedThrough}: every
 * event up to it is known to have been published. {@code batchOrders}/{@code batchEvents}: the last committed
 * batch's order snapshots, so a change is durable the moment the record is written, and its events plus every
 * earlier event not yet known to have left the node; those above {@code publishedThrough} are republished by the
 * next tracker. {@code historyClearedAt}: completed orders
 * last updated before it are not restored (clearHistory). {@code stats}: the counters after the batch.
 */
record ReplicationMeta(String owner, long term, long lastSequence, long publishedThrough,
                       List<TrackedOrder> batchOrders, List<OrderEvent> batchEvents, long historyClearedAt,
                       TrackerStats stats) {

  ReplicationMeta {
    batchOrders = List.copyOf(batchOrders);
    batchEvents = List.copyOf(batchEvents);
  }

  static ReplicationMeta initial(String owner, long term, long sequence) {
    return new ReplicationMeta(owner, term, sequence, sequence, List.of(), List.of(), 0, null);
  }

  /** Same content, new owner: the claim. */
  ReplicationMeta claimedBy(String newOwner, long newTerm) {
    return new ReplicationMeta(newOwner, newTerm, lastSequence, publishedThrough, batchOrders, batchEvents,
        historyClearedAt, stats);
  }

  /** Events of the last batch that may not have left the previous tracker. */
  List<OrderEvent> unpublishedEvents() {
    List<OrderEvent> out = new ArrayList<>();
    for (OrderEvent e : batchEvents) {
      if (e.sequence() > publishedThrough) {
        out.add(e);
      }
    }
    return out;
  }

  String encode() {
    JsonArray orders = new JsonArray();
    batchOrders.forEach(o -> orders.add(o.toJson()));
    JsonArray events = new JsonArray();
    batchEvents.forEach(e -> events.add(e.toJson()));
    return new JsonObject()
        .put("owner", owner)
        .put("term", term)
        .put("last_sequence", lastSequence)
        .put("published_through", publishedThrough)
        .put("batch_orders", orders)
        .put("batch_events", events)
        .put("history_cleared_at", historyClearedAt)
        .put("stats", stats == null ? null : stats.toJson())
        .encode();
  }

  static ReplicationMeta decode(String text) {
    JsonObject json = new JsonObject(text);
    List<TrackedOrder> orders = new ArrayList<>();
    json.getJsonArray("batch_orders", new JsonArray()).forEach(o -> orders.add(new TrackedOrder((JsonObject) o)));
    List<OrderEvent> events = new ArrayList<>();
    json.getJsonArray("batch_events", new JsonArray()).forEach(e -> events.add(OrderEvent.fromJson((JsonObject) e)));
    JsonObject stats = json.getJsonObject("stats");
    return new ReplicationMeta(json.getString("owner"), json.getLong("term", 0L), json.getLong("last_sequence", 0L),
        json.getLong("published_through", 0L), orders, events, json.getLong("history_cleared_at", 0L),
        stats == null ? null : new TrackerStats(stats));
  }
}
