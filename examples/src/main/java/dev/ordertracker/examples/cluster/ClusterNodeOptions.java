package dev.ordertracker.examples.cluster;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings of one {@link ClusterNode}, from command-line flags ({@code --cluster-port 5701} or
 * {@code --cluster-port=5701}) with environment variables as fallback ({@code CLUSTER_PORT}), then defaults.
 * Unknown flags are rejected; every error names the flag.
 *
 * <p>JSON-valued settings ({@code --tracker-config}, {@code --adapter-config}, ...) take JSON text or
 * {@code @path/to/file.json}; they become the {@code DeploymentOptions} config of that role's verticle.
 */
public final class ClusterNodeOptions {
  public static final String DEFAULT_CLUSTER_HOST = "127.0.0.1";
  public static final int DEFAULT_CLUSTER_PORT = 5701;
  /** Ports tried from {@code clusterPort} upwards when it is taken (several nodes on one host). */
  public static final int PORT_COUNT = 20;
  public static final String DEFAULT_CLUSTER_NAME = "order-tracker";
  public static final String DEFAULT_ROLES = "consumer";
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final int DEFAULT_EVENTBUS_PORT = 0;
  public static final String DEFAULT_HA_GROUP = "order-tracker";
  public static final int DEFAULT_HA_QUORUM = 1;
  /** Hazelcast's own default: a silent (hung, partitioned) member is removed after 60 s. */
  public static final int DEFAULT_MAX_NO_HEARTBEAT_SECONDS = 60;
  public static final int DEFAULT_SIMULATOR_PORT = 0;
  /** How members find each other: an explicit TCP-IP member list, or Hazelcast's built-in Kubernetes discovery. */
  public static final String DISCOVERY_TCP_IP = "tcp-ip";
  public static final String DISCOVERY_KUBERNETES = "kubernetes";
  public static final String DEFAULT_DISCOVERY = DISCOVERY_TCP_IP;

  /** Flag name → environment variable. The order is the order of {@code --help}. */
  static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("cluster-host", "CLUSTER_HOST");
    FLAGS.put("cluster-port", "CLUSTER_PORT");
    FLAGS.put("members", "CLUSTER_MEMBERS");
    FLAGS.put("cluster-name", "CLUSTER_NAME");
    FLAGS.put("eventbus-port", "EVENTBUS_PORT");
    FLAGS.put("roles", "NODE_ROLES");
    FLAGS.put("http-port", "HTTP_PORT");
    FLAGS.put("ha-group", "HA_GROUP");
    FLAGS.put("ha-quorum", "HA_QUORUM");
    FLAGS.put("fast-failure-detection", "FAST_FAILURE_DETECTION");
    FLAGS.put("max-no-heartbeat-seconds", "MAX_NO_HEARTBEAT_SECONDS");
    FLAGS.put("tracker-config", "TRACKER_CONFIG");
    FLAGS.put("adapter-config", "ADAPTER_CONFIG");
    FLAGS.put("bridge-config", "BRIDGE_CONFIG");
    FLAGS.put("simulator-port", "SIMULATOR_PORT");
    FLAGS.put("discovery", "CLUSTER_DISCOVERY");
    FLAGS.put("kubernetes-service-dns", "KUBERNETES_SERVICE_DNS");
    FLAGS.put("kubernetes-namespace", "KUBERNETES_NAMESPACE");
    FLAGS.put("kubernetes-service-name", "KUBERNETES_SERVICE_NAME");
  }

  private String clusterHost = DEFAULT_CLUSTER_HOST;
  private int clusterPort = DEFAULT_CLUSTER_PORT;
  private List<String> members = List.of();
  private String clusterName = DEFAULT_CLUSTER_NAME;
  private int eventBusPort = DEFAULT_EVENTBUS_PORT;
  private Set<NodeRole> roles = NodeRole.parseList(DEFAULT_ROLES);
  private int httpPort = DEFAULT_HTTP_PORT;
  private String haGroup = DEFAULT_HA_GROUP;
  private int haQuorum = DEFAULT_HA_QUORUM;
  private int maxNoHeartbeatSeconds = DEFAULT_MAX_NO_HEARTBEAT_SECONDS;
  private JsonObject trackerConfig = new JsonObject();
  private JsonObject adapterConfig = new JsonObject();
  private JsonObject bridgeConfig = new JsonObject();
  private int simulatorPort = DEFAULT_SIMULATOR_PORT;
  private String discovery = DEFAULT_DISCOVERY;
  private String kubernetesServiceDns;
  private String kubernetesNamespace;
  private String kubernetesServiceName;

  /** Reads {@code args}, then {@code env} for what the flags did not set. */
  public static ClusterNodeOptions parse(String[] args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> flag : FLAGS.entrySet()) {
      String fromEnv = env.get(flag.getValue());
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(flag.getKey(), fromEnv.trim());
      }
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'; flags look like --cluster-port 5701");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (name.equals("fast-failure-detection")) {
        value = "true";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      if (!FLAGS.containsKey(name)) {
        throw new IllegalArgumentException("unknown flag --" + name + "; known: " + FLAGS.keySet());
      }
      values.put(name, value);
    }
    ClusterNodeOptions options = new ClusterNodeOptions();
    values.forEach(options::set);
    options.validateDiscovery();
    return options;
  }

  /** Kubernetes discovery needs a way to find the pods and this pod's own address; TCP-IP takes no k8s flags. */
  private void validateDiscovery() {
    boolean k8sFlags = kubernetesServiceDns != null || kubernetesNamespace != null || kubernetesServiceName != null;
    if (discovery.equals(DISCOVERY_TCP_IP)) {
      if (k8sFlags) {
        throw new IllegalArgumentException("--kubernetes-* flags need --discovery " + DISCOVERY_KUBERNETES);
      }
      return;
    }
    if (kubernetesServiceDns != null && (kubernetesNamespace != null || kubernetesServiceName != null)) {
      throw new IllegalArgumentException("--kubernetes-service-dns (DNS lookup mode) excludes --kubernetes-namespace"
          + " and --kubernetes-service-name (Kubernetes API mode): choose one mode");
    }
    if (!members.isEmpty()) {
      throw new IllegalArgumentException("--members is for --discovery " + DISCOVERY_TCP_IP
          + "; with " + DISCOVERY_KUBERNETES + " the pods are found through the Kubernetes service");
    }
    if (clusterHost.equals(DEFAULT_CLUSTER_HOST)) {
      throw new IllegalArgumentException("--discovery " + DISCOVERY_KUBERNETES + " needs --cluster-host set to the"
          + " pod's IP (CLUSTER_HOST from the downward API: fieldRef status.podIP), not " + DEFAULT_CLUSTER_HOST);
    }
  }

  private void set(String flag, String value) {
    switch (flag) {
      case "cluster-host": clusterHost = requireText(flag, value); break;
      case "cluster-port": clusterPort = port(flag, value, 1); break;
      case "members": members = memberList(value); break;
      case "cluster-name": clusterName = requireText(flag, value); break;
      case "eventbus-port": eventBusPort = port(flag, value, 0); break;
      case "roles": roles = NodeRole.parseList(value); break;
      case "http-port": httpPort = port(flag, value, 0); break;
      case "ha-group": haGroup = requireText(flag, value); break;
      case "ha-quorum": haQuorum = positive(flag, value); break;
      case "fast-failure-detection":
        if (bool(flag, value)) {
          maxNoHeartbeatSeconds = Math.min(maxNoHeartbeatSeconds, HazelcastClusterConfig.FAST_MAX_NO_HEARTBEAT_SECONDS);
        }
        break;
      case "max-no-heartbeat-seconds": maxNoHeartbeatSeconds = positive(flag, value); break;
      case "tracker-config": trackerConfig = json(flag, value); break;
      case "adapter-config": adapterConfig = json(flag, value); break;
      case "bridge-config": bridgeConfig = json(flag, value); break;
      case "simulator-port": simulatorPort = port(flag, value, 0); break;
      case "discovery": discovery = discovery(flag, value); break;
      case "kubernetes-service-dns": kubernetesServiceDns = requireText(flag, value); break;
      case "kubernetes-namespace": kubernetesNamespace = requireText(flag, value); break;
      case "kubernetes-service-name": kubernetesServiceName = requireText(flag, value); break;
      default: throw new IllegalArgumentException("unknown flag --" + flag);
    }
  }

  /** One line per flag, for {@code --help} and the README. */
  public static String usage() {
    StringBuilder out = new StringBuilder("ClusterNode flags (environment variable in brackets):\n");
    FLAGS.forEach((flag, env) -> out.append("  --").append(flag).append(" [").append(env).append("]\n"));
    return out.toString();
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

  public int httpPort() {
    return httpPort;
  }

  public String haGroup() {
    return haGroup;
  }

  public int haQuorum() {
    return haQuorum;
  }

  public int maxNoHeartbeatSeconds() {
    return maxNoHeartbeatSeconds;
  }

  public JsonObject trackerConfig() {
    return trackerConfig.copy();
  }

  public JsonObject adapterConfig() {
    return adapterConfig.copy();
  }

  public JsonObject bridgeConfig() {
    return bridgeConfig.copy();
  }

  public int simulatorPort() {
    return simulatorPort;
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

  private static String discovery(String flag, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!v.equals(DISCOVERY_TCP_IP) && !v.equals(DISCOVERY_KUBERNETES)) {
      throw new IllegalArgumentException("--" + flag + " must be " + DISCOVERY_TCP_IP + " or " + DISCOVERY_KUBERNETES
          + ": '" + value + "'");
    }
    return v;
  }

  private static String requireText(String flag, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + flag + " must not be blank");
    }
    return value.trim();
  }

  private static int port(String flag, String value, int min) {
    int port = integer(flag, value);
    if (port < min || port > 65535) {
      throw new IllegalArgumentException("--" + flag + " must be a port in [" + min + ", 65535]: " + value);
    }
    return port;
  }

  private static int positive(String flag, String value) {
    int n = integer(flag, value);
    if (n <= 0) {
      throw new IllegalArgumentException("--" + flag + " must be positive: " + value);
    }
    return n;
  }

  private static int integer(String flag, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + flag + " must be an integer: '" + value + "'", e);
    }
  }

  private static boolean bool(String flag, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("1") || v.equals("yes")) {
      return true;
    }
    if (v.equals("false") || v.equals("0") || v.equals("no")) {
      return false;
    }
    throw new IllegalArgumentException("--" + flag + " must be true or false: '" + value + "'");
  }

  private static List<String> memberList(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",")) {
      String member = part.trim();
      if (member.isEmpty()) {
        continue;
      }
      if (member.matches(".*:\\d+-\\d+")) {
        // Hazelcast 5.3 throws NumberFormatException on port ranges in a TCP-IP member.
        throw new IllegalArgumentException("--members: port ranges are not supported ('" + member
            + "'); list host or host:port entries");
      }
      out.add(member);
    }
    return List.copyOf(out);
  }

  private static JsonObject json(String flag, String value) {
    String text = value.trim();
    try {
      if (text.startsWith("@")) {
        text = Files.readString(Path.of(text.substring(1)));
      }
      return new JsonObject(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("--" + flag + ": cannot read " + text + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--" + flag + " must be a JSON object or @file: " + e.getMessage(), e);
    }
  }
}
