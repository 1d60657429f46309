package dev.ordertracker.api;

import io.vertx.codegen.annotations.Nullable;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The order tracker's event-bus contract, served at {@code <prefix>.tracker} (default {@code orders.tracker}).
 * Any verticle, any cluster node, or a JavaScript client through the bridge calls it with the message header
 * {@code action} = the method name and a JSON body holding the parameters by name. Bodies and answers are the JSON
 * forms of the model records ({@link NewOrder}, {@link StatusUpdate}, {@link OrderUpdate}, {@link TrackedOrder},
 * {@link UpdateResult}, {@link TrackerStats}, {@link OrderList}). Java code normally uses the typed {@link OrderTracker} instead,
 * which wraps a proxy of this interface.
 *
 * <p>Failures arrive as {@code io.vertx.serviceproxy.ServiceException} with a {@link TrackerErrors} code: 400 for
 * invalid input (the message names the field; nothing changed), 404 for an unknown order, 409 for an order id that
 * matches orders on several symbols when no symbol was given.
 *
 * <p>Order ids are unique per symbol only. Every lookup by order id takes an optional symbol: with it the lookup is
 * exact; without it the id must match exactly one known order (active or in history), otherwise 409.
 */
@ProxyGen
@VertxGen
public interface OrderTrackerService {

  /** A proxy that talks to the tracker at {@code address} (see {@link Addresses#tracker()}). */
  static OrderTrackerService createProxy(Vertx vertx, String address) {
    return new OrderTrackerServiceVertxEBProxy(vertx, address);
  }

  /** A proxy with explicit delivery options (for example a send timeout). */
  static OrderTrackerService createProxyWithOptions(Vertx vertx, String address, DeliveryOptions options) {
    return new OrderTrackerServiceVertxEBProxy(vertx, address, options);
  }

  /**
   * Starts tracking a {@link NewOrder} in PENDING, or merges its details into an order the tracker already knows
   * (status, history and fills are kept). Answers the {@link TrackedOrder}.
   */
  Future<JsonObject> trackOrder(JsonObject order);

  /** Applies a {@link StatusUpdate}; answers an {@link UpdateResult} (refused updates change nothing). */
  Future<JsonObject> updateOrderStatus(JsonObject update);

  /**
   * Applies an exchange report ({@link OrderUpdate}); answers an {@link UpdateResult}. Unknown orders are tracked
   * from the report when it describes the order; otherwise 404.
   */
  Future<JsonObject> applyUpdate(JsonObject update);

  /** One {@link TrackedOrder}, active or in history. {@code symbol} may be null (see the class comment). */
  Future<JsonObject> getOrder(String orderId, @Nullable String symbol);

  /** One order by the client order id it was placed with (the most recent one, if a client id was reused). */
  Future<JsonObject> getOrderByClientId(String clientOrderId);

  /** Active (non-final) orders, all or of one symbol, oldest first: an array of {@link TrackedOrder}. */
  Future<JsonArray> getActiveOrders(@Nullable String symbol);

  /**
   * Completed orders in the in-memory history, most recent first, at most {@code limit}: 1 to
   * {@link OrderTracker#MAX_COMPLETED_LIMIT}, otherwise 400 (nothing is read).
   */
  Future<JsonArray> getCompletedOrders(int limit);

  /** The {@link TrackerStats}. */
  Future<JsonObject> getStats();

  /** Empties the in-memory history of completed orders. Active orders are untouched. */
  Future<Void> clearHistory();

  /**
   * Applies an exchange list report ({@link OrderList}, the whole list as the exchange reports it): the tracker's
   * view of that list is replaced unless it already holds a newer report. Answers the {@link OrderList} as known.
   */
  Future<JsonObject> applyListUpdate(JsonObject list);

  /**
   * One {@link OrderList} by its id. {@code symbol} may be null: the id must then match exactly one known list
   * (else 409), as for orders. 404 when unknown.
   */
  Future<JsonObject> getOrderList(String orderListId, @Nullable String symbol);
}
