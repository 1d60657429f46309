package dev.ordertracker.core.cluster;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.core.TrackerState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.SharedData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tracker's state in the cluster: one {@link AsyncMap} (clustered when Vert.x is; {@code getAsyncMap}) of JSON text (order snapshots under
 * {@code order:<symbol>/<orderId>}, the {@link ReplicationMeta} commit record under {@code meta}) and one clustered
 * counter (the term). Only the Vert.x shared-data API: with Hazelcast the map has one synchronous backup, so a
 * completed write survives the death of any single member.
 *
 * <p>Protocol. Claim: increment the term, then compare-and-set {@code meta} to name this tracker as owner, then copy
 * the last committed batch to its keys (its owner may have died before doing so). Commit of
 * a batch: compare-and-set {@code meta} carrying the batch (the commit point and the fence), then put the batch's
 * order snapshots under their own keys (so {@code meta} only ever carries one batch of orders). A compare-and-set
 * that fails means another tracker claimed the state: this one is fenced and must stop.
 *
 * <p>Used from the tracker verticle's context only; one operation at a time (the caller sequences them).
 */
final class TrackerStateReplica {
  static final String META = "meta";
  static final String ORDER_PREFIX = "order:";

  private final SharedData sharedData;
  private final String mapName;
  private final String counterName;
  private final long completedTtlMs;
  private final String owner = UUID.randomUUID().toString();
  private AsyncMap<String, String> map;
  private String currentMeta;
  private ReplicationMeta meta;

  TrackerStateReplica(SharedData sharedData, String mapName, String counterName, long completedTtlMs) {
    this.sharedData = sharedData;
    this.mapName = mapName;
    this.counterName = counterName;
    this.completedTtlMs = completedTtlMs;
  }

  /** What a claim found: the state to restore and the events to republish. */
  record Claimed(long term, TrackerState state, List<OrderEvent> unpublished) {
  }

  static String orderKey(TrackedOrder order) {
    return ORDER_PREFIX + order.symbol() + "/" + order.orderId();
  }

  String owner() {
    return owner;
  }

  ReplicationMeta meta() {
    return meta;
  }

  /** Takes the state over: new term, fence, then reads everything. */
  Future<Claimed> claim(long initialSequence, int maxHistorySize) {
    return sharedData.<String, String>getAsyncMap(mapName)
        .compose(m -> {
          map = m;
          return sharedData.getCounter(counterName);
        })
        .compose(counter -> counter.incrementAndGet())
        .compose(term -> map.get(META).compose(existing -> {
          ReplicationMeta claimed = existing == null
              ? ReplicationMeta.initial(owner, term, initialSequence)
              : ReplicationMeta.decode(existing).claimedBy(owner, term);
          String encoded = claimed.encode();
          Future<Boolean> written = existing == null
              ? map.putIfAbsent(META, encoded).map(previous -> previous == null)
              : map.replaceIfPresent(META, existing, encoded);
          return written.compose(ok -> {
            if (!ok) {
              return Future.failedFuture(new FencedException("another tracker claimed the state during this claim"));
            }
            currentMeta = encoded;
            meta = claimed;
            // The previous owner may have died between its commit and copying that batch to the order keys: copy it
            // now, before this tracker's first commit replaces the record (else the next successor restores those
            // orders stale and the exchange feed publishes their last change again, under new sequences).
            return copyToKeys(claimed.batchOrders()).compose(v -> map.entries()).map(entries -> new Claimed(term,
                restoreState(entries, claimed, maxHistorySize), claimed.unpublishedEvents()));
          });
        }));
  }

  private static TrackerState restoreState(Map<String, String> entries, ReplicationMeta meta, int maxHistorySize) {
    Map<String, TrackedOrder> orders = new LinkedHashMap<>();
    entries.forEach((key, value) -> {
      if (key.startsWith(ORDER_PREFIX)) {
        TrackedOrder order = new TrackedOrder(new JsonObject(value));
        orders.put(key, order);
      }
    });
    // The last batch may be committed in meta but not yet copied to its keys: it is the newer version.
    meta.batchOrders().forEach(o -> orders.put(orderKey(o), o));
    List<TrackedOrder> active = new ArrayList<>();
    List<TrackedOrder> history = new ArrayList<>();
    for (TrackedOrder order : orders.values()) {
      if (!order.isFinal()) {
        active.add(order);
      } else if (order.updatedAt() == null || order.updatedAt().toEpochMilli() >= meta.historyClearedAt()) {
        history.add(order);
      }
    }
    Comparator<TrackedOrder> byTime = Comparator.comparing((TrackedOrder o) -> o.updatedAt() == null ? 0L
        : o.updatedAt().toEpochMilli()).thenComparing(TrackedOrder::symbol).thenComparing(TrackedOrder::orderId);
    active.sort(Comparator.comparing((TrackedOrder o) -> o.createdAt() == null ? 0L : o.createdAt().toEpochMilli())
        .thenComparing(TrackedOrder::symbol).thenComparing(TrackedOrder::orderId));
    history.sort(byTime);
    if (history.size() > maxHistorySize) {
      history = new ArrayList<>(history.subList(history.size() - maxHistorySize, history.size()));
    }
    return new TrackerState(active, history, meta.lastSequence(), meta.stats());
  }

  /** Commits a batch (fails with {@link FencedException} when another tracker owns the state). */
  Future<Void> commit(List<TrackedOrder> orders, List<OrderEvent> events, long lastSequence, long publishedThrough,
                      long historyClearedAt, TrackerStats stats) {
    ReplicationMeta next = new ReplicationMeta(owner, meta.term(), lastSequence, publishedThrough, orders, events,
        historyClearedAt, stats);
    String encoded = next.encode();
    return map.replaceIfPresent(META, currentMeta, encoded).compose(ok -> {
      if (!ok) {
        return Future.failedFuture(new FencedException("the replicated state was claimed by another tracker"));
      }
      currentMeta = encoded;
      meta = next;
      return copyToKeys(orders);
    });
  }

  /** Puts the order snapshots under their own keys (completed ones with the TTL). */
  private Future<Void> copyToKeys(List<TrackedOrder> orders) {
    if (orders.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<Void>> puts = new ArrayList<>(orders.size());
    for (TrackedOrder order : orders) {
      String value = order.encode();
      puts.add(order.isFinal() && completedTtlMs > 0 ? map.put(orderKey(order), value, completedTtlMs)
          : map.put(orderKey(order), value));
    }
    return Future.all(puts).mapEmpty();
  }

  /** The commit record as this tracker last wrote it. */
  String currentMeta() {
    return currentMeta;
  }

  /** True while {@code meta} is still {@code expected} (the periodic fence check of an idle tracker). */
  Future<Boolean> stillOwner(String expected) {
    return map.get(META).map(value -> value != null && value.equals(expected));
  }

  /** Thrown when another tracker owns the replicated state: this one must stop serving and publishing. */
  static final class FencedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FencedException(String message) {
      super(message, null, false, false);
    }
  }
}
