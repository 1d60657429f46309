package dev.ordertracker.core.cluster;

import dev.ordertracker.api.OrderTrackerService;
import dev.ordertracker.api.TrackerErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

import java.util.function.Supplier;

/**
 * The tracker service of a replicated tracker: the plain endpoint's answers, but a command is answered only after
 * its change is replicated (and its event published) — that reply is the acknowledgement the failover guarantee
 * counts from. A fenced tracker answers every call with 500 "fenced" (the caller retries; the new tracker serves).
 * While the replication backlog is full a command is refused with 503 {@code replication_backlog_full} before it
 * changes anything; a command whose change was applied but not yet replicated is answered 500
 * {@code not_replicated} (the change stays and is replicated by the batcher's retry).
 */
final class ReplicatingTrackerService implements OrderTrackerService {
  static final String FENCED = "tracker fenced: another node took over, retry";

  private final OrderTrackerService endpoint;
  private final ReplicationBatcher batcher;
  private final OwnershipLease lease;

  ReplicatingTrackerService(OrderTrackerService endpoint, ReplicationBatcher batcher, OwnershipLease lease) {
    this.endpoint = endpoint;
    this.batcher = batcher;
    this.lease = lease;
  }

  @Override
  public Future<JsonObject> trackOrder(JsonObject order) {
    return command(() -> endpoint.trackOrder(order));
  }

  @Override
  public Future<JsonObject> updateOrderStatus(JsonObject update) {
    return command(() -> endpoint.updateOrderStatus(update));
  }

  @Override
  public Future<JsonObject> applyUpdate(JsonObject update) {
    return command(() -> endpoint.applyUpdate(update));
  }

  @Override
  public Future<Void> clearHistory() {
    return command(() -> endpoint.clearHistory().onSuccess(v -> batcher.historyCleared(System.currentTimeMillis())));
  }

  @Override
  public Future<JsonObject> getOrder(String orderId, String symbol) {
    return query(() -> endpoint.getOrder(orderId, symbol));
  }

  @Override
  public Future<JsonObject> getOrderByClientId(String clientOrderId) {
    return query(() -> endpoint.getOrderByClientId(clientOrderId));
  }

  @Override
  public Future<JsonArray> getActiveOrders(String symbol) {
    return query(() -> endpoint.getActiveOrders(symbol));
  }

  @Override
  public Future<JsonArray> getCompletedOrders(int limit) {
    return query(() -> endpoint.getCompletedOrders(limit));
  }

  @Override
  public Future<JsonObject> applyListUpdate(JsonObject list) {
    return query(() -> endpoint.applyListUpdate(list)); // the list view is not replicated (see OrderLists)
  }

  @Override
  public Future<JsonObject> getOrderList(String orderListId, String symbol) {
    return query(() -> endpoint.getOrderList(orderListId, symbol));
  }

  @Override
  public Future<JsonObject> getStats() {
    return query(endpoint::getStats);
  }

  /**
   * Runs the command once the ownership lease holds, then waits for replication whatever its answer (a refused
   * update changes nothing).
   */
  private <T> Future<T> command(Supplier<Future<T>> action) {
    if (batcher.isFenced()) {
      return ServiceException.fail(TrackerErrors.INTERNAL, FENCED);
    }
    if (batcher.isFull()) {
      // Refused before it changes anything: nothing accepted is ever dropped, and the caller knows to retry.
      return ServiceException.fail(TrackerErrors.UNAVAILABLE, TrackerErrors.REPLICATION_BACKLOG_FULL);
    }
    if (lease.expired()) {
      return lease.ready().transform(ready -> {
        if (ready.failed()) {
          batcher.fence(ready.cause().getMessage());
          return ServiceException.fail(TrackerErrors.INTERNAL, FENCED);
        }
        return command(action);
      });
    }
    Future<T> answer = action.get();
    return batcher.flush()
        .transform(replicated -> {
          if (replicated.failed()) {
            // Applied, not yet replicated: the batcher retries it in the background (details in the log).
            return ServiceException.fail(TrackerErrors.INTERNAL, batcher.isFenced() ? FENCED
                : TrackerErrors.NOT_REPLICATED);
          }
          return answer;
        });
  }

  private <T> Future<T> query(Supplier<Future<T>> action) {
    if (batcher.isFenced()) {
      return ServiceException.fail(TrackerErrors.INTERNAL, FENCED);
    }
    if (lease.expired()) {
      return lease.ready().transform(ready -> ready.succeeded() ? query(action)
          : ServiceException.fail(TrackerErrors.INTERNAL, FENCED));
    }
    return action.get();
  }
}
