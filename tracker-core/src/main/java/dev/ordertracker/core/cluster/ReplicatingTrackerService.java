package dev.ordertracker.core.cluster;

import dev.ordertracker.api.OrderTrackerService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The tracker service of a replicated tracker: the plain endpoint's answers behind the {@link OwnershipGate}, each
 * method a command (answered after replication) or a query.
 */
final class ReplicatingTrackerService implements OrderTrackerService {
  private final OrderTrackerService endpoint;
  private final ReplicationBatcher batcher;
  private final OwnershipGate gate;

  ReplicatingTrackerService(OrderTrackerService endpoint, ReplicationBatcher batcher, OwnershipGate gate) {
    this.endpoint = endpoint;
    this.batcher = batcher;
    this.gate = gate;
  }

  @Override
  public Future<JsonObject> trackOrder(JsonObject order) {
    return gate.command(() -> endpoint.trackOrder(order));
  }

  @Override
  public Future<JsonObject> updateOrderStatus(JsonObject update) {
    return gate.command(() -> endpoint.updateOrderStatus(update));
  }

  @Override
  public Future<JsonObject> applyUpdate(JsonObject update) {
    return gate.command(() -> endpoint.applyUpdate(update));
  }

  @Override
  public Future<Void> clearHistory() {
    return gate.command(() -> endpoint.clearHistory().onSuccess(v -> batcher.historyCleared(System.currentTimeMillis())));
  }

  @Override
  public Future<JsonObject> getOrder(String orderId, String symbol) {
    return gate.query(() -> endpoint.getOrder(orderId, symbol));
  }

  @Override
  public Future<JsonObject> getOrderByClientId(String clientOrderId) {
    return gate.query(() -> endpoint.getOrderByClientId(clientOrderId));
  }

  @Override
  public Future<JsonArray> getActiveOrders(String symbol) {
    return gate.query(() -> endpoint.getActiveOrders(symbol));
  }

  @Override
  public Future<JsonArray> getCompletedOrders(int limit) {
    return gate.query(() -> endpoint.getCompletedOrders(limit));
  }

  @Override
  public Future<JsonObject> applyListUpdate(JsonObject list) {
    return gate.query(() -> endpoint.applyListUpdate(list)); // the list view is not replicated (see OrderLists)
  }

  @Override
  public Future<JsonObject> getOrderList(String orderListId, String symbol) {
    return gate.query(() -> endpoint.getOrderList(orderListId, symbol));
  }

  @Override
  public Future<JsonObject> getStats() {
    return gate.query(endpoint::getStats);
  }
}
