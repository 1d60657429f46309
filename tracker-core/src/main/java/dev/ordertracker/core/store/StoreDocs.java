package dev.ordertracker.core.store;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the stored JSON documents back into the model, for both stores (the one door to {@link StoreJson} from
 * the {@code sqlite} and {@code pg} packages). Callers run it on a worker thread, never
 * on an event loop (a page of events is up to 10,000 documents, a recovery hundreds of thousands).
 */
public final class StoreDocs {
  /** Below this many documents a parallel parse costs more than it saves. */
  private static final int PARALLEL_FROM = 10_000;

  private StoreDocs() {
  }

  /** Snapshots, in the given order; in parallel when there are many (recovery of 100,000 active orders). */
  public static List<TrackedOrder> orders(List<String> docs) {
    if (docs.size() < PARALLEL_FROM) {
      List<TrackedOrder> out = new ArrayList<>(docs.size());
      docs.forEach(d -> out.add(StoreJson.order(d)));
      return out;
    }
    return docs.parallelStream().map(StoreJson::order).toList();
  }

  public static TrackedOrder order(String doc) {
    return StoreJson.order(doc);
  }

  public static OrderEvent event(String doc) {
    return StoreJson.event(doc);
  }

  public static TrackerStats stats(String doc) {
    return StoreJson.stats(doc);
  }

  /** Events, in the given order. */
  public static List<OrderEvent> events(List<String> docs) {
    List<OrderEvent> out = new ArrayList<>(docs.size());
    docs.forEach(d -> out.add(StoreJson.event(d)));
    return out;
  }
}
