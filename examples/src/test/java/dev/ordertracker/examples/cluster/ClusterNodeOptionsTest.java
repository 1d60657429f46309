package dev.ordertracker.examples.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flags, environment and the Hazelcast configuration they produce. */
class ClusterNodeOptionsTest {

  @Test
  void flagsOverrideEnvironmentOverridesDefaults() {
    ClusterNodeOptions options = ClusterNodeOptions.parse(new String[] {"--cluster-port", "5801",
        "--roles=tracker,adapter", "--fast-failure-detection"}, Map.of("CLUSTER_PORT", "5901",
        "CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2", "CLUSTER_NAME", "prod", "HTTP_PORT", "9000"));

    assertThat(options.clusterPort()).isEqualTo(5801);
    assertThat(options.members()).containsExactly("10.0.0.1:5701", "10.0.0.2");
    assertThat(options.clusterName()).isEqualTo("prod");
    assertThat(options.httpPort()).isEqualTo(9000);
    assertThat(options.roles()).containsExactlyInAnyOrder(NodeRole.TRACKER, NodeRole.ADAPTER);
    assertThat(options.maxNoHeartbeatSeconds()).isEqualTo(HazelcastClusterConfig.FAST_MAX_NO_HEARTBEAT_SECONDS);
    assertThat(options.clusterHost()).isEqualTo(ClusterNodeOptions.DEFAULT_CLUSTER_HOST);
    assertThat(options.flushCoalescing()).isFalse();
    assertThat(ClusterNodeOptions.parse(new String[] {"--flush-coalescing"}, Map.of()).flushCoalescing()).isTrue();
    assertThat(ClusterNodeOptions.parse(new String[0], Map.of("FLUSH_COALESCING", "true")).flushCoalescing())
        .isTrue();
  }

  @Test
  void badFlagsAreRefusedNamingTheFlag() {
    assertThatThrownBy(() -> ClusterNodeOptions.parse(new String[] {"--cluster-prot", "1"}, Map.of()))
        .hasMessageContaining("--cluster-prot");
    assertThatThrownBy(() -> ClusterNodeOptions.parse(new String[] {"--http-port", "x"}, Map.of()))
        .hasMessageContaining("--http-port");
    assertThatThrownBy(() -> ClusterNodeOptions.parse(new String[] {"--roles", "tracker,brain"}, Map.of()))
        .hasMessageContaining("brain");
    assertThatThrownBy(() -> ClusterNodeOptions.parse(new String[] {"--members", "127.0.0.1:5801-5810"}, Map.of()))
        .hasMessageContaining("port ranges");
    assertThatThrownBy(() -> ClusterNodeOptions.parse(new String[0], Map.of("TRACKER_CONFIG", "{nope")))
        .hasMessageContaining("--tracker-config");
  }

  @Test
  void hazelcastJoinsByTcpIpOnlyWithTheVertxMapsAndHeartbeatSettings() {
    ClusterNodeOptions options = ClusterNodeOptions.parse(new String[] {"--members", "127.0.0.1:5701,127.0.0.1:5702",
        "--cluster-name", "t", "--fast-failure-detection"}, Map.of());
    Config config = HazelcastClusterConfig.create(options);

    JoinConfig join = config.getNetworkConfig().getJoin();
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).isEqualTo(List.of("127.0.0.1:5701", "127.0.0.1:5702"));
    assertThat(config.getClusterName()).isEqualTo("t");
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
    assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("5");
    assertThat(config.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("1");
    assertThat(config.getProperty("hazelcast.connection.monitor.interval")).isEqualTo("20");
    // without the fast detection, Hazelcast's own defaults
    Config defaults = HazelcastClusterConfig.create(ClusterNodeOptions.parse(new String[] {"--members",
        "127.0.0.1:5701"}, Map.of()));
    assertThat(defaults.getProperty("hazelcast.connection.monitor.interval")).isNull();
    assertThat(defaults.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("60");
    assertThat(config.getMultiMapConfigs()).containsKey("__vertx.subs");
    assertThat(config.getMapConfigs()).containsKeys("__vertx.haInfo", "__vertx.nodeInfo", "orders.tracker.*");
    assertThat(config.getMapConfig("orders.tracker.state").getBackupCount()).isEqualTo(1);
  }
}
