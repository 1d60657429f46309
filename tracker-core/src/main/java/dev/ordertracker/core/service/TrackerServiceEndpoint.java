package dev.ordertracker.core.service;

import dev.ordertracker.api.Fields;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderList;
import dev.ordertracker.api.OrderTracker;
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
  private Supplier<JsonObject> health;

  public TrackerServiceEndpoint(OrderTrackerCore core) {
    this.core = core;
  }

  /**
   * What {@code getStats} reports under {@code health} (the tracker's components: journal, replication; read on
   * the tracker's context), so that {@code /health} shows DEGRADED or DOWN. Null: no {@code health} key.
   */
  public TrackerServiceEndpoint withHealth(Supplier<JsonObject> value) {
    this.health = value;
    return this;
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
    return call(() -> array(core.getCompletedOrders(boundedLimit(limit))));
  }

  @Override
  public Future<JsonObject> getStats() {
    return call(() -> {
      JsonObject stats = core.stats().toJson().put(Fields.LATE_FILLS, core.lateFills())
          .put(Fields.UNKNOWN_ORDERS, core.unknownOrders());
      return health == null ? stats : stats.put(Fields.HEALTH, health.get());
    });
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
      // The details stay in the log: a client gets the stable code only, never internal text.
      LOG.log(System.Logger.Level.ERROR, "tracker service call failed unexpectedly", e);
      return ServiceException.fail(TrackerErrors.INTERNAL, TrackerErrors.INTERNAL_MESSAGE);
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

  /** Every bus caller is bounded (issue 15): no request walks more than the largest page. */
  private static int boundedLimit(int limit) {
    if (limit < 1 || limit > OrderTracker.MAX_COMPLETED_LIMIT) {
      throw new IllegalArgumentException("limit: must be 1.." + OrderTracker.MAX_COMPLETED_LIMIT + ", was " + limit);
    }
    return limit;
  }

  private static JsonArray array(List<TrackedOrder> orders) {
    JsonArray out = new JsonArray();
    orders.forEach(o -> out.add(o.toJson()));
    return out;
  }
}
