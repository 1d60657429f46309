package dev.ordertracker.examples;

import dev.ordertracker.binance.BinanceUserDataVerticle;
import dev.ordertracker.binance.config.AccountConfig;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.bridge.BridgeOptions;
import dev.ordertracker.bridge.BridgeVerticle;
import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.core.OrderTrackerVerticle;
import dev.ordertracker.notifier.NotifierOptions;
import dev.ordertracker.notifier.NotifierVerticle;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.AutoTraderOptions;
import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

/**
 * The main job: the full stack in one JVM — the embedded Binance simulator with its auto-trader (unless real
 * credentials are given), the tracker with its durable store, the Binance adapter, and the bridge with the dashboard
 * and {@code /metrics}. Configured by environment variables (see {@link DemoSettings}); prints the dashboard URL with a
 * demo token; Ctrl-C (SIGINT/SIGTERM) undeploys everything, which flushes the store and closes connections.
 */
public final class DemoMain {
  private DemoMain() {
  }

  public static void main(String[] args) {
    configureLogging();
    DemoSettings settings;
    try {
      settings = DemoSettings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("demo: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Tracing.apply(Vertx.builder().with(BridgeMetrics.vertxOptionsWithPrometheus()), System.getenv())
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("[demo] shutting down: flushing the store, closing connections…");
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        System.out.println("[demo] stopped cleanly");
      } catch (Exception e) {
        System.err.println("[demo] shutdown incomplete: " + e);
      }
    }, "demo-shutdown"));
    Future<Running> started = start(vertx, settings)
        .compose(running -> startNotifier(vertx, System.getenv()).map(running));
    started.onComplete(result -> {
      if (result.failed()) {
        System.err.println("[demo] failed to start: " + result.cause().getMessage());
        vertx.close().onComplete(v -> System.exit(1));
        return;
      }
      Running running = result.result();
      System.out.println();
      System.out.println("  Dashboard:   " + running.dashboardUrl());
      System.out.println("  Demo token:  " + running.token());
      System.out.println("  Metrics:     http://" + settings.bridgeHost() + ":" + running.httpPort() + "/metrics");
      System.out.println("  Health:      http://" + settings.bridgeHost() + ":" + running.httpPort() + "/health");
      System.out.println("  TCP bridge:  " + settings.bridgeHost() + ":" + running.tcpPort());
      System.out.println("  Exchange:    " + running.exchange());
      System.out.println();
      System.out.println("DEMO-READY " + running.dashboardUrl());
      System.out.println("Press Ctrl-C to stop.");
    });
  }

  /** What a started demo tells its user. */
  public record Running(String dashboardUrl, String token, int httpPort, int tcpPort, String exchange,
                        BinanceSimulator simulator) {
  }

  /** Starts the stack on {@code vertx}; the caller owns and closes {@code vertx}. */
  public static Future<Running> start(Vertx vertx, DemoSettings settings) {
    Future<BinanceSimulator> exchange;
    if (settings.simulated()) {
      step("starting the embedded Binance simulator with its auto-trader (no keys needed)");
      SimulatorOptions simOptions = new SimulatorOptions()
          .setPort(settings.simulatorPort())
          .setAutoTrader(new AutoTraderOptions().setEnabled(true)
              .setAccount(AccountOptions.DEMO_NAME)
              .setSymbols(List.of("BTCUSDT", "ETHUSDT", "BNBUSDT"))
              .setOrdersPerSecond(settings.autoTraderOrdersPerSecond()));
      BinanceSimulator simulator = BinanceSimulator.create(vertx, simOptions);
      exchange = simulator.start().map(port -> {
        settings.adapterConfig().put(BinanceAdapterOptions.WS_API_URL, simulator.wsApiUrl())
            .put(BinanceAdapterOptions.REST_URL, simulator.restUrl())
            .put(BinanceAdapterOptions.ACCOUNTS, new JsonArray().add(new JsonObject()
                .put(AccountConfig.NAME, AccountOptions.DEMO_NAME)
                .put(AccountConfig.API_KEY, AccountOptions.DEMO_API_KEY)
                .put(AccountConfig.SECRET, AccountOptions.DEMO_SECRET)));
        return simulator;
      });
    } else {
      step("using Binance at " + settings.adapterConfig().getString(BinanceAdapterOptions.WS_API_URL));
      exchange = Future.succeededFuture(null);
    }
    BridgeVerticle bridge = new BridgeVerticle();
    return exchange.compose(simulator -> {
      step("deploying the tracker (store: " + settings.storeDescription() + ")");
      return vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions().setConfig(settings.tracker()))
          .compose(id -> {
            step("deploying the Binance adapter (connect, subscribe, reconcile)");
            return vertx.deployVerticle(new BinanceUserDataVerticle(),
                new DeploymentOptions().setConfig(settings.adapterConfig()));
          })
          .compose(id -> {
            step("deploying the event-bus bridge and dashboard");
            return vertx.deployVerticle(bridge, new DeploymentOptions().setConfig(settings.bridge().toJson()));
          })
          .map(id -> {
            String token = bridge.demoToken() != null ? bridge.demoToken() : "(BRIDGE_JWT_SECRET is set: bring your own)";
            return new Running(bridge.dashboardUrl(bridge.demoToken()), token, bridge.httpPort(), bridge.tcpPort(),
                simulator != null ? "embedded simulator " + simulator.wsApiUrl()
                    : settings.adapterConfig().getString(BinanceAdapterOptions.WS_API_URL),
                simulator);
          });
    });
  }

  /**
   * Notifications (notifier module): with NOTIFY_WEBHOOK_URL set, every ORDER_FILLED, ERROR_OCCURRED and ORDER_LOST
   * is POSTed to it as JSON, signed with NOTIFY_WEBHOOK_SECRET when set ({@link NotifierOptions#fromEnvironment});
   * unset, nothing is deployed. A malformed URL fails the start naming the variable; once running, the notifier
   * only listens, so a webhook that is down never affects tracking.
   */
  public static Future<String> startNotifier(Vertx vertx, Map<String, String> env) {
    NotifierOptions options;
    try {
      options = NotifierOptions.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    if (options == null) {
      return Future.succeededFuture("");
    }
    step("deploying the notifier (webhook " + options.getSinks().get(0).toJson().getString("url") + ")");
    return vertx.deployVerticle(new NotifierVerticle(options));
  }

  private static void step(String what) {
    System.out.println("[demo] " + what + " …");
  }

  /** Readable logs: our INFO lines, third parties at WARNING. */
  static void configureLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream in = DemoMain.class.getResourceAsStream("/demo-logging.properties")) {
      if (in != null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    } catch (IOException e) {
      System.err.println("logging configuration not loaded: " + e.getMessage());
    }
  }

  /** Everything the demo reads from the environment, validated once. */
  public record DemoSettings(boolean simulated, JsonObject adapterConfig, BridgeOptions bridge, JsonObject tracker,
                             int simulatorPort, double autoTraderOrdersPerSecond, String storeDescription) {

    public String bridgeHost() {
      return bridge.getHost();
    }

    /**
     * BINANCE_* (see BinanceAdapterOptions.fromEnvironment), HTTP_PORT / TCP_BRIDGE_PORT / BRIDGE_* (see
     * BridgeOptions.fromEnvironment), DATA_DIR (default {@code data}; {@code none} = no store), SIMULATOR_PORT
     * (default 0 = any free port), AUTO_TRADER_RATE (orders/s, default 2).
     */
    public static DemoSettings fromEnvironment(Map<String, String> env) {
      // validates the BINANCE_* variables (naming the bad one); its toJson() redacts secrets by design, so the
      // deployment config gets the account with its key material from the environment directly
      BinanceAdapterOptions adapter = BinanceAdapterOptions.fromEnvironment(env);
      boolean simulated = adapter.getAccounts().isEmpty();
      JsonObject adapterConfig = adapter.toJson();
      if (!simulated) {
        JsonObject account = new JsonObject()
            .put(AccountConfig.NAME, env.getOrDefault("BINANCE_ACCOUNT_NAME", "main"))
            .put(AccountConfig.API_KEY, env.get("BINANCE_API_KEY").trim());
        if (env.get("BINANCE_SECRET_KEY") != null) {
          account.put(AccountConfig.SECRET, env.get("BINANCE_SECRET_KEY").trim());
        } else {
          account.put(AccountConfig.PRIVATE_KEY_FILE, env.get("BINANCE_PRIVATE_KEY_FILE").trim());
        }
        adapterConfig.put(BinanceAdapterOptions.ACCOUNTS, new JsonArray().add(account));
      }
      BridgeOptions bridge = BridgeOptions.fromEnvironment(env);
      String dataDir = env.getOrDefault("DATA_DIR", "data");
      JsonObject tracker = new JsonObject();
      String store;
      if ("none".equalsIgnoreCase(dataDir)) {
        store = "none, in memory only";
      } else {
        tracker.put("store", new JsonObject().put("type", "sqlite").put("data_dir", dataDir));
        store = "SQLite in " + dataDir + "/";
      }
      int simulatorPort = integer(env, "SIMULATOR_PORT", 0);
      double rate = Double.parseDouble(env.getOrDefault("AUTO_TRADER_RATE", "2"));
      if (!(rate > 0 && rate <= 1000)) {
        throw new IllegalArgumentException("AUTO_TRADER_RATE: expected orders per second in (0, 1000], was " + rate);
      }
      return new DemoSettings(simulated, adapterConfig, bridge, tracker, simulatorPort, rate, store);
    }

    private static int integer(Map<String, String> env, String key, int defaultValue) {
      String v = env.get(key);
      if (v == null || v.isBlank()) {
        return defaultValue;
      }
      try {
        return Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + ": expected a port number, was '" + v + "'");
      }
    }
  }
}
