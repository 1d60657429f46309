package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.config.ConfigReader;
import dev.ordertracker.examples.config.ClusterSettings;
import dev.ordertracker.examples.config.ConfigKey;
import dev.ordertracker.examples.config.ConfigKeys;
import dev.ordertracker.examples.config.LauncherConfig;
import dev.ordertracker.examples.launcher.OrderTrackerCommand;
import io.vertx.core.json.JsonObject;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings of one {@link ClusterNode}: the {@code cluster} section of the launcher's configuration
 * ({@link LauncherConfig}: file, then environment such as {@code CLUSTER_PORT}, then flags such as
 * {@code --cluster-port 5701}) and the sections of the roles' verticles. Every error names the key and its flag.
 */
public final class ClusterNodeOptions {
  public static final String DEFAULT_CLUSTER_HOST = "127.0.0.1";
  public static final int DEFAULT_CLUSTER_PORT = 5701;
  /** Ports tried from {@code clusterPort} upwards when it is taken (several nodes on one host). */
  public static final int PORT_COUNT = 20;
  public static final String DEFAULT_CLUSTER_NAME = "order-tracker";
  public static final String DEFAULT_ROLES = "consumer";
  public static final int DEFAULT_EVENTBUS_PORT = 0;
  public static final String DEFAULT_HA_GROUP = "order-tracker";
  public static final int DEFAULT_HA_QUORUM = 1;
  /** Hazelcast's own default: a silent (hung, partitioned) member is removed after 60 s. */
  public static final int DEFAULT_MAX_NO_HEARTBEAT_SECONDS = 60;
  /** How members find each other: an explicit TCP-IP member list, or Hazelcast's built-in Kubernetes discovery. */
  public static final String DISCOVERY_TCP_IP = "tcp-ip";
  public static final String DISCOVERY_KUBERNETES = "kubernetes";
  public static final String DEFAULT_DISCOVERY = DISCOVERY_TCP_IP;

  /** Flag name → environment variable, in the order of {@code --help}. */
  public static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    for (ConfigKey key : ConfigKeys.ALL) {
      if (key.flag() != null && key.env() != null) {
        FLAGS.put(key.flag(), key.env());
      }
    }
  }

  private final LauncherConfig config;
  private final String clusterHost;
  private final int clusterPort;
  private final List<String> members;
  private final String clusterName;
  private final int eventBusPort;
  private final Set<NodeRole> roles;
  private final String haGroup;
  private final int haQuorum;
  private final boolean flushCoalescing;
  private final int maxNoHeartbeatSeconds;
  private final String discovery;
  private final String kubernetesServiceDns;
  private final String kubernetesNamespace;
  private final String kubernetesServiceName;

  /** The node's settings from a validated configuration. */
  public ClusterNodeOptions(LauncherConfig config) {
    this.config = config;
    ClusterSettings cluster = config.cluster();
    ConfigReader r = cluster.reader();
    clusterHost = r.text(ClusterSettings.HOST, DEFAULT_CLUSTER_HOST).trim();
    clusterPort = r.intValue(ClusterSettings.PORT, DEFAULT_CLUSTER_PORT, 1, 65535);
    members = memberList(cluster.list(ClusterSettings.MEMBERS, List.of()));
    clusterName = r.text(ClusterSettings.NAME, DEFAULT_CLUSTER_NAME).trim();
    eventBusPort = r.intValue(ClusterSettings.EVENTBUS_PORT, DEFAULT_EVENTBUS_PORT, 0, 65535);
    roles = NodeRole.parseList(String.join(",", cluster.list(ClusterSettings.ROLES, List.of(DEFAULT_ROLES))));
    haGroup = r.text(ClusterSettings.HA_GROUP, DEFAULT_HA_GROUP).trim();
    haQuorum = r.intValue(ClusterSettings.HA_QUORUM, DEFAULT_HA_QUORUM, 1, Integer.MAX_VALUE);
    int heartbeat = r.intValue(ClusterSettings.MAX_NO_HEARTBEAT_SECONDS, DEFAULT_MAX_NO_HEARTBEAT_SECONDS, 1,
        Integer.MAX_VALUE);
    if (r.bool(ClusterSettings.FAST_FAILURE_DETECTION, false)) {
      heartbeat = Math.min(heartbeat, HazelcastClusterConfig.FAST_MAX_NO_HEARTBEAT_SECONDS);
    }
    maxNoHeartbeatSeconds = heartbeat;
    flushCoalescing = r.bool(ClusterSettings.FLUSH_COALESCING, false);
    String d = r.text(ClusterSettings.DISCOVERY, DEFAULT_DISCOVERY).trim().toLowerCase(Locale.ROOT);
    if (!d.equals(DISCOVERY_TCP_IP) && !d.equals(DISCOVERY_KUBERNETES)) {
      throw new IllegalArgumentException(named(ClusterSettings.DISCOVERY) + " must be " + DISCOVERY_TCP_IP + " or "
          + DISCOVERY_KUBERNETES + ": '" + d + "'");
    }
    discovery = d;
    kubernetesServiceDns = r.text(ClusterSettings.KUBERNETES_SERVICE_DNS, null);
    kubernetesNamespace = r.text(ClusterSettings.KUBERNETES_NAMESPACE, null);
    kubernetesServiceName = r.text(ClusterSettings.KUBERNETES_SERVICE_NAME, null);
    validateDiscovery();
  }

  /**
   * The node's settings from {@code node} flags (as on the command line, {@code --config FILE} included) and
   * {@code env}: what {@code order-tracker node} reads.
   */
  public static ClusterNodeOptions parse(String[] args, Map<String, String> env) {
    return new ClusterNodeOptions(OrderTrackerCommand.nodeConfig(args, env));
  }

  /** {@code cluster.<key> (--flag)}: how a message names a setting. */
  private static String named(String key) {
    String path = "cluster." + key;
    return ConfigKeys.ALL.stream().filter(k -> path.equals(k.path()) && k.flag() != null).findFirst()
        .map(k -> path + " (--" + k.flag() + ")").orElse(path);
  }

  /** Kubernetes discovery needs a way to find the pods and this pod's own address; TCP-IP takes no k8s settings. */
  private void validateDiscovery() {
    boolean k8sFlags = kubernetesServiceDns != null || kubernetesNamespace != null || kubernetesServiceName != null;
    if (discovery.equals(DISCOVERY_TCP_IP)) {
      if (k8sFlags) {
        throw new IllegalArgumentException("cluster.kubernetes_* (--kubernetes-* flags) need cluster.discovery "
            + DISCOVERY_KUBERNETES + " (--discovery " + DISCOVERY_KUBERNETES + ")");
      }
      return;
    }
    if (kubernetesServiceDns != null && (kubernetesNamespace != null || kubernetesServiceName != null)) {
      throw new IllegalArgumentException(named(ClusterSettings.KUBERNETES_SERVICE_DNS) + " (DNS lookup mode) excludes "
          + named(ClusterSettings.KUBERNETES_NAMESPACE) + " and " + named(ClusterSettings.KUBERNETES_SERVICE_NAME)
          + " (Kubernetes API mode): choose one mode");
    }
    if (!members.isEmpty()) {
      throw new IllegalArgumentException(named(ClusterSettings.MEMBERS) + " is for discovery " + DISCOVERY_TCP_IP
          + "; with " + DISCOVERY_KUBERNETES + " the pods are found through the Kubernetes service");
    }
    if (clusterHost.equals(DEFAULT_CLUSTER_HOST)) {
      throw new IllegalArgumentException("discovery " + DISCOVERY_KUBERNETES + " needs " + named(ClusterSettings.HOST)
          + " set to the pod's IP (CLUSTER_HOST from the downward API: fieldRef status.podIP), not "
          + DEFAULT_CLUSTER_HOST);
    }
  }

  /** One line per flag, for the README. */
  public static String usage() {
    StringBuilder out = new StringBuilder("node flags (environment variable in brackets):\n");
    FLAGS.forEach((flag, env) -> out.append("  --").append(flag).append(" [").append(env).append("]\n"));
    return out.toString();
  }

  /** The whole validated configuration. */
  public LauncherConfig config() {
    return config;
  }

  public String clusterHost() {
    return clusterHost;
  }

  public int clusterPort() {
    return clusterPort;
  }

  /** {@code host} or {@code host:port} entries; empty = this node alone (plus its own port range). */
  public List<String> members() {
    return members;
  }

  public String clusterName() {
    return clusterName;
  }

  public int eventBusPort() {
    return eventBusPort;
  }

  public Set<NodeRole> roles() {
    return roles.isEmpty() ? EnumSet.noneOf(NodeRole.class) : EnumSet.copyOf(roles);
  }

  /** The bridge's HTTP port ({@code bridge.http_port}). */
  public int httpPort() {
    return config.bridgeOptions().getHttpPort();
  }

  public String haGroup() {
    return haGroup;
  }

  public int haQuorum() {
    return haQuorum;
  }

  /** Whether the node's Vert.x uses {@link FlushCoalescingTransport} (off by default). */
  public boolean flushCoalescing() {
    return flushCoalescing;
  }

  public int maxNoHeartbeatSeconds() {
    return maxNoHeartbeatSeconds;
  }

  /** The replicated tracker's deployment config ({@code cluster.replication} wrapping the tracker section). */
  public JsonObject trackerConfig() {
    return config.replicatedTrackerConfig();
  }

  /** The adapter's deployment config (the binance section). */
  public JsonObject adapterConfig() {
    return config.binance();
  }

  /** The bridge's deployment config (the bridge section). */
  public JsonObject bridgeConfig() {
    return config.bridge();
  }

  public int simulatorPort() {
    return config.simulatorPort();
  }

  /** {@link #DISCOVERY_TCP_IP} (default) or {@link #DISCOVERY_KUBERNETES}. */
  public String discovery() {
    return discovery;
  }

  /** Kubernetes DNS lookup mode: the headless service's DNS name, e.g. {@code order-tracker-hz.trading.svc.cluster.local}. */
  public String kubernetesServiceDns() {
    return kubernetesServiceDns;
  }

  /** Kubernetes API mode: the namespace (absent: the pod's own, from its service account). */
  public String kubernetesNamespace() {
    return kubernetesNamespace;
  }

  /** Kubernetes API mode: the service whose endpoints are the members (absent: every pod of the namespace). */
  public String kubernetesServiceName() {
    return kubernetesServiceName;
  }

  private static List<String> memberList(List<String> entries) {
    for (String member : entries) {
      if (member.matches(".*:\\d+-\\d+")) {
        // Hazelcast 5.3 throws NumberFormatException on port ranges in a TCP-IP member.
        throw new IllegalArgumentException(named(ClusterSettings.MEMBERS) + ": port ranges are not supported ('"
            + member + "'); list host or host:port entries");
      }
    }
    return List.copyOf(entries);
  }
}
