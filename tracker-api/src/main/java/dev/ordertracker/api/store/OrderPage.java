package dev.ordertracker.api.store;

import dev.ordertracker.api.TrackedOrder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** One page of a {@link OrderQuery}: the orders and the total number of matches. */
public record OrderPage(List<TrackedOrder> orders, int page, int pageSize, long total) {

  public OrderPage {
    orders = List.copyOf(orders);
  }

  public boolean hasMore() {
    return (long) page * pageSize + orders.size() < total;
  }

  public static OrderPage fromJson(JsonObject json) {
    JsonArray array = json.getJsonArray(StoreFields.ORDERS, new JsonArray());
    List<TrackedOrder> orders = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      orders.add(new TrackedOrder(array.getJsonObject(i)));
    }
    return new OrderPage(orders, json.getInteger(StoreFields.PAGE, 0), json.getInteger(StoreFields.PAGE_SIZE, 1),
        json.getLong(StoreFields.TOTAL, 0L));
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray(new ArrayList<>(orders.size()));
    orders.forEach(o -> array.add(o.toJson()));
    return new JsonObject()
        .put(StoreFields.ORDERS, array)
        .put(StoreFields.PAGE, page)
        .put(StoreFields.PAGE_SIZE, pageSize)
        .put(StoreFields.TOTAL, total);
  }
}
