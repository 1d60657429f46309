package dev.ordertracker.examples.config;

import dev.ordertracker.examples.config.ConfigKey.Type;

import java.util.List;
import java.util.Optional;

/**
 * Every setting a variable or a flag can set, in the order of {@code --help}. The keys of the configuration file are
 * the verticles' own option keys under one section each (README, "Configuration"); this table only says which of
 * them have a variable or a flag. Accounts and the webhook have variables with their own shape ({@link ConfigLayers}).
 */
public final class ConfigKeys {
  private ConfigKeys() {
  }

  public static final List<ConfigKey> ALL = List.of(
      key("binance.ws_api_url", "BINANCE_WS_API_URL", "ws-api-url", Type.STRING, "Binance WebSocket API endpoint"),
      key("binance.rest_url", "BINANCE_REST_URL", "rest-url", Type.STRING, "Binance REST endpoint (order executor)"),
      key("bridge.http_port", "HTTP_PORT", "http-port", Type.INT, "dashboard, SockJS, /metrics, /health (0 = any)"),
      key("bridge.tcp_port", "TCP_BRIDGE_PORT", "tcp-port", Type.INT, "TCP event-bus bridge (0 = any)"),
      key("bridge.host", "BRIDGE_HOST", "bridge-host", Type.STRING, "bind address of the bridge"),
      key("bridge.mutation_role", "BRIDGE_MUTATION_ROLE", "mutation-role", Type.STRING,
          "token role allowed to call tracker mutations"),
      key("bridge.jwt.secret", "BRIDGE_JWT_SECRET", null, Type.STRING, "HS256 secret of the bridge's tokens"),
      key("bridge.jwt.algorithm", "BRIDGE_JWT_ALGORITHM", null, Type.STRING, "HS256 | HS384 | HS512 | RS256 | ES256"),
      key("bridge.jwt.public_key_pem", "BRIDGE_JWT_PUBLIC_KEY_PEM", null, Type.STRING, "RS256/ES256 public key"),
      key("bridge.jwt.private_key_pem", "BRIDGE_JWT_PRIVATE_KEY_PEM", null, Type.STRING, "RS256/ES256 private key"),
      key("bridge.jwt.audience", "BRIDGE_JWT_AUDIENCE", null, Type.STRING, "the bridge's audience"),
      key("bridge.jwt.issuer", "BRIDGE_JWT_ISSUER", null, Type.STRING, "the issuer every token must name"),
      key("simulator.port", "SIMULATOR_PORT", "simulator-port", Type.INT, "port of the simulator (0 = any)"),
      key("simulator.auto_trader_rate", "AUTO_TRADER_RATE", "auto-trader-rate", Type.NUMBER,
          "run: orders per second of the simulator's auto-trader"),
      key("cluster.host", "CLUSTER_HOST", "cluster-host", Type.STRING, "node: address other members reach"),
      key("cluster.port", "CLUSTER_PORT", "cluster-port", Type.INT, "node: Hazelcast port (next free one taken)"),
      key("cluster.members", "CLUSTER_MEMBERS", "members", Type.LIST, "node: host[:port] list (tcp-ip discovery)"),
      key("cluster.name", "CLUSTER_NAME", "cluster-name", Type.STRING, "node: cluster name"),
      key("cluster.eventbus_port", "EVENTBUS_PORT", "eventbus-port", Type.INT, "node: event-bus port (0 = any)"),
      key("cluster.roles", "NODE_ROLES", "roles", Type.LIST,
          "node: tracker, adapter, bridge, simulator, consumer"),
      key("cluster.ha_group", "HA_GROUP", "ha-group", Type.STRING, "node: Vert.x HA group"),
      key("cluster.ha_quorum", "HA_QUORUM", "ha-quorum", Type.INT, "node: members needed to run the singletons"),
      key("cluster.fast_failure_detection", "FAST_FAILURE_DETECTION", "fast-failure-detection", Type.BOOL,
          "node: 5 s heartbeat timeout instead of 60 s"),
      key("cluster.flush_coalescing", "FLUSH_COALESCING", "flush-coalescing", Type.BOOL,
          "node: one socket flush per event-loop task instead of per message (throughput for latency)"),
      key("cluster.max_no_heartbeat_seconds", "MAX_NO_HEARTBEAT_SECONDS", "max-no-heartbeat-seconds", Type.INT,
          "node: a silent member is removed after this long"),
      key("cluster.discovery", "CLUSTER_DISCOVERY", "discovery", Type.STRING, "node: tcp-ip | kubernetes"),
      key("cluster.kubernetes_service_dns", "KUBERNETES_SERVICE_DNS", "kubernetes-service-dns", Type.STRING,
          "node: headless service DNS name (kubernetes discovery)"),
      key("cluster.kubernetes_namespace", "KUBERNETES_NAMESPACE", "kubernetes-namespace", Type.STRING,
          "node: namespace (kubernetes API discovery)"),
      key("cluster.kubernetes_service_name", "KUBERNETES_SERVICE_NAME", "kubernetes-service-name", Type.STRING,
          "node: service whose endpoints are the members"),
      // whole sections as JSON, the cluster launcher's original surface (deploy/ uses them)
      key(null, "TRACKER_CONFIG", "tracker-config", Type.JSON,
          "replicated tracker options: {tracker: {...}, lease_ms, ...} (tracker and cluster.replication)"),
      key("binance", "ADAPTER_CONFIG", "adapter-config", Type.JSON, "the binance section as JSON"),
      key("bridge", "BRIDGE_CONFIG", "bridge-config", Type.JSON, "the bridge section as JSON"));

  /** The TRACKER_CONFIG / --tracker-config entry (a blob split over two sections). */
  public static final ConfigKey TRACKER_CONFIG = ALL.stream().filter(k -> "TRACKER_CONFIG".equals(k.env()))
      .findFirst().orElseThrow();

  /** The cluster's settings (and the replicated tracker's blob): flags of {@code node} only. */
  public static boolean nodeOnly(ConfigKey key) {
    return key == TRACKER_CONFIG || key.path() != null && key.path().startsWith("cluster.");
  }

  public static Optional<ConfigKey> byFlag(String flag) {
    return ALL.stream().filter(k -> flag.equals(k.flag())).findFirst();
  }

  private static ConfigKey key(String path, String env, String flag, Type type, String help) {
    return new ConfigKey(path, env, flag, type, help);
  }
}
