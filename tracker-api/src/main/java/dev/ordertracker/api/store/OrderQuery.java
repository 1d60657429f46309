package dev.ordertracker.api.store;

import dev.ordertracker.api.WireJson;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.Set;

/**
 * One page of stored orders matching a {@link OrderFilter}, newest first (by creation time, then symbol and order
 * id). Pages count from 0; {@code pageSize} is 1..{@value #MAX_PAGE_SIZE}.
 */
public record OrderQuery(OrderFilter filter, int page, int pageSize) {
  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int MAX_PAGE_SIZE = 1000;
  private static final Set<String> KEYS = keys();

  public OrderQuery {
    filter = filter == null ? OrderFilter.ALL : filter;
    if (page < 0) {
      throw new IllegalArgumentException(StoreFields.PAGE + " must not be negative, was " + page);
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(StoreFields.PAGE_SIZE + " must be 1.." + MAX_PAGE_SIZE + ", was " + pageSize);
    }
  }

  public static OrderQuery of(OrderFilter filter) {
    return new OrderQuery(filter, 0, DEFAULT_PAGE_SIZE);
  }

  public OrderQuery page(int number, int size) {
    return new OrderQuery(filter, number, size);
  }

  public long offset() {
    return (long) page * pageSize;
  }

  /** @throws IllegalArgumentException naming the key for a malformed or unknown key */
  public static OrderQuery fromJson(JsonObject json) {
    OrderFilter.rejectUnknownKeys(json, KEYS);
    return new OrderQuery(OrderFilter.read(json),
        (int) WireJson.optLong(json, StoreFields.PAGE, 0),
        (int) WireJson.optLong(json, StoreFields.PAGE_SIZE, DEFAULT_PAGE_SIZE));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    filter.write(json);
    return json.put(StoreFields.PAGE, page).put(StoreFields.PAGE_SIZE, pageSize);
  }

  private static Set<String> keys() {
    Set<String> keys = new HashSet<>(OrderFilter.KEYS);
    keys.add(StoreFields.PAGE);
    keys.add(StoreFields.PAGE_SIZE);
    return Set.copyOf(keys);
  }
}
