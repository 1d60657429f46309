package dev.ordertracker.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;

import java.util.ArrayList;
import java.util.List;

/**
 * The typed Java face of the tracker: the same operations as {@link OrderTrackerService}, with records in and out.
 * It only converts; every call is one event-bus request to the tracker verticle, which owns the state.
 *
 * <pre>{@code
 * OrderTracker tracker = OrderTracker.create(vertx);
 * tracker.trackOrder(NewOrder.of("order_123", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, new BigDecimal("0.001"))
 *         .withPrice(new BigDecimal("49000")))
 *     .compose(o -> tracker.updateOrderStatus(StatusUpdate.of("order_123", OrderStatus.PLACED)));
 * }</pre>
 */
public final class OrderTracker {
  /**
   * The largest {@code limit} of {@link #getCompletedOrders} (also the default in-memory history size): the tracker
   * service refuses a limit outside 1..this with 400, so no caller makes it walk an unbounded history.
   */
  public static final int MAX_COMPLETED_LIMIT = 1000;
  private final OrderTrackerService service;


  private OrderTracker(OrderTrackerService service) {
    this.service = service;
  }

  /** Talks to the tracker at the default address ({@code orders.tracker}). */
  public static OrderTracker create(Vertx vertx) {
    return create(vertx, Addresses.defaults());
  }

  public static OrderTracker create(Vertx vertx, Addresses addresses) {
    return new OrderTracker(OrderTrackerService.createProxy(vertx, addresses.tracker()));
  }

  public static OrderTracker create(Vertx vertx, Addresses addresses, DeliveryOptions options) {
    return new OrderTracker(OrderTrackerService.createProxyWithOptions(vertx, addresses.tracker(), options));
  }

  /** Wraps any implementation (a proxy, or the tracker itself in tests). */
  public static OrderTracker wrap(OrderTrackerService service) {
    return new OrderTracker(service);
  }

  public OrderTrackerService service() {
    return service;
  }

  public Future<TrackedOrder> trackOrder(NewOrder order) {
    return service.trackOrder(order.toJson()).map(TrackedOrder::new);
  }

  public Future<UpdateResult> updateOrderStatus(StatusUpdate update) {
    return service.updateOrderStatus(update.toJson()).map(UpdateResult::new);
  }

  public Future<UpdateResult> applyUpdate(OrderUpdate update) {
    return service.applyUpdate(update.toJson()).map(UpdateResult::new);
  }

  /** Lookup by id alone: fails with 409 when the id exists on several symbols. */
  public Future<TrackedOrder> getOrder(String orderId) {
    return getOrder(orderId, null);
  }

  public Future<TrackedOrder> getOrder(String orderId, String symbol) {
    return service.getOrder(orderId, symbol).map(TrackedOrder::new);
  }

  public Future<TrackedOrder> getOrderByClientId(String clientOrderId) {
    return service.getOrderByClientId(clientOrderId).map(TrackedOrder::new);
  }

  public Future<List<TrackedOrder>> getActiveOrders() {
    return getActiveOrders(null);
  }

  public Future<List<TrackedOrder>> getActiveOrders(String symbol) {
    return service.getActiveOrders(symbol).map(OrderTracker::orders);
  }

  /** The most recent completed orders, at most {@code limit} (1..{@value #MAX_COMPLETED_LIMIT}, else 400). */
  public Future<List<TrackedOrder>> getCompletedOrders(int limit) {
    return service.getCompletedOrders(limit).map(OrderTracker::orders);
  }

  public Future<TrackerStats> getStats() {
    return service.getStats().map(TrackerStats::new);
  }

  public Future<Void> clearHistory() {
    return service.clearHistory();
  }

  /** Hands the tracker an exchange list report; answers the list as the tracker now knows it. */
  public Future<OrderList> applyListUpdate(OrderList list) {
    return service.applyListUpdate(list.toJson()).map(OrderList::new);
  }

  /** Lookup by list id alone: fails with 409 when the id exists on several symbols. */
  public Future<OrderList> getOrderList(String orderListId) {
    return getOrderList(orderListId, null);
  }

  public Future<OrderList> getOrderList(String orderListId, String symbol) {
    return service.getOrderList(orderListId, symbol).map(OrderList::new);
  }

  private static List<TrackedOrder> orders(JsonArray array) {
    List<TrackedOrder> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(new TrackedOrder(array.getJsonObject(i)));
    }
    return out;
  }
}
