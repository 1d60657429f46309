package dev.ordertracker.core;

import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.StatusUpdate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.ordertracker.core.Awaits.await;
import static dev.ordertracker.core.Awaits.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** With a Micrometer backend the tracker registers its meters once, with bounded labels; without one, nothing. */
class TrackerMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Vertx vertx;

  @AfterEach
  void close() {
    if (vertx != null) {
      await(vertx.close());
    }
  }

  @Test
  void metersCountOutcomesEventsFinalStatusesAndSizes() {
    vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    String deployment = await(vertx.deployVerticle(new OrderTrackerVerticle()));
    OrderTracker tracker = OrderTracker.create(vertx);

    await(tracker.trackOrder(NewOrder.of("1", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE)));
    await(tracker.trackOrder(NewOrder.of("2", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE)));
    await(tracker.updateOrderStatus(StatusUpdate.of("1", OrderStatus.PLACED)));
    await(tracker.updateOrderStatus(StatusUpdate.of("1", OrderStatus.FILLED)));
    await(tracker.updateOrderStatus(StatusUpdate.of("1", OrderStatus.FILLED)));   // duplicate
    await(tracker.updateOrderStatus(StatusUpdate.of("1", OrderStatus.PLACED)));   // stale
    failure(tracker.applyUpdate(dev.ordertracker.api.OrderUpdate.builder("BTCUSDT", "9", OrderStatus.PLACED)
        .build()));                                                                // unknown order

    assertThat(count("tracker_updates_total", "outcome", "applied")).isEqualTo(2);
    assertThat(count("tracker_updates_total", "outcome", "duplicate")).isEqualTo(1);
    assertThat(count("tracker_updates_total", "outcome", "stale")).isEqualTo(1);
    assertThat(count("tracker_updates_total", "outcome", "unknown_order")).isEqualTo(1);
    assertThat(count("tracker_events_published_total", "event_type", "ORDER_PLACED")).isEqualTo(1);
    assertThat(count("tracker_events_published_total", "event_type", "ORDER_FILLED")).isEqualTo(1);
    assertThat(count("tracker_orders_total", "status", "FILLED")).isEqualTo(1);
    assertThat(registry.get("tracker_active_orders").gauge().value()).isEqualTo(1);
    assertThat(registry.get("tracker_history_size").gauge().value()).isEqualTo(1);
    assertThat(registry.get("tracker_publish_failures_total").counter().count()).isZero();

    await(vertx.undeploy(deployment));
    assertThat(registry.find("tracker_active_orders").gauge()).isNull();
  }

  private double count(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }
}
