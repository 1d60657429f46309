package dev.ordertracker.api.store;

import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Read-only queries over the durable order history, served at {@code <prefix>.history} (default
 * {@code orders.history}) by a tracker that has a store configured. Call it with the header {@code action} = the
 * method name and a JSON body holding the parameters by name (the bridge permits these three actions to browsers).
 * Java code normally uses the typed {@link OrderHistory}.
 *
 * <p>Failures arrive as {@code io.vertx.serviceproxy.ServiceException}: 400 with a message naming the field for
 * invalid input, 500 when the store fails.
 */
@ProxyGen
@VertxGen
public interface OrderHistoryService {

  static OrderHistoryService createProxy(Vertx vertx, String address) {
    return new OrderHistoryServiceVertxEBProxy(vertx, address);
  }

  static OrderHistoryService createProxyWithOptions(Vertx vertx, String address, DeliveryOptions options) {
    return new OrderHistoryServiceVertxEBProxy(vertx, address, options);
  }

  /**
   * One page of stored orders. {@code query}: optional {@code created_from, created_to, updated_from, updated_to}
   * (ISO-8601, from inclusive, to exclusive), {@code status}, {@code symbol}, {@code account}, {@code page} (from
   * 0), {@code page_size} (1..1000, default 100). Answers {@code {orders, page, page_size, total}}.
   */
  Future<JsonObject> queryOrders(JsonObject query);

  /**
   * Aggregates over the stored orders matching the same filter keys as {@link #queryOrders} (no paging). Answers
   * {@code {total_orders, counts_by_status, counts_by_symbol, volume_by_symbol: {SYMBOL: {filled_quantity,
   * notional}}, average_time_to_fill_ms, filled_orders, final_orders, fill_ratio}}.
   */
  Future<JsonObject> aggregates(JsonObject query);

  /**
   * Journaled events with a sequence greater than {@code afterSequence}, in order, at most {@code limit}
   * (1..10,000). Answers {@code {after_sequence, events, last_sequence, first_available_sequence, more,
   * truncated}}.
   */
  Future<JsonObject> eventsSince(long afterSequence, int limit);
}
