package dev.ordertracker.examples.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.KubernetesConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Hazelcast configuration {@code --discovery kubernetes} produces is the one Hazelcast's Kubernetes
 * auto-discovery documentation describes (docs.hazelcast.com, "Kubernetes Auto Discovery": a {@code kubernetes} join
 * with {@code service-dns} for DNS lookup, or {@code namespace} / {@code service-name} for API mode; TCP-IP and
 * multicast off), and what deploy/kubernetes/statefulset.yaml sets through the environment.
 */
class KubernetesDiscoveryTest {
  private static final Map<String, String> POD_ENV = Map.of(
      "CLUSTER_DISCOVERY", "kubernetes",
      "CLUSTER_HOST", "10.42.0.17",
      "KUBERNETES_SERVICE_DNS", "order-tracker-hz.trading.svc.cluster.local");

  @Test
  void dnsLookupModeFromThePodEnvironment() {
    ClusterNodeOptions options = ClusterNodeOptions.parse(new String[0], POD_ENV);
    JoinConfig join = HazelcastClusterConfig.create(options).getNetworkConfig().getJoin();

    KubernetesConfig kubernetes = join.getKubernetesConfig();
    assertThat(kubernetes.isEnabled()).isTrue();
    assertThat(kubernetes.getProperties())
        .containsExactlyEntriesOf(Map.of("service-dns", "order-tracker-hz.trading.svc.cluster.local"));
    assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
  }

  @Test
  void apiModeByNamespaceAndServiceNameFindsNotReadyPods() {
    ClusterNodeOptions options = ClusterNodeOptions.parse(new String[] {"--discovery", "kubernetes",
        "--cluster-host", "10.42.0.17", "--kubernetes-namespace", "trading",
        "--kubernetes-service-name", "order-tracker-hz"}, Map.of());
    Config config = HazelcastClusterConfig.create(options);
    KubernetesConfig kubernetes = config.getNetworkConfig().getJoin().getKubernetesConfig();

    assertThat(kubernetes.isEnabled()).isTrue();
    assertThat(kubernetes.getProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "namespace", "trading", "service-name", "order-tracker-hz", "resolve-not-ready-addresses", "true"));
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
    assertThat(config.getProperty("hazelcast.local.localAddress")).isEqualTo("10.42.0.17");
  }

  @Test
  void tcpIpStaysTheDefaultWithKubernetesOff() {
    Config config = HazelcastClusterConfig.create(ClusterNodeOptions.parse(new String[0], Map.of()));
    assertThat(config.getNetworkConfig().getJoin().getKubernetesConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isTrue();
  }

  @Test
  void inconsistentDiscoverySettingsAreRefusedNamingTheFlag() {
    assertThatThrownBy(() -> ClusterNodeOptions.parse(new String[] {"--discovery", "k8s"}, Map.of()))
        .hasMessageContaining("--discovery");
    assertThatThrownBy(() -> ClusterNodeOptions.parse(new String[] {"--kubernetes-service-dns", "x.svc"}, Map.of()))
        .hasMessageContaining("--discovery kubernetes");
    assertThatThrownBy(() -> ClusterNodeOptions.parse(new String[] {"--discovery", "kubernetes",
        "--kubernetes-service-dns", "x.svc"}, Map.of()))
        .hasMessageContaining("--cluster-host");
    assertThatThrownBy(() -> ClusterNodeOptions.parse(new String[] {"--discovery", "kubernetes",
        "--cluster-host", "10.0.0.1", "--kubernetes-service-dns", "x.svc", "--kubernetes-namespace", "n"}, Map.of()))
        .hasMessageContaining("choose one mode");
    assertThatThrownBy(() -> ClusterNodeOptions.parse(new String[] {"--discovery", "kubernetes",
        "--cluster-host", "10.0.0.1", "--members", "10.0.0.2"}, Map.of()))
        .hasMessageContaining("--members");
  }
}
