package dev.ordertracker.api.store;

import io.vertx.core.json.JsonObject;

/** Aggregates over the stored orders matching a {@link OrderFilter}. */
public record AggregateQuery(OrderFilter filter) {
  public static final AggregateQuery ALL = new AggregateQuery(OrderFilter.ALL);

  public AggregateQuery {
    filter = filter == null ? OrderFilter.ALL : filter;
  }

  public static AggregateQuery fromJson(JsonObject json) {
    OrderFilter.rejectUnknownKeys(json, OrderFilter.KEYS);
    return new AggregateQuery(OrderFilter.read(json));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    filter.write(json);
    return json;
  }
}
