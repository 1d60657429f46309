package dev.ordertracker.binance.it;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.feed.TrackerFeed;
import dev.ordertracker.binance.metrics.AdapterMetrics;
import dev.ordertracker.binance.reconcile.ExchangeOrder;
import dev.ordertracker.binance.reconcile.ExchangeQueries;
import dev.ordertracker.binance.reconcile.ExchangeTrade;
import dev.ordertracker.binance.reconcile.ReconcileRun;
import dev.ordertracker.core.OrderTrackerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.ordertracker.binance.it.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Not found" is not terminal, with the real tracker: an order the exchange forgot is resolved from its trades; one
 * that nothing explains is LOST (EXPIRED, ORDER_LOST event) only after the configured number of misses. The
 * exchange side is a scripted {@link ExchangeQueries} (the simulator forgets orders only on its own schedule).
 */
@ExtendWith(VertxExtension.class)
class LostOrderIT {

  private static final class Forgetful implements ExchangeQueries {
    final Map<Long, List<ExchangeTrade>> trades = new HashMap<>();
    int statusQueries;

    @Override
    public Future<List<ExchangeOrder>> openOrders(String account) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<ExchangeOrder> orderStatus(String account, String symbol, long orderId) {
      statusQueries++;
      return Future.succeededFuture(null); // -2013: the exchange forgot it
    }

    @Override
    public Future<List<ExchangeTrade>> tradesOfOrder(String account, String symbol, long orderId) {
      return Future.succeededFuture(trades.getOrDefault(orderId, List.of()));
    }

    @Override
    public Future<List<ExchangeTrade>> tradesFrom(String account, String symbol, long fromId, long startTimeMs) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<ExchangeOrder> orderByClientId(String account, String symbol, String clientOrderId) {
      return Future.succeededFuture(null);
    }

    @Override
    public Future<List<ExchangeOrder>> ordersUpdatedBetween(String account, String symbol, long startMs, long endMs) {
      return Future.succeededFuture(List.of());
    }
  }

  @Test
  void forgottenOrdersAreResolvedFromTradesOrLostAfterRepeatedMisses(Vertx vertx) throws Exception {
    await(vertx.deployVerticle(new OrderTrackerVerticle()));
    List<JsonObject> lostEvents = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.defaults().event(EventType.ORDER_LOST), m -> lostEvents.add(m.body()));
    OrderTracker tracker = OrderTracker.create(vertx);
    for (String id : List.of("1", "2")) {
      await(tracker.trackOrder(new NewOrder(id, "c" + id, "BNBUSDT", OrderType.MARKET, OrderSide.BUY,
          new BigDecimal("2"), null, "a", null, null)));
      await(tracker.applyUpdate(OrderUpdate.builder("BNBUSDT", id, OrderStatus.PLACED).account("a").build()));
    }
    Forgetful exchange = new Forgetful();
    exchange.trades.put(1L, List.of(
        new ExchangeTrade("BNBUSDT", 10, 1, new BigDecimal("600"), new BigDecimal("1.5"), new BigDecimal("900"),
            BigDecimal.ZERO, "BNB", 1, false),
        new ExchangeTrade("BNBUSDT", 11, 1, new BigDecimal("601"), new BigDecimal("0.5"), new BigDecimal("300.5"),
            BigDecimal.ZERO, "BNB", 2, false)));
    AdapterMetrics metrics = new AdapterMetrics();
    Map<OrderKey, Integer> misses = new HashMap<>();
    ReconcileRun run = new ReconcileRun(exchange, new TrackerFeed(vertx, Addresses.defaults(), true, 5_000),
        metrics, 3, misses);
    for (int round = 1; round <= 3; round++) {
      List<TrackedOrder> active = await(tracker.getActiveOrders());
      await(run.run("a", active, Map.of()));
      TrackedOrder second = await(tracker.getOrder("2", "BNBUSDT"));
      if (round < 3) {
        Harness.eventually(Duration.ofSeconds(5), () -> {
          try {
            return await(tracker.getOrder("1", "BNBUSDT")).status() == OrderStatus.FILLED;
          } catch (Exception e) {
            return false;
          }
        }, "order 1 resolved from its trades");
        assertThat(second.status()).as("round %d", round).isEqualTo(OrderStatus.PLACED);
      }
    }
    Harness.eventually(Duration.ofSeconds(5), () -> !lostEvents.isEmpty(), "ORDER_LOST");
    TrackedOrder first = await(tracker.getOrder("1", "BNBUSDT"));
    assertThat(first.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(first.fills()).hasSize(2);
    assertThat(first.averagePrice()).isEqualByComparingTo("600.25");
    TrackedOrder second = await(tracker.getOrder("2", "BNBUSDT"));
    assertThat(second.status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(second.errorMessage()).contains("lost");
    assertThat(lostEvents).singleElement().satisfies(e -> assertThat(e.getString(Fields.ORDER_ID)).isEqualTo("2"));
    assertThat(metrics.ordersLost()).isEqualTo(1);
    // order 1 is never asked about: its trades fill its quantity; order 2 is asked once per round
    assertThat(exchange.statusQueries).isEqualTo(3);
  }
}
