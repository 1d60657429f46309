package dev.ordertracker.examples;

import dev.ordertracker.binance.BinanceUserDataVerticle;
import dev.ordertracker.binance.config.AccountConfig;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.bridge.BridgeOptions;
import dev.ordertracker.bridge.BridgeVerticle;
import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.core.OrderTrackerOptions;
import dev.ordertracker.core.OrderTrackerVerticle;
import dev.ordertracker.core.store.StoreOptions;
import dev.ordertracker.examples.config.ConfigLayers;
import dev.ordertracker.examples.config.ConfigLoader;
import dev.ordertracker.examples.config.LauncherConfig;
import dev.ordertracker.examples.launcher.OrderTrackerCommand;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

/**
 * The main job: the full stack in one JVM — the embedded Binance simulator with its auto-trader (unless real
 * credentials are given), the tracker with its durable store, the Binance adapter, and the bridge with the dashboard
 * and {@code /metrics}. Configured by {@link LauncherConfig} (file, environment, flags); on the simulator without a
 * configured key it generates one and prints the dashboard URL with a demo token; Ctrl-C (SIGINT/SIGTERM) undeploys
 * everything, which flushes the store and closes connections.
 */
public final class DemoMain {
  private static final Duration DEMO_TOKEN_TTL = Duration.ofHours(12);

  private DemoMain() {
  }

  /** {@code order-tracker run} with no flags: the configuration of the environment. */
  public static void main(String[] args) {
    OrderTrackerCommand.main(new String[] {"run"});
  }

  /** Runs the main job with a validated configuration ({@code order-tracker run}). */
  public static void run(LauncherConfig config, Map<String, String> env) {
    configureLogging();
    DemoSettings settings = DemoSettings.from(config);
    Vertx vertx = Tracing.apply(Vertx.builder().with(BridgeMetrics.vertxOptionsWithPrometheus()), env)
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
        .compose(running -> startNotifier(vertx, config.notifier(), env).map(running));
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
      step("using Binance at " + settings.exchangeUrl() + " (" + settings.adapterConfig()
          .getJsonArray(BinanceAdapterOptions.ACCOUNTS).size() + " account(s), one connection)");
      exchange = Future.succeededFuture(null);
    }
    BridgeVerticle bridge = new BridgeVerticle();
    BridgeOptions bridgeOptions = settings.bridge();
    boolean demoKey = settings.simulated() && bridgeOptions.getJwt().symmetric()
        && bridgeOptions.getJwt().secret() == null;
    if (demoKey) {
      // the demo alone invents a key: a throw-away secret for this run on the simulator, never printed (the token is)
      bridgeOptions = new BridgeOptions(bridgeOptions.toJson()).setJwt(bridgeOptions.getJwt().withSecret(randomSecret()));
    }
    JsonObject bridgeConfig = bridgeOptions.toJson();
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
            return vertx.deployVerticle(bridge, new DeploymentOptions().setConfig(bridgeConfig));
          })
          .map(id -> {
            String token = demoKey ? bridge.tokens().issue("demo", DEMO_TOKEN_TTL)
                : "(a key is configured: mint one with `order-tracker token --sub you`)";
            return new Running(bridge.dashboardUrl(demoKey ? token : "<token>"), token, bridge.httpPort(), bridge.tcpPort(),
                simulator != null ? "embedded simulator " + simulator.wsApiUrl()
                    : settings.exchangeUrl(),
                simulator);
          });
    });
  }

  /**
   * Notifications (notifier module): with NOTIFY_WEBHOOK_URL set, every ORDER_FILLED, ERROR_OCCURRED and ORDER_LOST
   * is POSTed to it as JSON, signed with NOTIFY_WEBHOOK_SECRET when set ({@link NotifierOptions#fromEnvironment});
   * else the configuration's {@code notifier} section, if any; otherwise nothing is deployed. A malformed URL fails
   * the start naming the variable; once running, the notifier only listens, so a webhook that is down never affects
   * tracking.
   */
  public static Future<String> startNotifier(Vertx vertx, NotifierOptions configured, Map<String, String> env) {
    NotifierOptions options;
    try {
      NotifierOptions fromEnv = NotifierOptions.fromEnvironment(env);
      options = fromEnv != null ? fromEnv : configured;
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    if (options == null) {
      return Future.succeededFuture("");
    }
    step("deploying the notifier (" + options.getSinks().size() + " sink(s))");
    return vertx.deployVerticle(new NotifierVerticle(options));
  }

  /** {@link #startNotifier(Vertx, NotifierOptions, Map)} with the environment only. */
  public static Future<String> startNotifier(Vertx vertx, Map<String, String> env) {
    return startNotifier(vertx, null, env);
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void step(String what) {
    System.out.println("[demo] " + what + " …");
  }

  /** Readable logs: our INFO lines, third parties at WARNING. */
  public static void configureLogging() {
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

  /** What the main job runs with: the validated configuration and the main job's defaults. */
  public record DemoSettings(boolean simulated, JsonObject adapterConfig, BridgeOptions bridge, JsonObject tracker,
                             int simulatorPort, double autoTraderOrdersPerSecond, String storeDescription) {
    /** The main job's store when the configuration names none: SQLite in {@code ./data}. */
    public static final String DEFAULT_DATA_DIR = "data";

    public String bridgeHost() {
      return bridge.getHost();
    }

    /** The WebSocket API endpoint the adapter connects to. */
    public String exchangeUrl() {
      return adapterConfig.getString(BinanceAdapterOptions.WS_API_URL, BinanceAdapterOptions.DEFAULT_WS_API_URL);
    }

    /** The main job's reading of the configuration: {@code tracker.store} absent means SQLite in ./data. */
    public static DemoSettings from(LauncherConfig config) {
      JsonObject tracker = config.tracker();
      String store;
      if (!tracker.containsKey(OrderTrackerOptions.STORE)) {
        tracker.put(OrderTrackerOptions.STORE, new JsonObject().put(StoreOptions.TYPE, StoreOptions.TYPE_SQLITE)
            .put(StoreOptions.DATA_DIR, DEFAULT_DATA_DIR));
      }
      if (tracker.getValue(OrderTrackerOptions.STORE) == null) {
        tracker.remove(OrderTrackerOptions.STORE);
        store = "none, in memory only";
      } else {
        StoreOptions options = new StoreOptions(tracker.getJsonObject(OrderTrackerOptions.STORE));
        store = StoreOptions.TYPE_SQLITE.equals(options.getType()) ? "SQLite in " + options.getDataDir() + "/"
            : "PostgreSQL " + options.toJson().getString(StoreOptions.PG_URL);
      }
      return new DemoSettings(config.simulated(), config.binance(), config.bridgeOptions(), tracker,
          config.simulatorPort(), config.autoTraderRate(), store);
    }

    /** The configuration of {@code env} alone (no file, no flags): see {@link ConfigLayers}. */
    public static DemoSettings fromEnvironment(Map<String, String> env) {
      return from(ConfigLoader.loadNow(null, env, Map.of()));
    }
  }
}
