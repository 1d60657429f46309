package dev.ordertracker.examples.embedding;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.StatusUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.core.OrderTrackerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * Deploying the tracker into an existing Vert.x application: the application owns its {@link Vertx}, deploys
 * {@link OrderTrackerVerticle} next to its own verticles, subscribes its own handler, and talks to the tracker
 * through the typed {@link OrderTracker} client. This is the product brief's usage, step by step, in Java.
 *
 * <p>Run: {@code java -cp examples/target/vertx-order-tracker-demo.jar
 * dev.ordertracker.examples.embedding.EmbeddingExample}
 */
public final class EmbeddingExample {
  private EmbeddingExample() {
  }

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx(); // the application's own Vert.x
    run(vertx, event -> { })
        .onSuccess(stats -> System.out.println("Stats: " + stats.toJson().encodePrettily()))
        .onFailure(Throwable::printStackTrace)
        .eventually(vertx::close);
  }

  /** Deploys tracker + handler, walks one order through its life, answers the tracker's stats. */
  public static Future<TrackerStats> run(Vertx vertx, Consumer<OrderEvent> observer) {
    Addresses addresses = Addresses.defaults();
    DeploymentOptions trackerConfig = new DeploymentOptions()
        .setConfig(new JsonObject().put("max_history_size", 1000));
    OrderTracker tracker = OrderTracker.create(vertx, addresses);
    return vertx.deployVerticle(new OrderTrackerVerticle(), trackerConfig)
        .compose(id -> vertx.deployVerticle(new OrderEventHandlerVerticle(addresses, observer)))
        // Track a new order: it starts PENDING.
        .compose(id -> tracker.trackOrder(
            NewOrder.of("order_123", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, new BigDecimal("0.001"))
                .withPrice(new BigDecimal("49000.0"))
                .withClientOrderId("my_order_1")))
        .onSuccess(o -> System.out.println("Tracking order: " + o.orderId() + ", status " + o.status()))
        // The exchange acknowledged it, then filled it in two steps.
        .compose(o -> tracker.updateOrderStatus(StatusUpdate.of("order_123", OrderStatus.PLACED)))
        .compose(r -> tracker.updateOrderStatus(StatusUpdate.filled("order_123", OrderStatus.PARTIALLY_FILLED,
            new BigDecimal("0.0005"), new BigDecimal("49100.0"))))
        .compose(r -> tracker.updateOrderStatus(StatusUpdate.filled("order_123", OrderStatus.FILLED,
            new BigDecimal("0.001"), new BigDecimal("49050.0"))))
        // Queries.
        .compose(r -> tracker.getOrderByClientId("my_order_1"))
        .onSuccess(EmbeddingExample::printHistory)
        .compose(o -> tracker.getStats());
  }

  private static void printHistory(TrackedOrder order) {
    System.out.println("Order " + order.orderId() + " is " + order.status() + ", filled "
        + order.filledQuantity().toPlainString() + " at " + order.averagePrice().toPlainString());
    order.statusHistory().forEach(change -> System.out.println("  " + change.timestamp() + ": "
        + change.oldStatus() + " -> " + change.newStatus()));
  }
}
