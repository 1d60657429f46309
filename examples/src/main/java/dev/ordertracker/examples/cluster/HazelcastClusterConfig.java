package dev.ordertracker.examples.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.KubernetesConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;

import java.util.List;

/**
 * Builds the Hazelcast {@link Config} of a cluster node programmatically, so a deployment needs no XML file and the
 * jar's multicast default ({@code default-cluster.xml}) is never used.
 *
 * <p>Join is TCP-IP with an explicit member list ({@code --discovery tcp-ip}, the default) or Hazelcast's built-in
 * Kubernetes discovery ({@code --discovery kubernetes}: DNS lookup of a headless service, or the Kubernetes API by
 * namespace and service name; see deploy/kubernetes); multicast and auto-detection are off either way. The maps Vert.x itself
 * needs ({@code __vertx.subs}, {@code __vertx.haInfo}, {@code __vertx.nodeInfo}) and the tracker's replicated
 * state ({@code orders.tracker.*}) are declared with one synchronous backup, so a write that completed survives the
 * death of any single member.
 *
 * <p>Failure detection: Hazelcast removes a member whose socket closes (kill -9, crash) within ~0.4 s on loopback,
 * but a member that is alive and silent (GC pause, SIGSTOP, a partition) only after
 * {@code hazelcast.max.no.heartbeat.seconds}. {@code fastFailureDetection} lowers that to 5 s (heartbeat every
 * 1 s); Hazelcast's own default is 60 s. The lower the value, the more a long GC pause risks a false suspicion.
 */
public final class HazelcastClusterConfig {
  /** Map backups of the tracker's replicated state: survives one member dying. */
  public static final int STATE_BACKUP_COUNT = 1;
  /** Heartbeat settings of the fast failure detection (tests, small clusters on a good network). */
  public static final int FAST_HEARTBEAT_INTERVAL_SECONDS = 1;
  public static final int FAST_MAX_NO_HEARTBEAT_SECONDS = 5;
  /** Hazelcast's connection monitor interval in the fast failure detection (its default: 100 ms). */
  public static final int FAST_CONNECTION_MONITOR_INTERVAL_MS = 20;

  private HazelcastClusterConfig() {
  }

  /** The configuration for {@code options}: cluster name, bind address, port, member list, failure detection. */
  public static Config create(ClusterNodeOptions options) {
    Config config = new Config();
    config.setClusterName(options.clusterName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.local.localAddress", options.clusterHost());
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    // Vert.x does its own shutdown on SIGTERM; Hazelcast's hook would race it.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // A leaving node waits at most this long for its partitions to be safe elsewhere (Hazelcast's default: 600 s).
    config.setProperty("hazelcast.graceful.shutdown.max.wait", "20");
    int maxNoHeartbeat = options.maxNoHeartbeatSeconds();
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(maxNoHeartbeat));
    config.setProperty("hazelcast.heartbeat.interval.seconds",
        Integer.toString(maxNoHeartbeat <= FAST_MAX_NO_HEARTBEAT_SECONDS ? FAST_HEARTBEAT_INTERVAL_SECONDS : 5));

    if (maxNoHeartbeat <= FAST_MAX_NO_HEARTBEAT_SECONDS) {
      // A member whose connections fail is dropped after 4 faults at least FAST_CONNECTION_MONITOR_INTERVAL_MS
      // apart instead of 100 ms apart: a killed member (connection refused) is removed in ~0.1 s instead of
      // ~0.35 s, the largest part of a kill -9 failover (issue 18). A flapping network link is suspected sooner too.
      config.setProperty("hazelcast.connection.monitor.interval", Integer.toString(FAST_CONNECTION_MONITOR_INTERVAL_MS));
      // Heal a split brain within seconds instead of Hazelcast's 300 s / 120 s (tests, small clusters).
      config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
      config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    }

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(options.clusterPort()).setPortAutoIncrement(true).setPortCount(ClusterNodeOptions.PORT_COUNT);
    network.getInterfaces().setEnabled(true).addInterface(options.clusterHost());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (options.discovery().equals(ClusterNodeOptions.DISCOVERY_KUBERNETES)) {
      // Hazelcast's built-in discovery (no plugin jar since 5.0): https://docs.hazelcast.com/hazelcast/5.3/kubernetes/kubernetes-auto-discovery
      KubernetesConfig kubernetes = join.getKubernetesConfig().setEnabled(true);
      if (options.kubernetesServiceDns() != null) {
        kubernetes.setProperty("service-dns", options.kubernetesServiceDns());
      } else {
        if (options.kubernetesNamespace() != null) {
          kubernetes.setProperty("namespace", options.kubernetesNamespace());
        }
        if (options.kubernetesServiceName() != null) {
          kubernetes.setProperty("service-name", options.kubernetesServiceName());
        }
        // A StatefulSet's pods must find each other before they are ready (readiness needs the cluster).
        kubernetes.setProperty("resolve-not-ready-addresses", "true");
      }
      join.getTcpIpConfig().setEnabled(false);
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(members(options));
    }

    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("orders.tracker.*").setBackupCount(STATE_BACKUP_COUNT).setAsyncBackupCount(0));
    return config;
  }

  /** The member list; a node always lists itself so the first node of a cluster forms it alone. */
  static List<String> members(ClusterNodeOptions options) {
    List<String> members = options.members();
    return members.isEmpty() ? List.of(options.clusterHost()) : members;
  }
}
