package dev.ordertracker.bench.adapter;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.binance.BinanceUserDataVerticle;
import dev.ordertracker.core.OrderTrackerVerticle;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Simulator + tracker + adapter + an event-counting consumer verticle in one Vert.x, on loopback. */
final class BenchSetup {
  final Vertx vertx;
  final BinanceSimulator simulator;
  final BinanceUserDataVerticle adapter = new BinanceUserDataVerticle();
  final AtomicLong events = new AtomicLong();
  /** When set, the consumer hands it every event body (on the consumer's event loop). */
  volatile java.util.function.Consumer<JsonObject> probe;

  BenchSetup(Vertx vertx, int trackerHistory, boolean reconcile) throws Exception {
    this.vertx = vertx;
    this.simulator = BinanceSimulator.create(vertx, new SimulatorOptions().setPriceWalkIntervalMs(0));
    await(simulator.start());
    await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions()
        .setConfig(new JsonObject().put("max_history_size", trackerHistory))));
    await(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        Addresses addresses = Addresses.defaults();
        for (EventType type : EventType.values()) {
          vertx.eventBus().<JsonObject>consumer(addresses.event(type), m -> {
            java.util.function.Consumer<JsonObject> p = probe;
            if (p != null) {
              p.accept(m.body());
            }
            events.incrementAndGet();
          });
        }
        return Future.succeededFuture();
      }
    }));
    await(vertx.deployVerticle(adapter, new DeploymentOptions().setConfig(adapterConfig(reconcile))));
  }

  /**
   * Event loops from {@code -Devent.loops=N} (default: Vert.x's, twice the cores); the native epoll transport with
   * {@code -Dnative.transport=true}.
   */
  static io.vertx.core.VertxOptions vertxOptions() {
    io.vertx.core.VertxOptions options = new io.vertx.core.VertxOptions()
        .setPreferNativeTransport(Boolean.getBoolean("native.transport"));
    String loops = System.getProperty("event.loops");
    if (loops != null) {
      options.setEventLoopPoolSize(Integer.parseInt(loops));
    }
    return options;
  }

  JsonObject adapterConfig(boolean reconcile) {
    return new JsonObject().put("ws_api_url", simulator.wsApiUrl()).put("rest_url", simulator.restUrl())
        .put("reconcile_on_connect", reconcile).put("reconnect_initial_delay_ms", 50)
        .put("reconnect_max_delay_ms", 500).put("request_timeout_ms", 30_000)
        .put("accounts", new JsonArray().add(new JsonObject().put("name", AccountOptions.DEMO_NAME)
            .put("api_key", AccountOptions.DEMO_API_KEY).put("secret", AccountOptions.DEMO_SECRET)));
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }

  static void waitFor(java.util.function.BooleanSupplier condition, long maxMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + maxMs;
    while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
      TimeUnit.MILLISECONDS.sleep(1);
    }
  }
}
