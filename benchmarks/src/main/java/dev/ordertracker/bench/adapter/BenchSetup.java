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

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulator + tracker + adapter + an event-counting consumer verticle in one Vert.x, on loopback, placed by a
 * {@link Layout}: {@code -Dlayout=paired} (the default) or {@code spread}.
 */
final class BenchSetup {
  /** Which event loop runs which part. Vert.x assigns event loops to contexts round-robin, in creation order. */
  enum Layout {
    /**
     * One event loop per core (two here): the adapter alone on one (socket, decoding, dedup); the tracker and the
     * consumer on the other, with the simulator, which stands in for the exchange (elsewhere in production). Hops
     * between threads: simulator → adapter (the socket) and adapter → tracker (batched); tracker → consumer stays on
     * its thread. Measured at 200,000 frames/s: 0.46 and 0.41 cores; the other pairing (simulator with the adapter)
     * loaded one thread to 0.7 and doubled p99.
     */
    PAIRED(2),
    /** Vert.x's default of twice the cores: simulator, tracker, adapter and consumer each on its own event loop. */
    SPREAD(0);

    final int eventLoops;

    Layout(int eventLoops) {
      this.eventLoops = eventLoops;
    }

    static Layout fromSystemProperty() {
      return valueOf(System.getProperty("layout", "paired").toUpperCase(java.util.Locale.ROOT));
    }
  }

  final Vertx vertx;
  final Layout layout;
  final BinanceSimulator simulator;
  final BinanceUserDataVerticle adapter = new BinanceUserDataVerticle();
  final AtomicLong events = new AtomicLong();
  /** When set, the consumer hands it every event body (on the consumer's event loop). */
  volatile java.util.function.Consumer<JsonObject> probe;
  /** The event-loop thread of the tracker, the adapter and the consumer, as observed on their contexts. */
  final Map<String, String> threads = new LinkedHashMap<>();

  /** Creates the Vert.x instance for {@code layout} and deploys everything on it. */
  static BenchSetup create(Layout layout, int trackerHistory, boolean reconcile) throws Exception {
    return new BenchSetup(Vertx.vertx(vertxOptions(layout)), layout, trackerHistory, reconcile, new JsonObject());
  }

  /** Like {@link #create(Layout, int, boolean)} with more adapter options ({@code extra} overrides). */
  static BenchSetup create(Layout layout, int trackerHistory, boolean reconcile, JsonObject extra) throws Exception {
    return new BenchSetup(Vertx.vertx(vertxOptions(layout)), layout, trackerHistory, reconcile, extra);
  }

  private final JsonObject extraAdapterConfig;

  private BenchSetup(Vertx vertx, Layout layout, int trackerHistory, boolean reconcile, JsonObject extra)
      throws Exception {
    this.vertx = vertx;
    this.extraAdapterConfig = extra;
    this.layout = layout;
    // Vert.x gives each new context the next event loop, round-robin. Spread (four loops): simulator 0, tracker 1,
    // adapter 2, consumer 3. Paired (two loops): simulator 0, placeholder 1, tracker 0, adapter 1, consumer 0.
    this.simulator = BinanceSimulator.create(vertx, new SimulatorOptions().setPriceWalkIntervalMs(0));
    await(simulator.start());
    if (layout == Layout.PAIRED) {
      await(vertx.deployVerticle(new VerticleBase() { })); // only steps the round-robin past the adapter's loop
    }
    await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions()
        .setConfig(new JsonObject().put("max_history_size", trackerHistory))));
    await(vertx.deployVerticle(adapter, new DeploymentOptions().setConfig(adapterConfig(reconcile))));
    VerticleBase consumer = new VerticleBase() {
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
    };
    await(vertx.deployVerticle(consumer));
    observeThreads();
    if (layout == Layout.PAIRED && !(threads.get("tracker").equals(threads.get("consumer"))
        && !threads.get("adapter").equals(threads.get("tracker")))) {
      throw new IllegalStateException("paired layout not obtained: " + threads);
    }
  }

  /** Which thread handles a message to the tracker, the adapter and the consumer (an inbound interceptor sees it). */
  private void observeThreads() throws Exception {
    Addresses addresses = Addresses.defaults();
    Map<String, String> byAddress = new java.util.concurrent.ConcurrentHashMap<>();
    io.vertx.core.Handler<io.vertx.core.eventbus.DeliveryContext<Object>> spy = dc -> {
      byAddress.putIfAbsent(dc.message().address(), Thread.currentThread().getName());
      dc.next();
    };
    vertx.eventBus().addInboundInterceptor(spy);
    try {
      await(dev.ordertracker.api.OrderTracker.create(vertx, addresses).getActiveOrders());
      await(vertx.eventBus().request(addresses.adapterStatus(), null));
      vertx.eventBus().publish(addresses.event(EventType.ORDER_PLACED), new JsonObject().put("probe", true));
      waitFor(() -> byAddress.containsKey(addresses.event(EventType.ORDER_PLACED)), 10_000);
      events.set(0);
    } finally {
      vertx.eventBus().removeInboundInterceptor(spy);
    }
    threads.put("tracker", byAddress.get(addresses.tracker()));
    threads.put("adapter", byAddress.get(addresses.adapterStatus()));
    threads.put("consumer", byAddress.get(addresses.event(EventType.ORDER_PLACED)));
  }

  /** One line: the layout, the event loop of each part, the transport, the collector and the heap. */
  String describe() {
    List<String> collectors = new ArrayList<>();
    ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> collectors.add(gc.getName()));
    return "layout " + layout.name().toLowerCase(java.util.Locale.ROOT) + " " + threads + ", "
        + (vertx.isNativeTransportEnabled() ? "native epoll" : "NIO") + " transport, collectors " + collectors
        + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
  }

  /**
   * Event loops: the layout's ({@code -Devent.loops=N} overrides); the native epoll transport unless
   * {@code -Dnative.transport=false} (NIO's selector cannot sleep less than a millisecond, so the simulator's 1 ms
   * pacing timer made its event loop spin; measured: 0.2 cores).
   */
  static io.vertx.core.VertxOptions vertxOptions(Layout layout) {
    io.vertx.core.VertxOptions options = new io.vertx.core.VertxOptions()
        .setPreferNativeTransport(Boolean.parseBoolean(System.getProperty("native.transport", "true")));
    int loops = Integer.getInteger("event.loops", layout.eventLoops);
    if (loops > 0) {
      options.setEventLoopPoolSize(loops);
    }
    return options;
  }

  JsonObject adapterConfig(boolean reconcile) {
    return new JsonObject().put("ws_api_url", simulator.wsApiUrl()).put("rest_url", simulator.restUrl())
        .put("reconcile_on_connect", reconcile).put("reconnect_initial_delay_ms", 50)
        .put("reconnect_max_delay_ms", 500).put("request_timeout_ms", 30_000)
        .put("accounts", new JsonArray().add(new JsonObject().put("name", AccountOptions.DEMO_NAME)
            .put("api_key", AccountOptions.DEMO_API_KEY).put("secret", AccountOptions.DEMO_SECRET)))
        .mergeIn(extraAdapterConfig == null ? new JsonObject() : extraAdapterConfig);
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
