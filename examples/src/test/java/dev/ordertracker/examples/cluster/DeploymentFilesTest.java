package dev.ordertracker.examples.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.KubernetesConfig;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.bridge.BridgeOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/docker-compose.yml and deploy/kubernetes/order-tracker.yaml say what the launcher accepts: every
 * environment variable is one {@link ClusterNodeOptions} reads, the JSON options pass the verticles' own validation,
 * the main classes exist, and the Kubernetes discovery finds the headless service the manifest declares. No Docker
 * engine or cluster runs here, so this is what keeps the files from drifting away from the code.
 */
class DeploymentFilesTest {
  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final String JWT_SECRET = "0123456789abcdef0123456789abcdef";
  private static final Pattern K8S_VAR = Pattern.compile("\\$\\(([A-Z_][A-Z0-9_]*)\\)");

  @Test
  void composeNodesStartFromTheirEnvironment() throws IOException {
    Map<String, Object> compose = yaml(DEPLOY.resolve("docker-compose.yml")).get(0);
    Map<String, Object> services = map(compose.get("services"));
    assertThat(services).containsKeys("simulator", "node1", "node2", "node3");
    String image = (String) map(services.get("simulator")).get("image");
    assertThat(image).startsWith("vertx-order-tracker:");

    List<String> hosts = new ArrayList<>();
    for (String name : List.of("node1", "node2", "node3")) {
      Map<String, Object> node = map(services.get(name));
      assertThat(node.get("image")).isEqualTo(image);
      assertThat(mainClassOf(list(node.get("entrypoint")))).isEqualTo(ClusterNode.class.getName());
      assertThat(mainClassOf(list(map(node.get("healthcheck")).get("test"))))
          .isEqualTo("dev.ordertracker.examples.HealthProbe");

      Map<String, String> env = new LinkedHashMap<>();
      map(node.get("environment")).forEach((k, v) -> env.put(k, composeInterpolate(String.valueOf(v))));
      assertThat(ClusterNodeOptions.FLAGS.values()).containsAll(env.keySet());
      ClusterNodeOptions options = ClusterNodeOptions.parse(new String[0], env);
      assertThat(options.roles()).contains(NodeRole.TRACKER, NodeRole.ADAPTER, NodeRole.BRIDGE);
      assertThat(options.haQuorum()).isEqualTo(2);
      new BinanceAdapterOptions(options.adapterConfig());
      BridgeOptions bridge = new BridgeOptions(options.bridgeConfig());
      assertThat(bridge.getHost()).isEqualTo("0.0.0.0");
      hosts.add(options.clusterHost());
      assertThat(options.members()).containsExactlyElementsOf(List.of("172.28.0.11", "172.28.0.12", "172.28.0.13"));
    }
    assertThat(hosts).containsExactly("172.28.0.11", "172.28.0.12", "172.28.0.13");
    assertThat(mainClassOf(list(map(services.get("simulator")).get("entrypoint"))))
        .isEqualTo("dev.ordertracker.simulator.SimulatorMain");
  }

  @Test
  void kubernetesStatefulSetFindsItsHeadlessServiceAndStarts() throws IOException {
    List<Map<String, Object>> docs = yaml(DEPLOY.resolve("kubernetes").resolve("order-tracker.yaml"));
    Map<String, Object> headless = docs.stream()
        .filter(d -> "Service".equals(d.get("kind")) && "None".equals(map(d.get("spec")).get("clusterIP")))
        .findFirst().orElseThrow();
    Map<String, Object> statefulSet = docs.stream().filter(d -> "StatefulSet".equals(d.get("kind")))
        .findFirst().orElseThrow();
    String headlessName = (String) map(headless.get("metadata")).get("name");
    assertThat(map(statefulSet.get("spec")).get("serviceName")).isEqualTo(headlessName);

    Map<String, Object> container = map(list(map(map(map(statefulSet.get("spec")).get("template"))
        .get("spec")).get("containers")).get(0));
    assertThat(mainClassOf(list(container.get("command")))).isEqualTo(ClusterNode.class.getName());
    Map<String, String> env = podEnvironment(list(container.get("env")), Map.of(
        "metadata.namespace", "trading", "status.podIP", "10.42.0.17",
        "bridge-jwt-secret", JWT_SECRET,
        "adapter-config", "{\"accounts\":[{\"name\":\"main\",\"api_key\":\"k\",\"secret\":\"s\"}]}"));
    Map<String, String> launcherEnv = new LinkedHashMap<>(env);
    launcherEnv.keySet().removeAll(List.of("POD_NAMESPACE", "BRIDGE_JWT_SECRET")); // inputs of $(...) only
    assertThat(ClusterNodeOptions.FLAGS.values()).containsAll(launcherEnv.keySet());

    ClusterNodeOptions options = ClusterNodeOptions.parse(new String[0], launcherEnv);
    new BinanceAdapterOptions(options.adapterConfig());
    assertThat(new BridgeOptions(options.bridgeConfig()).getHost()).isEqualTo("0.0.0.0");
    Config config = HazelcastClusterConfig.create(options);
    KubernetesConfig kubernetes = config.getNetworkConfig().getJoin().getKubernetesConfig();
    assertThat(kubernetes.isEnabled()).isTrue();
    assertThat(kubernetes.getProperty("service-dns")).isEqualTo(headlessName + ".trading.svc.cluster.local");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(ClusterNodeOptions.DEFAULT_CLUSTER_PORT);
    assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path")).isEqualTo("/health/live");
    assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path")).isEqualTo("/health/ready");
  }

  /** The environment a pod sees: downward-API and secret values from {@code sources}, $(VAR) expanded in order. */
  private static Map<String, String> podEnvironment(List<Object> entries, Map<String, String> sources) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Object o : entries) {
      Map<String, Object> entry = map(o);
      String name = (String) entry.get("name");
      String value;
      if (entry.containsKey("value")) {
        Matcher m = K8S_VAR.matcher((String) entry.get("value"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          assertThat(env).as("$(%s) in %s must be defined before it", m.group(1), name).containsKey(m.group(1));
          m.appendReplacement(out, Matcher.quoteReplacement(env.get(m.group(1))));
        }
        value = m.appendTail(out).toString();
      } else {
        Map<String, Object> from = map(entry.get("valueFrom"));
        String key = from.containsKey("fieldRef") ? (String) map(from.get("fieldRef")).get("fieldPath")
            : (String) map(from.get("secretKeyRef")).get("key");
        assertThat(sources).as("source of %s", name).containsKey(key);
        value = sources.get(key);
      }
      env.put(name, value);
    }
    return env;
  }

  /** Compose's ${VAR:?message} with the test's values (only BRIDGE_JWT_SECRET is used). */
  private static String composeInterpolate(String value) {
    return value.replaceAll("\\$\\{BRIDGE_JWT_SECRET:\\?[^}]*}", JWT_SECRET);
  }

  /** The class after {@code -cp <path>} in a java command line; it must exist on this classpath. */
  private static String mainClassOf(List<Object> command) {
    int cp = command.indexOf("-cp");
    assertThat(cp).as("-cp in %s", command).isGreaterThanOrEqualTo(0);
    String main = String.valueOf(command.get(cp + 2));
    try {
      Class.forName(main, false, DeploymentFilesTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no main class " + main, e);
    }
    return main;
  }

  private static List<Map<String, Object>> yaml(Path file) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (Object doc : new Yaml(new LoaderOptions()).loadAll(in)) {
        docs.add(map(doc));
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<Object>) o;
  }
}
