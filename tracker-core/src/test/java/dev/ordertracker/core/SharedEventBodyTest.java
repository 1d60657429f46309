package dev.ordertracker.core;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.ordertracker.core.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a non-clustered Vert.x the tracker publishes one read-only body that every local consumer shares (no deep copy
 * per consumer): no consumer can change what another one sees, {@code copy()} gives a mutable body, and the body is
 * the same JSON as {@code OrderEvent.toJson()}, keys in the same order.
 */
@ExtendWith(VertxExtension.class)
class SharedEventBodyTest {
  private static final Instant T0 = Instant.parse("2024-01-15T10:30:00.000Z");

  @Test
  void localConsumersShareOneReadOnlyBody(Vertx vertx) throws Exception {
    await(vertx.deployVerticle(new OrderTrackerVerticle()));
    String address = Addresses.defaults().event(EventType.ORDER_PARTIALLY_FILLED);
    CompletableFuture<JsonObject> first = new CompletableFuture<>();
    CompletableFuture<JsonObject> second = new CompletableFuture<>();
    CompletableFuture<Throwable> refused = new CompletableFuture<>();
    await(vertx.eventBus().<JsonObject>consumer(address, msg -> {
      try {
        msg.body().put("status", "FILLED"); // a careless consumer
      } catch (RuntimeException e) {
        refused.complete(e);
      }
      first.complete(msg.body());
    }).completion());
    await(vertx.eventBus().<JsonObject>consumer(address, msg -> second.complete(msg.body())).completion());

    OrderTracker tracker = OrderTracker.create(vertx);
    await(tracker.applyUpdate(OrderUpdate.builder("BTCUSDT", "42", OrderStatus.PLACED)
        .order(OrderType.LIMIT, OrderSide.BUY, new BigDecimal("2"), new BigDecimal("100.5"))
        .cumulative(BigDecimal.ZERO, BigDecimal.ZERO).executionId("e1").transactionTime(T0).build()));
    await(tracker.applyUpdate(OrderUpdate.builder("BTCUSDT", "42", OrderStatus.PARTIALLY_FILLED)
        .cumulative(BigDecimal.ONE, new BigDecimal("100.5"))
        .lastFill(new Fill(7, BigDecimal.ONE, new BigDecimal("100.5"), new BigDecimal("100.5"), BigDecimal.ZERO,
            "BNB", true, T0))
        .executionId("e2").transactionTime(T0).build()));

    JsonObject a = first.get(10, TimeUnit.SECONDS);
    JsonObject b = second.get(10, TimeUnit.SECONDS);
    assertThat(refused.get(10, TimeUnit.SECONDS)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(b).isSameAs(a);
    assertThat(b.getString("status")).isEqualTo("PARTIALLY_FILLED");
    assertThat(b.getValue("filled_quantity")).isEqualTo("1"); // a decimal string on the wire
    assertThatThrownBy(() -> b.getJsonObject("last_fill").put("price", "0"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> b.remove("sequence")).isInstanceOf(UnsupportedOperationException.class);

    JsonObject mine = b.copy().put("seen", true);
    mine.getJsonObject("last_fill").put("price", "0");
    assertThat(mine.getBoolean("seen")).isTrue();
    assertThat(b.containsKey("seen")).isFalse();
    assertThat(b.getJsonObject("last_fill").getValue("price")).isEqualTo("100.5");

    // the same JSON text (keys in the documented order) as the mutable form
    assertThat(b.encode()).isEqualTo(dev.ordertracker.api.OrderEvent.fromJson(b).toJson().encode());
    assertThat(b.encode()).startsWith("{\"event_type\":\"ORDER_PARTIALLY_FILLED\",\"priority\":8,\"sequence\":2,");
  }
}
