package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The read-only event body as a view of its {@link OrderEvent}: the same keys, order and values as
 * {@link OrderEvent#toJson()}, computed when read instead of copied into a map for every event. Building that map
 * (about 20 entries, a table and the key/value objects) was the largest allocation of the tracker's thread, about
 * 2 KB per event, and most local consumers read a few fields. Timestamps and last_fill are computed once, on first
 * read (a benign race: any thread computes the same immutable value).
 *
 * <p>Every mutator throws {@link UnsupportedOperationException}, like an unmodifiable map.
 */
final class EventBodyView extends AbstractMap<String, Object> {
  /** The keys always present, in body order; error_message, last_fill and amendment follow when set. */
  private static final String[] KEYS = {Fields.EVENT_TYPE, Fields.PRIORITY, Fields.SEQUENCE, Fields.ORDER_ID,
      Fields.CLIENT_ORDER_ID, Fields.SYMBOL, Fields.ORDER_TYPE, Fields.SIDE, Fields.QUANTITY, Fields.PRICE,
      Fields.STATUS, Fields.FILLED_QUANTITY, Fields.AVERAGE_PRICE, Fields.CREATED_AT, Fields.UPDATED_AT,
      Fields.ACCOUNT, Fields.TIME_IN_FORCE, Fields.STOP_PRICE, Fields.ICEBERG_QUANTITY, Fields.ORDER_LIST_ID,
      Fields.STP_MODE, Fields.PREVENTED_QUANTITY, Fields.LAST_PREVENTED_QUANTITY, Fields.WORKING,
      Fields.EXPIRY_REASON, Fields.PEGGED_PRICE, Fields.EXECUTION_TYPE, Fields.REMAINING_QUANTITY};
  /** The keys present only when set, in body order. */
  private static final String[] OPTIONAL_KEYS = {Fields.ERROR_MESSAGE, Fields.LAST_FILL, Fields.AMENDMENT};

  private final OrderEvent event;
  private String createdAt;
  private String updatedAt;
  private JsonObject lastFill;
  private JsonObject amendment;
  private Set<Map.Entry<String, Object>> entries;

  EventBodyView(OrderEvent event) {
    this.event = event;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    return switch (name) {
      case Fields.EVENT_TYPE -> event.eventType().name();
      case Fields.PRIORITY -> event.eventType().priority();
      case Fields.SEQUENCE -> event.sequence();
      case Fields.ORDER_ID -> event.orderId();
      case Fields.CLIENT_ORDER_ID -> event.clientOrderId();
      case Fields.SYMBOL -> event.symbol();
      case Fields.ORDER_TYPE -> event.orderType() == null ? null : event.orderType().name();
      case Fields.SIDE -> event.side() == null ? null : event.side().name();
      case Fields.QUANTITY -> WireJson.decimal(event.quantity());
      case Fields.PRICE -> WireJson.decimal(event.price());
      case Fields.STATUS -> event.status().name();
      case Fields.FILLED_QUANTITY -> WireJson.decimal(event.filledQuantity());
      case Fields.AVERAGE_PRICE -> WireJson.decimal(event.averagePrice());
      case Fields.CREATED_AT -> createdAt();
      case Fields.UPDATED_AT -> updatedAt();
      case Fields.ACCOUNT -> event.account();
      case Fields.TIME_IN_FORCE -> event.details().timeInForce();
      case Fields.STOP_PRICE -> WireJson.decimal(event.details().stopPrice());
      case Fields.ICEBERG_QUANTITY -> WireJson.decimal(event.details().icebergQuantity());
      case Fields.ORDER_LIST_ID -> event.details().orderListId();
      case Fields.STP_MODE -> event.details().stpMode();
      case Fields.PREVENTED_QUANTITY -> WireJson.decimal(event.details().preventedQuantity());
      case Fields.LAST_PREVENTED_QUANTITY -> WireJson.decimal(event.details().lastPreventedQuantity());
      case Fields.WORKING -> event.details().working();
      case Fields.EXPIRY_REASON -> event.details().expiryReason();
      case Fields.PEGGED_PRICE -> WireJson.decimal(event.details().peggedPrice());
      case Fields.EXECUTION_TYPE -> event.details().executionType();
      case Fields.REMAINING_QUANTITY -> WireJson.decimal(event.remainingQuantity());
      case Fields.ERROR_MESSAGE -> event.errorMessage();
      case Fields.LAST_FILL -> lastFill();
      case Fields.AMENDMENT -> amendment();
      default -> null;
    };
  }

  private String createdAt() {
    String s = createdAt;
    if (s == null && event.createdAt() != null) {
      createdAt = s = Timestamps.format(event.createdAt());
    }
    return s;
  }

  private String updatedAt() {
    String s = updatedAt;
    if (s == null && event.updatedAt() != null) {
      updatedAt = s = Timestamps.format(event.updatedAt());
    }
    return s;
  }

  private JsonObject lastFill() {
    JsonObject f = lastFill;
    if (f == null && event.lastFill() != null) {
      lastFill = f = new JsonObject(Collections.unmodifiableMap(event.lastFill().toJson().getMap()));
    }
    return f;
  }

  private JsonObject amendment() {
    JsonObject a = amendment;
    if (a == null && event.amendment() != null) {
      amendment = a = new JsonObject(Collections.unmodifiableMap(event.amendment().toJson().getMap()));
    }
    return a;
  }

  /** Whether the optional key {@code OPTIONAL_KEYS[i]} is present. */
  private boolean hasOptional(int i) {
    return switch (i) {
      case 0 -> event.errorMessage() != null;
      case 1 -> event.lastFill() != null;
      default -> event.amendment() != null;
    };
  }

  @Override
  public boolean containsKey(Object key) {
    for (int i = 0; i < OPTIONAL_KEYS.length; i++) {
      if (OPTIONAL_KEYS[i].equals(key)) {
        return hasOptional(i);
      }
    }
    for (String k : KEYS) {
      if (k.equals(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    int n = KEYS.length;
    for (int i = 0; i < OPTIONAL_KEYS.length; i++) {
      if (hasOptional(i)) {
        n++;
      }
    }
    return n;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    Set<Map.Entry<String, Object>> set = entries;
    if (set == null) {
      entries = set = new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
              return i < size();
            }

            @Override
            public Map.Entry<String, Object> next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              String key = keyAt(i++);
              return new SimpleImmutableEntry<>(key, get(key));
            }
          };
        }

        @Override
        public int size() {
          return EventBodyView.this.size();
        }
      };
    }
    return set;
  }

  /** The key at {@code i} in body order. */
  private String keyAt(int i) {
    if (i < KEYS.length) {
      return KEYS[i];
    }
    int left = i - KEYS.length;
    for (int k = 0; k < OPTIONAL_KEYS.length; k++) {
      if (hasOptional(k) && left-- == 0) {
        return OPTIONAL_KEYS[k];
      }
    }
    throw new NoSuchElementException();
  }

  @Override
  public Object put(String key, Object value) {
    throw new UnsupportedOperationException("event bodies are read-only; copy() gives a mutable one");
  }

  @Override
  public Object remove(Object key) {
    throw new UnsupportedOperationException("event bodies are read-only; copy() gives a mutable one");
  }

  @Override
  public void putAll(Map<? extends String, ?> m) {
    throw new UnsupportedOperationException("event bodies are read-only; copy() gives a mutable one");
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("event bodies are read-only; copy() gives a mutable one");
  }
}
