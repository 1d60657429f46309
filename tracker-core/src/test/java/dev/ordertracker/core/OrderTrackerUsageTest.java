package dev.ordertracker.core;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.StatusChange;
import dev.ordertracker.api.StatusUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.api.UpdateResult;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.ordertracker.core.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product brief's usage examples, in Java, against a deployed tracker verticle over the real event bus: the
 * typed {@link OrderTracker} client (a service proxy) and a consumer verticle recording the published events.
 */
@ExtendWith(VertxExtension.class)
class OrderTrackerUsageTest {
  private static final BigDecimal QTY = new BigDecimal("0.001");

  private OrderTracker tracker;
  private EventRecorder events;

  @BeforeEach
  void deploy(Vertx vertx) {
    await(vertx.deployVerticle(new OrderTrackerVerticle(),
        new DeploymentOptions().setConfig(new JsonObject().put("max_history_size", 1000))));
    events = new EventRecorder(Addresses.defaults());
    await(vertx.deployVerticle(events));
    tracker = OrderTracker.create(vertx);
  }

  private TrackedOrder trackExampleOrder() {
    return await(tracker.trackOrder(
        NewOrder.of("order_123", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, QTY)
            .withPrice(new BigDecimal("49000.0"))
            .withClientOrderId("my_order_1")));
  }

  @Test
  void basicOrderTracking() {
    TrackedOrder tracked = trackExampleOrder();

    assertThat(tracked.orderId()).isEqualTo("order_123");
    assertThat(tracked.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(tracked.clientOrderId()).isEqualTo("my_order_1");
    assertThat(tracked.price()).isEqualByComparingTo("49000");
    assertThat(tracked.filledQuantity()).isEqualByComparingTo("0");
    assertThat(tracked.statusHistory()).extracting(StatusChange::oldStatus, StatusChange::newStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, OrderStatus.PENDING));
    assertThat(tracked.createdAt()).isNotNull();
  }

  @Test
  void statusUpdatesPlacedPartiallyFilledFilledWithHistoryAndEvents() throws Exception {
    trackExampleOrder();

    UpdateResult placed = await(tracker.updateOrderStatus(StatusUpdate.of("order_123", OrderStatus.PLACED)));
    UpdateResult partial = await(tracker.updateOrderStatus(StatusUpdate.filled("order_123",
        OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.0005"), new BigDecimal("49100.0"))));
    UpdateResult filled = await(tracker.updateOrderStatus(StatusUpdate.filled("order_123",
        OrderStatus.FILLED, QTY, new BigDecimal("49050.0"))));

    assertThat(List.of(placed.outcome(), partial.outcome(), filled.outcome()))
        .containsOnly(UpdateOutcome.APPLIED);
    assertThat(List.of(placed.eventType(), partial.eventType(), filled.eventType()))
        .containsExactly(EventType.ORDER_PLACED, EventType.ORDER_PARTIALLY_FILLED, EventType.ORDER_FILLED);
    assertThat(List.of(placed.sequence(), partial.sequence(), filled.sequence())).containsExactly(1L, 2L, 3L);

    TrackedOrder order = filled.order();
    assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(order.filledQuantity()).isEqualByComparingTo("0.001");
    assertThat(order.averagePrice()).isEqualByComparingTo("49050");
    assertThat(order.statusHistory()).extracting(StatusChange::oldStatus, StatusChange::newStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, OrderStatus.PENDING),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.PENDING, OrderStatus.PLACED),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.PLACED, OrderStatus.PARTIALLY_FILLED),
            org.assertj.core.groups.Tuple.tuple(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED));
    assertThat(order.statusHistory().get(2).filledQuantity()).isEqualByComparingTo("0.0005");
    assertThat(order.statusHistory().get(2).averagePrice()).isEqualByComparingTo("49100");

    List<EventRecorder.Received> received = events.take(3);
    assertThat(received).extracting(EventRecorder.Received::address).containsExactly(
        "orders.events.ORDER_PLACED", "orders.events.ORDER_PARTIALLY_FILLED", "orders.events.ORDER_FILLED");
    EventRecorder.Received fill = received.get(2);
    assertThat(fill.headers()).isEqualTo(Map.of("priority", "8", "event_type", "ORDER_FILLED",
        "symbol", "BTCUSDT", "order_id", "order_123", "sequence", "3"));
    OrderEvent event = fill.event();
    assertThat(event.eventType()).isEqualTo(EventType.ORDER_FILLED);
    assertThat(event.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(event.clientOrderId()).isEqualTo("my_order_1");
    assertThat(event.orderType()).isEqualTo(OrderType.LIMIT);
    assertThat(event.side()).isEqualTo(OrderSide.BUY);
    assertThat(event.quantity()).isEqualByComparingTo("0.001");
    assertThat(event.filledQuantity()).isEqualByComparingTo("0.001");
    assertThat(event.averagePrice()).isEqualByComparingTo("49050");
    assertThat(event.createdAt()).isEqualTo(order.createdAt());
    assertThat(event.updatedAt()).isEqualTo(order.updatedAt());
    // the seed's event data structure: every key present
    assertThat(fill.body().fieldNames()).contains("order_id", "client_order_id", "symbol", "order_type", "side",
        "quantity", "status", "filled_quantity", "average_price", "created_at", "updated_at", "event_type",
        "priority", "sequence");
    assertThat(received.get(0).headers()).containsEntry("priority", "7");
  }

  @Test
  void queriesByIdClientIdSymbolCompletedAndStats() {
    trackExampleOrder();
    await(tracker.trackOrder(NewOrder.of("eth_1", "ETHUSDT", OrderType.MARKET, OrderSide.SELL, BigDecimal.ONE)));
    await(tracker.trackOrder(NewOrder.of("btc_2", "BTCUSDT", OrderType.MARKET, OrderSide.BUY, QTY)));
    await(tracker.updateOrderStatus(StatusUpdate.filled("btc_2", OrderStatus.FILLED, QTY, new BigDecimal("50000"))));

    TrackedOrder order = await(tracker.getOrder("order_123"));
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.filledQuantity()).isEqualByComparingTo("0");
    assertThat(await(tracker.getOrderByClientId("my_order_1")).orderId()).isEqualTo("order_123");

    assertThat(await(tracker.getActiveOrders())).extracting(TrackedOrder::orderId)
        .containsExactly("order_123", "eth_1");
    assertThat(await(tracker.getActiveOrders("BTCUSDT"))).extracting(TrackedOrder::orderId)
        .containsExactly("order_123");
    assertThat(await(tracker.getCompletedOrders(10))).extracting(TrackedOrder::orderId).containsExactly("btc_2");

    TrackerStats stats = await(tracker.getStats());
    assertThat(stats.totalTracked()).isEqualTo(3);
    assertThat(stats.currentlyActive()).isEqualTo(2);
    assertThat(stats.totalFilled()).isEqualTo(1);
    assertThat(stats.totalFailed()).isZero();
    assertThat(stats.totalCancelled()).isZero();
    assertThat(stats.eventsPublished()).isEqualTo(1);
    assertThat(stats.historySize()).isEqualTo(1);
    assertThat(stats.lastSequence()).isEqualTo(1);
  }

  @Test
  void aCompletedOrdersLimitOutsideItsBoundsIsRefusedWith400() {
    // before issue 15, 0 meant "the whole history" for any bus caller
    for (int limit : new int[] {0, -1, OrderTracker.MAX_COMPLETED_LIMIT + 1}) {
      Throwable failure = Awaits.failure(tracker.getCompletedOrders(limit));
      assertThat(failure).isInstanceOf(io.vertx.serviceproxy.ServiceException.class);
      assertThat(((io.vertx.serviceproxy.ServiceException) failure).failureCode()).isEqualTo(400);
      assertThat(failure.getMessage()).startsWith("limit:");
    }
  }

  @Test
  void completedOrdersAreMostRecentFirstWithALimitAndClearHistoryEmptiesThem() {
    for (int i = 1; i <= 5; i++) {
      String id = "o" + i;
      await(tracker.trackOrder(NewOrder.of(id, "BTCUSDT", OrderType.MARKET, OrderSide.BUY, QTY)));
      await(tracker.updateOrderStatus(StatusUpdate.of(id, i % 2 == 0 ? OrderStatus.CANCELLED : OrderStatus.FILLED)));
    }
    await(tracker.trackOrder(NewOrder.of("live", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, QTY)));

    assertThat(await(tracker.getCompletedOrders(3))).extracting(TrackedOrder::orderId)
        .containsExactly("o5", "o4", "o3");
    assertThat(await(tracker.getCompletedOrders(OrderTracker.MAX_COMPLETED_LIMIT))).hasSize(5);
    TrackerStats before = await(tracker.getStats());
    assertThat(before.totalFilled()).isEqualTo(3);
    assertThat(before.totalCancelled()).isEqualTo(2);

    await(tracker.clearHistory());

    assertThat(await(tracker.getCompletedOrders(10))).isEmpty();
    TrackerStats after = await(tracker.getStats());
    assertThat(after.historySize()).isZero();
    assertThat(after.currentlyActive()).isEqualTo(1);
    assertThat(after.totalTracked()).isEqualTo(6);
    assertThat(await(tracker.getActiveOrders())).extracting(TrackedOrder::orderId).containsExactly("live");
  }

  @Test
  void filledWithoutAQuantityMeansAllOfIt() {
    trackExampleOrder();
    UpdateResult r = await(tracker.updateOrderStatus(StatusUpdate.of("order_123", OrderStatus.FILLED)));
    assertThat(r.order().filledQuantity()).isEqualByComparingTo("0.001");
  }
}
