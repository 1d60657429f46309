package dev.ordertracker.binance.it;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.BinanceUserDataVerticle;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.binance.executor.OrderExecutor;
import dev.ordertracker.core.OrderTrackerVerticle;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.SimulatedOrder;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real parts on loopback: the simulator (WebSocket API + REST on port 0), the tracker verticle, the adapter
 * verticle and the executor, in one Vert.x. Records every event published on {@code orders.events.*} per order.
 */
final class Harness {
  static final String ACCOUNT = AccountOptions.DEMO_NAME;
  final Vertx vertx;
  final BinanceSimulator simulator;
  final OrderTracker tracker;
  final Map<OrderKey, List<EventType>> events = new ConcurrentHashMap<>();
  final List<JsonObject> accountEvents = new CopyOnWriteArrayList<>();
  BinanceUserDataVerticle adapter;
  String adapterDeployment;
  OrderExecutor executor;

  private Harness(Vertx vertx, BinanceSimulator simulator) {
    this.vertx = vertx;
    this.simulator = simulator;
    this.tracker = OrderTracker.create(vertx);
  }

  static Harness start(Vertx vertx, SimulatorOptions simOptions) throws Exception {
    return startWithoutTracker(vertx, simOptions).deployTracker();
  }

  /** The simulator and the event listeners, no tracker yet (a tracker that is not there, or not answering). */
  static Harness startWithoutTracker(Vertx vertx, SimulatorOptions simOptions) throws Exception {
    Harness h = new Harness(vertx, BinanceSimulator.create(vertx, simOptions.setPriceWalkIntervalMs(0)));
    Addresses addresses = Addresses.defaults();
    for (EventType type : EventType.values()) {
      vertx.eventBus().<JsonObject>consumer(addresses.event(type), m -> h.events
          .computeIfAbsent(new OrderKey(m.body().getString(Fields.SYMBOL), m.body().getString(Fields.ORDER_ID)),
              k -> new CopyOnWriteArrayList<>()).add(type));
    }
    vertx.eventBus().<JsonObject>consumer(addresses.account(ACCOUNT), m -> h.accountEvents.add(m.body()));
    await(h.simulator.start());
    return h;
  }

  Harness deployTracker() throws Exception {
    await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions()));
    return this;
  }

  JsonObject adapterConfig() {
    return new JsonObject()
        .put(BinanceAdapterOptions.WS_API_URL, simulator.wsApiUrl())
        .put(BinanceAdapterOptions.REST_URL, simulator.restUrl())
        .put(BinanceAdapterOptions.RECONNECT_INITIAL_DELAY_MS, 50)
        .put(BinanceAdapterOptions.RECONNECT_MAX_DELAY_MS, 400)
        .put(BinanceAdapterOptions.REQUEST_TIMEOUT_MS, 5_000)
        .put(BinanceAdapterOptions.ACCOUNTS, new JsonArray().add(new JsonObject().put("name", ACCOUNT)
            .put("api_key", AccountOptions.DEMO_API_KEY).put("secret", AccountOptions.DEMO_SECRET)));
  }

  Harness deployAdapter(JsonObject config) throws Exception {
    adapter = new BinanceUserDataVerticle();
    adapterDeployment = await(vertx.deployVerticle(adapter, new DeploymentOptions().setConfig(config)));
    executor = await(OrderExecutor.create(vertx, new BinanceAdapterOptions(config)));
    return this;
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** Bounded wait for a condition (polling on a timer; no sleeps in the code under test). */
  static void eventually(Duration max, BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  TrackedOrder order(SimulatedOrder o) throws Exception {
    return await(tracker.getOrder(Long.toString(o.orderId()), o.symbol()));
  }

  List<SimulatedOrder> truth() {
    return simulator.orders();
  }

  /** Waits until the tracker agrees with the simulator's truth on every order, then asserts it in detail. */
  void assertTrackerEqualsTruth() throws Exception {
    assertTrackerEqualsTruth(true);
  }

  /** @param fills also compare the fills (trade ids); a reordered stream may lose fills the tracker calls stale */
  void assertTrackerEqualsTruth(boolean fills) throws Exception {
    eventually(Duration.ofSeconds(15), () -> {
      try {
        for (SimulatedOrder o : truth()) {
          TrackedOrder t = await(tracker.getOrder(Long.toString(o.orderId()), o.symbol()));
          if (t.status() != expected(o.status()) || t.filledQuantity().compareTo(o.executedQty()) != 0) {
            return false;
          }
        }
        return true;
      } catch (Exception e) {
        return false;
      }
    }, "tracker == simulator truth");
    for (SimulatedOrder o : truth()) {
      TrackedOrder t = order(o);
      assertThat(t.status()).as("status of %s", o.orderId()).isEqualTo(expected(o.status()));
      assertThat(t.filledQuantity()).as("filled of %s", o.orderId()).isEqualByComparingTo(o.executedQty());
      if (fills) {
        assertThat(t.fills()).as("fills of %s", o.orderId()).extracting(f -> f.tradeId())
            .containsExactlyInAnyOrderElementsOf(o.trades().stream().map(tr -> tr.id()).toList());
      }
      if (o.executedQty().signum() > 0) {
        assertThat(t.averagePrice()).isEqualByComparingTo(dev.ordertracker.api.Decimals.averagePrice(
            o.cummulativeQuoteQty(), o.executedQty()));
      }
      assertThat(t.account()).isEqualTo(o.account());
    }
  }

  /** Each real change produced exactly one event: the events of an order are its status history's changes. */
  void assertOneEventPerChange() throws Exception {
    for (SimulatedOrder o : truth()) {
      TrackedOrder t = order(o);
      OrderKey key = new OrderKey(o.symbol(), Long.toString(o.orderId()));
      eventually(Duration.ofSeconds(5), () -> events.getOrDefault(key, List.of()).size() >= expectedEvents(t).size(),
          "events of " + key);
      assertThat(events.getOrDefault(key, List.of())).as("events of %s", key)
          .containsExactlyElementsOf(expectedEvents(t));
    }
  }

  /** The events the order's status history implies: one per change into a status that publishes one. */
  static List<EventType> expectedEvents(TrackedOrder t) {
    List<EventType> out = new ArrayList<>();
    t.statusHistory().forEach(c -> {
      EventType type = EventType.forStatus(c.newStatus());
      if (type != null) {
        out.add(type);
      }
    });
    return out;
  }

  static OrderStatus expected(String binanceStatus) {
    switch (binanceStatus) {
      case "PENDING_NEW": return OrderStatus.PENDING;
      case "NEW": return OrderStatus.PLACED;
      case "PARTIALLY_FILLED": return OrderStatus.PARTIALLY_FILLED;
      case "FILLED": return OrderStatus.FILLED;
      case "CANCELED": return OrderStatus.CANCELLED;
      case "REJECTED": return OrderStatus.FAILED;
      default: return OrderStatus.EXPIRED;
    }
  }

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  Map<String, Object> stats() {
    return new HashMap<>();
  }
}
