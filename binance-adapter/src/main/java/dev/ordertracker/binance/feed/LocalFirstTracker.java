package dev.ordertracker.binance.feed;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderTrackerService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * The tracker service as the adapter calls it: the tracker in this JVM first, the cluster's second, and never a call
 * given up for want of an answer.
 * <ul>
 *   <li>Local first: every call goes to {@code <prefix>.tracker.local} (registered local-only by the tracker
 *   verticles, sent local-only). In a cluster the tracker and the adapter run as one singleton and fail over
 *   together, so after a takeover the adapter's tracker is in its own JVM; the clustered {@code <prefix>.tracker}
 *   can still name the dead node for a moment, and a request sent there waits for its whole timeout.</li>
 *   <li>Fallback: no local tracker (an adapter on its own node, an older tracker) → the clustered
 *   {@code <prefix>.tracker}.</li>
 *   <li>Retry ({@link TrackerRetry}): no handler anywhere, no answer in time, or a 500 → the call is repeated
 *   (local first again) with capped exponential backoff until it gets a verdict or the feed is closed.</li>
 * </ul>
 */
final class LocalFirstTracker implements OrderTrackerService {
  private final OrderTrackerService local;
  private final OrderTrackerService clustered;
  private final TrackerRetry retry;

  LocalFirstTracker(Vertx vertx, Addresses addresses, DeliveryOptions delivery, TrackerRetry retry) {
    this.local = OrderTrackerService.createProxyWithOptions(vertx, addresses.trackerLocal(),
        new DeliveryOptions(delivery).setLocalOnly(true));
    this.clustered = OrderTrackerService.createProxyWithOptions(vertx, addresses.tracker(), delivery);
    this.retry = retry;
  }

  @Override
  public Future<JsonObject> trackOrder(JsonObject order) {
    return call("trackOrder", s -> s.trackOrder(order));
  }

  @Override
  public Future<JsonObject> updateOrderStatus(JsonObject update) {
    return call("updateOrderStatus", s -> s.updateOrderStatus(update));
  }

  @Override
  public Future<JsonObject> applyUpdate(JsonObject update) {
    return call("applyUpdate", s -> s.applyUpdate(update));
  }

  @Override
  public Future<JsonObject> applyListUpdate(JsonObject listStatus) {
    return call("applyListUpdate", s -> s.applyListUpdate(listStatus));
  }

  @Override
  public Future<JsonObject> getOrder(String orderId, String symbol) {
    return call("getOrder", s -> s.getOrder(orderId, symbol));
  }

  @Override
  public Future<JsonObject> getOrderByClientId(String clientOrderId) {
    return call("getOrderByClientId", s -> s.getOrderByClientId(clientOrderId));
  }

  @Override
  public Future<JsonObject> getOrderList(String orderListId, String symbol) {
    return call("getOrderList", s -> s.getOrderList(orderListId, symbol));
  }

  @Override
  public Future<JsonArray> getActiveOrders(String symbol) {
    return call("getActiveOrders", s -> s.getActiveOrders(symbol));
  }

  @Override
  public Future<JsonArray> getCompletedOrders(int limit) {
    return call("getCompletedOrders", s -> s.getCompletedOrders(limit));
  }

  @Override
  public Future<JsonObject> getStats() {
    return call("getStats", OrderTrackerService::getStats);
  }

  @Override
  public Future<Void> clearHistory() {
    return call("clearHistory", OrderTrackerService::clearHistory);
  }

  private <T> Future<T> call(String what, Function<OrderTrackerService, Future<T>> action) {
    return retry.run(what, () -> action.apply(local)
        .recover(e -> TrackerRetry.noHandlers(e) ? action.apply(clustered) : Future.failedFuture(e)),
        TrackerRetry::noVerdict);
  }
}
