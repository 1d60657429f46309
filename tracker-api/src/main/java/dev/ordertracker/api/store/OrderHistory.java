package dev.ordertracker.api.store;

import dev.ordertracker.api.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

/**
 * The typed Java face of {@link OrderHistoryService}: records in and out, one event-bus request per call.
 *
 * <pre>{@code
 * OrderHistory history = OrderHistory.create(vertx);
 * history.eventsSince(lastSeen, 1000).onSuccess(page -> page.events().forEach(this::apply));
 * }</pre>
 */
public final class OrderHistory {
  private final OrderHistoryService service;

  private OrderHistory(OrderHistoryService service) {
    this.service = service;
  }

  /** The history service's address for a prefix: {@code <prefix>.history}. */
  public static String address(Addresses addresses) {
    return addresses.prefix() + ".history";
  }

  public static OrderHistory create(Vertx vertx) {
    return create(vertx, Addresses.defaults());
  }

  public static OrderHistory create(Vertx vertx, Addresses addresses) {
    return new OrderHistory(OrderHistoryService.createProxy(vertx, address(addresses)));
  }

  public static OrderHistory create(Vertx vertx, Addresses addresses, DeliveryOptions options) {
    return new OrderHistory(OrderHistoryService.createProxyWithOptions(vertx, address(addresses), options));
  }

  public static OrderHistory wrap(OrderHistoryService service) {
    return new OrderHistory(service);
  }

  public OrderHistoryService service() {
    return service;
  }

  public Future<OrderPage> queryOrders(OrderQuery query) {
    return service.queryOrders(query.toJson()).map(OrderPage::fromJson);
  }

  public Future<OrderAggregates> aggregates(AggregateQuery query) {
    return service.aggregates(query.toJson()).map(OrderAggregates::fromJson);
  }

  public Future<EventsPage> eventsSince(long afterSequence, int limit) {
    return service.eventsSince(afterSequence, limit).map(EventsPage::fromJson);
  }
}
