package dev.ordertracker.api;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * The map of the mutable copy that a consumer on the publishing node gets of a clustered event body
 * ({@link WireEventJson#copy()}): {@link OrderEvent#toJson()}'s map, built on first use. Vert.x copies a body for
 * every local handler when the message is dispatched, read or not; on a cluster every node holds an
 * {@link dev.ordertracker.api.consumer.EventRouteAnchor}, whose handler never reads it, so the publishing node paid
 * a whole {@code toJson()} per event for nobody (a quarter of the publisher's event loop at 100 k events/s).
 * Reads, writes and {@code encode()} behave as on {@code toJson()}'s map (the same keys in the same order); like
 * every JsonObject whose map is not a LinkedHashMap, its {@code copy()} keeps the keys, not their order (JSON
 * promises none). Touched only by the consumer that received it, like any body: not thread-safe.
 */
final class LazyEventCopy extends AbstractMap<String, Object> {
  private final OrderEvent event;
  private Map<String, Object> map;

  LazyEventCopy(OrderEvent event) {
    this.event = event;
  }

  /** Whether the copy has been built (for tests). */
  boolean built() {
    return map != null;
  }

  private Map<String, Object> map() {
    if (map == null) {
      map = event.toJson().getMap();
    }
    return map;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return map().entrySet();
  }

  @Override
  public int size() {
    return map().size();
  }

  @Override
  public boolean containsKey(Object key) {
    return map().containsKey(key);
  }

  @Override
  public Object get(Object key) {
    return map().get(key);
  }

  @Override
  public Object put(String key, Object value) {
    return map().put(key, value);
  }

  @Override
  public Object remove(Object key) {
    return map().remove(key);
  }

  @Override
  public void putAll(Map<? extends String, ?> entries) {
    map().putAll(entries);
  }

  @Override
  public void clear() {
    map().clear();
  }
}
