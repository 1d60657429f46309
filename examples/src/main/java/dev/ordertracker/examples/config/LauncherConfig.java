package dev.ordertracker.examples.config;

import dev.ordertracker.api.config.ConfigReader;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.bridge.BridgeOptions;
import dev.ordertracker.core.OrderTrackerOptions;
import dev.ordertracker.core.cluster.ReplicatedTrackerOptions;
import dev.ordertracker.notifier.NotifierOptions;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.function.Function;

/**
 * The one configuration of every mode ({@code run} and {@code node}), validated once: each section is checked by the
 * options class of the verticle it configures, so an unknown key or a bad value fails the start with a message that
 * names it by its full path ({@code bridge.http_prot: unknown bridge option}).
 *
 * <pre>
 *   binance:    BinanceUserDataVerticle options (ws_api_url, rest_url, accounts: [{name, api_key, secret | ...}], ...)
 *   tracker:    OrderTrackerVerticle options (max_history_size, store: {type, data_dir, ...}, ...)
 *   bridge:     BridgeVerticle options (http_port, tcp_port, host, jwt: {secret, ...}, ...)
 *   simulator:  port, auto_trader_rate                    the embedded simulator (run) / the simulator role (node)
 *   notifier:   NotifierVerticle options (sinks, rules)   absent: no notifier
 *   cluster:    node only: host, port, members, roles, ..., replication: {lease_ms, ...}
 * </pre>
 */
public final class LauncherConfig {
  public static final String BINANCE = "binance";
  public static final String TRACKER = "tracker";
  public static final String BRIDGE = "bridge";
  public static final String SIMULATOR = "simulator";
  public static final String NOTIFIER = "notifier";
  public static final String CLUSTER = "cluster";
  private static final Set<String> SECTIONS = Set.of(BINANCE, TRACKER, BRIDGE, SIMULATOR, NOTIFIER, CLUSTER);

  public static final String SIMULATOR_PORT = "port";
  public static final String AUTO_TRADER_RATE = "auto_trader_rate";
  private static final Set<String> SIMULATOR_KEYS = Set.of(SIMULATOR_PORT, AUTO_TRADER_RATE);
  public static final int DEFAULT_SIMULATOR_PORT = 0;
  public static final double DEFAULT_AUTO_TRADER_RATE = 2;

  private final JsonObject binance;
  private final BinanceAdapterOptions binanceOptions;
  private final JsonObject tracker;
  private final JsonObject bridge;
  private final BridgeOptions bridgeOptions;
  private final int simulatorPort;
  private final double autoTraderRate;
  private final NotifierOptions notifier;
  private final ClusterSettings cluster;

  private LauncherConfig(JsonObject json) {
    ConfigReader root = ConfigReader.of(json, "", SECTIONS, "section");
    binance = object(root, BINANCE);
    binanceOptions = section(BINANCE, binance, BinanceAdapterOptions::new);
    tracker = object(root, TRACKER);
    section(TRACKER, tracker.copy(), OrderTrackerOptions::new);
    bridge = object(root, BRIDGE);
    bridgeOptions = section(BRIDGE, bridge, BridgeOptions::new);
    ConfigReader simulator = ConfigReader.of(object(root, SIMULATOR), SIMULATOR + ".", SIMULATOR_KEYS,
        "simulator option");
    simulatorPort = simulator.intValue(SIMULATOR_PORT, DEFAULT_SIMULATOR_PORT, 0, 65535);
    autoTraderRate = simulator.doubleValue(AUTO_TRADER_RATE, DEFAULT_AUTO_TRADER_RATE);
    if (!(autoTraderRate > 0 && autoTraderRate <= 1000)) {
      throw new IllegalArgumentException(simulator.name(AUTO_TRADER_RATE) + ": expected orders per second in (0, 1000],"
          + " was " + autoTraderRate);
    }
    notifier = root.has(NOTIFIER) ? section(NOTIFIER, root.object(NOTIFIER), j -> new NotifierOptions(j).validate())
        : null;
    cluster = new ClusterSettings(object(root, CLUSTER));
    // the replicated tracker's own keys are checked with the tracker section they wrap
    section(CLUSTER + "." + ClusterSettings.REPLICATION, replicatedTrackerConfig(), ReplicatedTrackerOptions::new);
  }

  /** @throws IllegalArgumentException naming the key by its full path */
  public static LauncherConfig from(JsonObject merged) {
    return new LauncherConfig(merged.copy());
  }

  /** The adapter's deployment config (with its credentials: never log it; log {@link #binanceOptions()}). */
  public JsonObject binance() {
    return binance.copy();
  }

  public BinanceAdapterOptions binanceOptions() {
    return binanceOptions;
  }

  /** No account configured: {@code run} starts the embedded simulator and tracks its demo account. */
  public boolean simulated() {
    return binanceOptions.getAccounts().isEmpty();
  }

  /** The tracker's options as given; {@code store} absent means "the mode's default", null means none. */
  public JsonObject tracker() {
    return tracker.copy();
  }

  /** The bridge's deployment config (with its key: never log it). */
  public JsonObject bridge() {
    return bridge.copy();
  }

  public BridgeOptions bridgeOptions() {
    return bridgeOptions;
  }

  public int simulatorPort() {
    return simulatorPort;
  }

  public double autoTraderRate() {
    return autoTraderRate;
  }

  /** The file's notifier, or null. */
  public NotifierOptions notifier() {
    return notifier;
  }

  public ClusterSettings cluster() {
    return cluster;
  }

  /**
   * The replicated tracker's config: {@code cluster.replication} with the tracker section as its {@code tracker},
   * without {@code store}: a cluster node keeps the tracker's state in the cluster (see {@link #nodeIgnoresStore}).
   */
  public JsonObject replicatedTrackerConfig() {
    JsonObject trackerOptions = tracker.copy();
    trackerOptions.remove(OrderTrackerOptions.STORE);
    return cluster.replication().put(ReplicatedTrackerOptions.TRACKER, trackerOptions);
  }

  /** A {@code tracker.store} is configured, which {@code node} does not use (its launcher says so at start). */
  public boolean nodeIgnoresStore() {
    return tracker.getValue(OrderTrackerOptions.STORE) != null;
  }

  private static JsonObject object(ConfigReader root, String key) {
    return root.has(key) ? root.object(key).copy() : new JsonObject();
  }

  /** Validates a section with its options class; its messages get the section's path. */
  private static <T> T section(String name, JsonObject json, Function<JsonObject, T> options) {
    try {
      return options.apply(json);
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      throw new IllegalArgumentException(m.startsWith(name + ".") ? m : name + "." + m, e);
    }
  }
}
