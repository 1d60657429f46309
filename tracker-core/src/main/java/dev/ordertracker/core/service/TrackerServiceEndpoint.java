package dev.ordertracker.core.service;

import dev.ordertracker.api.Fields;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderList;
import dev.ordertracker.api.OrderTrackerService;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.StatusUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.core.OrderTrackerCore;
import dev.ordertracker.core.TrackerException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@link OrderTrackerService} over the core: parses JSON into the model records (an {@link IllegalArgumentException}
 * becomes a 400 naming the field, and nothing changes), calls the typed core, answers {@code toJson()}. Registered
 * with a {@code ServiceBinder} on the tracker verticle's context, so every call runs there, on the core's owner.
 */
public final class TrackerServiceEndpoint implements OrderTrackerService {
  private static final System.Logger LOG = System.getLogger(TrackerServiceEndpoint.class.getName());
  private final OrderTrackerCore core;

  public TrackerServiceEndpoint(OrderTrackerCore core) {
    this.core = core;
  }

  @Override
  public Future<JsonObject> trackOrder(JsonObject order) {
    return call(() -> core.trackOrder(new NewOrder(require(order, "order"))).toJson());
  }

  @Override
  public Future<JsonObject> updateOrderStatus(JsonObject update) {
    return call(() -> core.updateOrderStatus(new StatusUpdate(require(update, "update"))).toJson());
  }

  @Override
  public Future<JsonObject> applyUpdate(JsonObject update) {
    return call(() -> core.applyUpdate(new OrderUpdate(require(update, "update"))).toJson());
  }

  @Override
  public Future<JsonObject> getOrder(String orderId, String symbol) {
    return call(() -> core.getOrder(requireText(orderId, Fields.ORDER_ID), symbol).toJson());
  }

  @Override
  public Future<JsonObject> getOrderByClientId(String clientOrderId) {
    return call(() -> core.getOrderByClientId(requireText(clientOrderId, Fields.CLIENT_ORDER_ID)).toJson());
  }

  @Override
  public Future<JsonArray> getActiveOrders(String symbol) {
    return call(() -> array(core.getActiveOrders(symbol)));
  }

  @Override
  public Future<JsonArray> getCompletedOrders(int limit) {
    return call(() -> array(core.getCompletedOrders(limit)));
  }

  @Override
  public Future<JsonObject> getStats() {
    return call(() -> core.stats().toJson().put(Fields.LATE_FILLS, core.lateFills())
        .put(Fields.UNKNOWN_ORDERS, core.unknownOrders()));
  }

  @Override
  public Future<Void> clearHistory() {
    return call(() -> {
      core.clearHistory();
      return null;
    });
  }

  @Override
  public Future<JsonObject> applyListUpdate(JsonObject list) {
    return call(() -> core.applyListUpdate(new OrderList(require(list, "list"))).toJson());
  }

  @Override
  public Future<JsonObject> getOrderList(String orderListId, String symbol) {
    return call(() -> core.getOrderList(requireText(orderListId, Fields.ORDER_LIST_ID), symbol).toJson());
  }

  private static <T> Future<T> call(Supplier<T> action) {
    try {
      return Future.succeededFuture(action.get());
    } catch (TrackerException e) {
      return ServiceException.fail(e.code(), e.getMessage());
    } catch (IllegalArgumentException e) {
      return ServiceException.fail(TrackerErrors.BAD_REQUEST, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "tracker service call failed unexpectedly", e);
      return ServiceException.fail(TrackerErrors.INTERNAL, "internal error: " + e);
    }
  }

  private static JsonObject require(JsonObject json, String what) {
    if (json == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return json;
  }

  private static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required and must not be blank");
    }
    return value;
  }

  private static JsonArray array(List<TrackedOrder> orders) {
    JsonArray out = new JsonArray();
    orders.forEach(o -> out.add(o.toJson()));
    return out;
  }
}
