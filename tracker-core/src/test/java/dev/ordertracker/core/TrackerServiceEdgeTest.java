package dev.ordertracker.core;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderTrackerService;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.OrderUpdateBatch;
import dev.ordertracker.api.StatusUpdate;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.api.UpdateResult;
import dev.ordertracker.core.service.LocalUpdateIngest;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.List;

import static dev.ordertracker.core.Awaits.await;
import static dev.ordertracker.core.Awaits.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input, unknown and ambiguous orders, options and the in-JVM ingest path, over the real event bus. */
@ExtendWith(VertxExtension.class)
class TrackerServiceEdgeTest {

  private static OrderTracker deploy(Vertx vertx, JsonObject config) {
    await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions().setConfig(config)));
    return OrderTracker.create(vertx, new OrderTrackerOptions(config).addresses());
  }

  private static int code(Throwable t) {
    assertThat(t).isInstanceOf(ServiceException.class);
    return ((ServiceException) t).failureCode();
  }

  @Test
  void malformedRequestsAre400NamingTheFieldAndChangeNothing(Vertx vertx) {
    OrderTracker tracker = deploy(vertx, new JsonObject());
    OrderTrackerService service = tracker.service();

    Throwable noQuantity = failure(service.trackOrder(new JsonObject().put("order_id", "1").put("symbol", "BTCUSDT")
        .put("order_type", "LIMIT").put("side", "BUY")));
    Throwable badStatus = failure(service.updateOrderStatus(new JsonObject().put("order_id", "1")
        .put("status", "DONE")));
    Throwable badDecimal = failure(service.applyUpdate(new JsonObject().put("order_id", "1").put("symbol", "BTCUSDT")
        .put("status", "FILLED").put("cumulative_filled_quantity", "lots")));

    assertThat(code(noQuantity)).isEqualTo(TrackerErrors.BAD_REQUEST);
    assertThat(noQuantity.getMessage()).contains("quantity");
    assertThat(code(badStatus)).isEqualTo(TrackerErrors.BAD_REQUEST);
    assertThat(badStatus.getMessage()).contains("status").contains("DONE");
    assertThat(code(badDecimal)).isEqualTo(TrackerErrors.BAD_REQUEST);
    assertThat(badDecimal.getMessage()).contains("cumulative_filled_quantity");
    assertThat(await(tracker.getStats()).totalTracked()).isZero();
  }

  @Test
  void absurdDecimalsAre400AtEveryServiceEntryAndNeverApplied(Vertx vertx) {
    OrderTracker tracker = deploy(vertx, new JsonObject());
    OrderTrackerService service = tracker.service();
    await(tracker.trackOrder(NewOrder.of("1", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE)));

    Throwable update = failure(service.applyUpdate(new JsonObject().put("order_id", "1").put("symbol", "BTCUSDT")
        .put("status", "PARTIALLY_FILLED").put("cumulative_filled_quantity", "1e999999999")));
    Throwable track = failure(service.trackOrder(new JsonObject().put("order_id", "2").put("symbol", "BTCUSDT")
        .put("order_type", "LIMIT").put("side", "BUY").put("quantity", "1").put("price", "-1e999999999")));
    Throwable status = failure(service.updateOrderStatus(new JsonObject().put("order_id", "1")
        .put("status", "FILLED").put("filled_quantity", "1").put("average_price", "1" + "0".repeat(39))));

    for (Throwable t : List.of(update, track, status)) {
      assertThat(code(t)).isEqualTo(TrackerErrors.BAD_REQUEST);
      assertThat(t.getMessage()).contains("out of range").hasSizeLessThan(300);
    }
    assertThat(update.getMessage()).contains("cumulative_filled_quantity");
    assertThat(track.getMessage()).contains("price");
    assertThat(status.getMessage()).contains("average_price");
    assertThat(await(tracker.getOrder("1")).status()).isEqualTo(OrderStatus.PENDING);
    assertThat(await(tracker.getStats()).totalTracked()).isEqualTo(1);
  }

  @Test
  void unknownOrdersAre404AndAmbiguousIdsAre409(Vertx vertx) {
    OrderTracker tracker = deploy(vertx, new JsonObject());
    assertThat(code(failure(tracker.getOrder("missing")))).isEqualTo(TrackerErrors.NOT_FOUND);
    assertThat(code(failure(tracker.getOrderByClientId("missing")))).isEqualTo(TrackerErrors.NOT_FOUND);
    assertThat(code(failure(tracker.updateOrderStatus(StatusUpdate.of("missing", OrderStatus.PLACED)))))
        .isEqualTo(TrackerErrors.NOT_FOUND);
    assertThat(code(failure(tracker.applyUpdate(OrderUpdate.builder("BTCUSDT", "missing", OrderStatus.PLACED)
        .build())))).isEqualTo(TrackerErrors.NOT_FOUND);

    await(tracker.trackOrder(NewOrder.of("7", "BTCUSDT", OrderType.MARKET, OrderSide.BUY, BigDecimal.ONE)));
    await(tracker.trackOrder(NewOrder.of("7", "ETHUSDT", OrderType.MARKET, OrderSide.BUY, BigDecimal.ONE)));
    Throwable ambiguous = failure(tracker.getOrder("7"));
    assertThat(code(ambiguous)).isEqualTo(TrackerErrors.AMBIGUOUS);
    assertThat(ambiguous.getMessage()).contains("BTCUSDT").contains("ETHUSDT");
    assertThat(await(tracker.getOrder("7", "ETHUSDT")).symbol()).isEqualTo("ETHUSDT");
    assertThat(await(tracker.getStats()).toJson().getLong(Fields.LAST_SEQUENCE)).isZero();
    assertThat(await(tracker.service().getStats()).getLong(Fields.UNKNOWN_ORDERS)).isEqualTo(1);
  }

  @Test
  void refusedUpdatesAreVisibleToTheCaller(Vertx vertx) {
    OrderTracker tracker = deploy(vertx, new JsonObject());
    await(tracker.trackOrder(NewOrder.of("1", "BTCUSDT", OrderType.MARKET, OrderSide.BUY, BigDecimal.ONE)));
    await(tracker.updateOrderStatus(StatusUpdate.of("1", OrderStatus.CANCELLED)));

    UpdateResult illegal = await(tracker.updateOrderStatus(StatusUpdate.of("1", OrderStatus.FILLED)));
    UpdateResult stale = await(tracker.updateOrderStatus(StatusUpdate.of("1", OrderStatus.PLACED)));
    UpdateResult duplicate = await(tracker.updateOrderStatus(StatusUpdate.of("1", OrderStatus.CANCELLED)));

    assertThat(illegal.outcome()).isEqualTo(UpdateOutcome.ILLEGAL_TRANSITION);
    assertThat(illegal.reason()).contains("CANCELLED -> FILLED");
    assertThat(stale.outcome()).isEqualTo(UpdateOutcome.STALE);
    assertThat(duplicate.outcome()).isEqualTo(UpdateOutcome.DUPLICATE);
    assertThat(illegal.order().status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(await(tracker.getStats()).rejectedUpdates()).isEqualTo(2);
    assertThat(await(tracker.getStats()).duplicateUpdates()).isEqualTo(1);
  }

  @Test
  void badOrUnknownOptionsFailTheDeploymentNamingTheKey(Vertx vertx) {
    Throwable unknown = failure(vertx.deployVerticle(new OrderTrackerVerticle(),
        new DeploymentOptions().setConfig(new JsonObject().put("max_histroy_size", 10))));
    Throwable negative = failure(vertx.deployVerticle(new OrderTrackerVerticle(),
        new DeploymentOptions().setConfig(new JsonObject().put("max_history_size", 0))));
    Throwable prefix = failure(vertx.deployVerticle(new OrderTrackerVerticle(),
        new DeploymentOptions().setConfig(new JsonObject().put("address_prefix", "a b"))));
    Throwable type = failure(vertx.deployVerticle(new OrderTrackerVerticle(),
        new DeploymentOptions().setConfig(new JsonObject().put("publish_events", "yes"))));

    assertThat(unknown.getMessage()).contains("max_histroy_size");
    assertThat(negative.getMessage()).contains("max_history_size");
    assertThat(prefix.getMessage()).contains("address_prefix");
    assertThat(type.getMessage()).contains("publish_events");
    assertThat(new OrderTrackerOptions(new JsonObject()).toJson()).isEqualTo(new JsonObject()
        .put("max_history_size", 1000).put("address_prefix", "orders").put("initial_sequence", 0L)
        .put("publish_events", true).put("local_ingest", true));
  }

  @Test
  void prefixInitialSequenceAndLocalIngestPath(Vertx vertx) throws Exception {
    Addresses addresses = Addresses.withPrefix("desk1.orders");
    OrderTracker tracker = deploy(vertx, new JsonObject().put("address_prefix", "desk1.orders")
        .put("initial_sequence", 500));
    EventRecorder events = new EventRecorder(addresses);
    await(vertx.deployVerticle(events));

    OrderUpdate report = OrderUpdate.builder("BTCUSDT", "9", OrderStatus.PLACED)
        .order(OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE, BigDecimal.TEN).build();
    String outcome = await(vertx.eventBus().<String>request(LocalUpdateIngest.address(addresses), report)).body();
    Throwable unknown = failure(vertx.eventBus().request(LocalUpdateIngest.address(addresses),
        OrderUpdate.builder("BTCUSDT", "10", OrderStatus.PLACED).build()));

    assertThat(outcome).isEqualTo("APPLIED");
    assertThat(unknown.getMessage()).contains("unknown order BTCUSDT/10");
    EventRecorder.Received placed = events.take(1).get(0);
    assertThat(placed.address()).isEqualTo("desk1.orders.events.ORDER_PLACED");
    assertThat(placed.event().sequence()).isEqualTo(501);
    assertThat(placed.event().eventType()).isEqualTo(EventType.ORDER_PLACED);
    assertThat(await(tracker.getOrder("9")).status()).isEqualTo(OrderStatus.PLACED);
  }

  @Test
  void localIngestAppliesABatchInOrderAndCountsRefusalsWithoutStopping(Vertx vertx) throws Exception {
    Addresses addresses = Addresses.defaults();
    OrderTracker tracker = deploy(vertx, new JsonObject());
    EventRecorder events = new EventRecorder(addresses);
    await(vertx.deployVerticle(events));
    OrderUpdate placed = OrderUpdate.builder("BTCUSDT", "9", OrderStatus.PLACED)
        .order(OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE, BigDecimal.TEN).build();
    OrderUpdate half = OrderUpdate.builder("BTCUSDT", "9", OrderStatus.PARTIALLY_FILLED)
        .cumulative(new BigDecimal("0.5"), new BigDecimal("5")).build();
    OrderUpdate unknown = OrderUpdate.builder("BTCUSDT", "10", OrderStatus.PLACED).build();
    OrderUpdate filled = OrderUpdate.builder("BTCUSDT", "9", OrderStatus.FILLED)
        .cumulative(BigDecimal.ONE, BigDecimal.TEN).build();

    int refused = await(vertx.eventBus().<Integer>request(LocalUpdateIngest.address(addresses),
        new OrderUpdateBatch(List.of(placed, half, unknown, filled)))).body();

    assertThat(refused).isEqualTo(1);
    assertThat(events.take(3)).extracting(r -> r.event().eventType())
        .containsExactly(EventType.ORDER_PLACED, EventType.ORDER_PARTIALLY_FILLED, EventType.ORDER_FILLED);
    assertThat(await(tracker.getOrder("9")).status()).isEqualTo(OrderStatus.FILLED);
    assertThat(failure(tracker.getOrder("10"))).isNotNull();
    Throwable notAnUpdate = failure(vertx.eventBus().request(LocalUpdateIngest.address(addresses), "FILLED"));
    assertThat(notAnUpdate.getMessage()).contains("OrderUpdateBatch");
  }

  @Test
  void publishEventsFalseTracksWithoutPublishing(Vertx vertx) throws Exception {
    OrderTracker tracker = deploy(vertx, new JsonObject().put("publish_events", false));
    EventRecorder events = new EventRecorder(Addresses.defaults());
    await(vertx.deployVerticle(events));
    await(tracker.trackOrder(NewOrder.of("1", "BTCUSDT", OrderType.MARKET, OrderSide.BUY, BigDecimal.ONE)));
    await(tracker.updateOrderStatus(StatusUpdate.of("1", OrderStatus.FILLED)));
    // a second tracker-independent publish proves the recorder is live; it must be the only message received
    vertx.eventBus().publish(Addresses.defaults().event(EventType.ORDER_PLACED), new JsonObject().put("sequence", 0));
    assertThat(events.take(1).get(0).body().getLong("sequence")).isZero();
    assertThat(events.drain()).isEmpty();
    assertThat(await(tracker.getOrder("1")).status()).isEqualTo(OrderStatus.FILLED);
  }
}
