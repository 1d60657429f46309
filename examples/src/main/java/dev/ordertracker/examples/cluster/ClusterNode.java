package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.consumer.EventRouteAnchor;
import dev.ordertracker.examples.Tracing;
import dev.ordertracker.examples.launcher.OrderTrackerCommand;
import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.logging.LogManager;

/**
 * Starts one clustered node: a Vert.x instance on the Hazelcast cluster manager (configured by
 * {@link HazelcastClusterConfig}) running the roles of {@link ClusterNodeOptions#roles()}.
 *
 * <pre>
 *   java $HAZELCAST_JVM_FLAGS -jar vertx-order-tracker-demo.jar node [--config FILE] \
 *       --cluster-port 5701 --members 10.0.0.1:5701,10.0.0.2:5701 --roles tracker,adapter,consumer
 * </pre>
 *
 * <p>{@code tracker} and {@code adapter} are singletons (see {@link SingletonPlacement}): deployed with Vert.x HA on
 * the first node that has the role, standby on the others. Prints {@code CLUSTER-NODE-READY <nodeId>} on stdout once
 * every role is up; exits with status 1 when the node cannot start, 2 on bad flags or configuration.
 */
public final class ClusterNode {
  private static final System.Logger LOG = System.getLogger(ClusterNode.class.getName());
  /** The tracker verticle that replicates its state into the cluster (tracker-core, package core.cluster). */
  public static final String TRACKER_VERTICLE = "dev.ordertracker.core.cluster.ReplicatedTrackerVerticle";
  public static final String ADAPTER_VERTICLE = "dev.ordertracker.binance.BinanceUserDataVerticle";
  public static final String BRIDGE_VERTICLE = "dev.ordertracker.bridge.BridgeVerticle";

  private final Vertx vertx;
  private final HazelcastClusterManager clusterManager;
  private final ClusterNodeOptions options;
  private BinanceSimulator simulator;

  private ClusterNode(Vertx vertx, HazelcastClusterManager clusterManager, ClusterNodeOptions options) {
    this.vertx = vertx;
    this.clusterManager = clusterManager;
    this.options = options;
  }

  /** {@code order-tracker node ARGS}: the same flags, environment and {@code --config FILE}. */
  public static void main(String[] args) {
    String[] node = new String[args.length + 1];
    node[0] = "node";
    System.arraycopy(args, 0, node, 1, args.length);
    OrderTrackerCommand.main(node);
  }

  /** Starts a node with validated options; exits the JVM with status 1 when it cannot start. */
  public static void run(ClusterNodeOptions options) {
    configureLogging();
    if (options.roles().contains(NodeRole.TRACKER) && options.config().nodeIgnoresStore()) {
      LOG.log(System.Logger.Level.WARNING,
          "tracker.store is not used by a cluster node: the replicated tracker keeps its state in the cluster");
    }
    long started = System.nanoTime();
    start(options).onComplete(result -> {
      if (result.failed()) {
        LOG.log(System.Logger.Level.ERROR, "cluster node failed to start: " + result.cause());
        System.exit(1);
      }
      ClusterNode node = result.result();
      LOG.log(System.Logger.Level.INFO,
          () -> "node " + node.nodeId() + " up in " + (System.nanoTime() - started) / 1_000_000 + " ms, roles "
          + options.roles() + ", members " + node.clusterManager.getNodes().size());
      System.out.println("CLUSTER-NODE-READY " + node.nodeId());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> node.close().await(), "cluster-node-shutdown"));
    });
  }

  /** Joins the cluster and deploys the roles. */
  public static Future<ClusterNode> start(ClusterNodeOptions options) {
    HazelcastClusterManager clusterManager = new HazelcastClusterManager(HazelcastClusterConfig.create(options));
    VertxBuilder builder = Tracing.apply(Vertx.builder().with(vertxOptions(options)), System.getenv());
    if (options.flushCoalescing()) {
      builder = builder.withTransport(FlushCoalescingTransport.NIO);
    }
    return builder.withClusterManager(clusterManager).buildClustered()
        .compose(vertx -> {
          ClusterNode node = new ClusterNode(vertx, clusterManager, options);
          return node.deployRoles().map(node).recover(e -> vertx.close().transform(v -> Future.failedFuture(e)));
        });
  }

  /** Vert.x options: event bus bound to the cluster host; HA on when the node is a singleton candidate. */
  static VertxOptions vertxOptions(ClusterNodeOptions options) {
    Set<NodeRole> roles = options.roles();
    boolean candidate = roles.contains(NodeRole.TRACKER) || roles.contains(NodeRole.ADAPTER);
    VertxOptions vertxOptions = new VertxOptions()
        .setEventBusOptions(new EventBusOptions()
            .setHost(options.clusterHost())
            .setPort(options.eventBusPort())
            .setClusterPublicHost(options.clusterHost()));
    if (candidate) {
      vertxOptions.setHAEnabled(true).setHAGroup(options.haGroup()).setQuorumSize(options.haQuorum());
    }
    return vertxOptions;
  }

  private Future<Void> deployRoles() {
    Set<NodeRole> roles = options.roles();
    // First: this node's permanent place in every publisher's route for the event addresses, so consumers
    // registered here later lose nothing to the cluster's registration propagation (see EventRouteAnchor).
    Future<?> chain = vertx.deployVerticle(new EventRouteAnchor(Addresses.defaults()));
    if (roles.contains(NodeRole.SIMULATOR)) {
      chain = chain.compose(v -> startSimulator());
    }
    if (roles.contains(NodeRole.CONSUMER)) {
      chain = chain.compose(v -> vertx.deployVerticle(new EventLogConsumer()));
    }
    boolean tracker = roles.contains(NodeRole.TRACKER);
    boolean adapter = roles.contains(NodeRole.ADAPTER);
    if (tracker) {
      // A node that may run both runs them as one singleton: they fail over together, tracker first.
      JsonArray children = new JsonArray().add(SingletonVerticle.child(NodeRole.TRACKER.wireName(), TRACKER_VERTICLE,
          trackerConfig()));
      if (adapter) {
        children.add(SingletonVerticle.child(NodeRole.ADAPTER.wireName(), ADAPTER_VERTICLE, options.adapterConfig()));
      }
      chain = chain.compose(v -> SingletonPlacement.place(vertx, NodeRole.TRACKER.wireName(), children))
          .onSuccess(v -> vertx.executeBlocking(() -> {
            StandbyWarmUp.run();
            return null;
          }, false).onFailure(e -> LOG.log(System.Logger.Level.WARNING,
              "standby warm-up failed (takeover will be slower): " + e)));
    } else if (adapter) {
      chain = chain.compose(v -> SingletonPlacement.place(vertx, NodeRole.ADAPTER.wireName(),
          new JsonArray().add(SingletonVerticle.child(NodeRole.ADAPTER.wireName(), ADAPTER_VERTICLE, options.adapterConfig()))));
    }
    if (roles.contains(NodeRole.BRIDGE)) {
      chain = chain.compose(v -> vertx.deployVerticle(BRIDGE_VERTICLE,
          new DeploymentOptions().setConfig(bridgeConfig())));
    }
    return chain.mapEmpty();
  }

  /**
   * The replicated tracker's config with its ownership lease derived from the failure detection unless set: the
   * lease lapses after half the heartbeat timeout of silence, and a lapsed tracker re-verifies only after the
   * timeout plus 2 s, when its node's view of the cluster has settled (see {@code OwnershipLease}).
   */
  private io.vertx.core.json.JsonObject trackerConfig() {
    io.vertx.core.json.JsonObject config = options.trackerConfig();
    long timeoutMs = options.maxNoHeartbeatSeconds() * 1000L;
    if (!config.containsKey("lease_ms")) {
      config.put("lease_ms", timeoutMs / 2);
    }
    if (!config.containsKey("verify_delay_ms")) {
      config.put("verify_delay_ms", timeoutMs + 2000);
    }
    return config;
  }

  /** The bridge's config with this node's HTTP port unless the bridge config names one. */
  private io.vertx.core.json.JsonObject bridgeConfig() {
    io.vertx.core.json.JsonObject config = options.bridgeConfig();
    if (!config.containsKey("http_port")) {
      config.put("http_port", options.httpPort());
    }
    return config;
  }

  private Future<Integer> startSimulator() {
    simulator = BinanceSimulator.create(vertx, new SimulatorOptions().setPort(options.simulatorPort()));
    return simulator.start().onSuccess(port -> System.out.println("SIMULATOR-READY " + simulator.wsApiUrl()));
  }

  public Vertx vertx() {
    return vertx;
  }

  public String nodeId() {
    return clusterManager.getNodeId();
  }

  /** Cluster members as Vert.x node ids. */
  public java.util.List<String> members() {
    return clusterManager.getNodes();
  }

  public HazelcastClusterManager clusterManager() {
    return clusterManager;
  }

  /** Leaves the cluster cleanly (undeploys, which for HA verticles means no failover: a deliberate stop). */
  public Future<Void> close() {
    return vertx.close();
  }

  /** Loads {@code /cluster/logging.properties} unless the JVM was given its own logging configuration. */
  public static void configureLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream in = ClusterNode.class.getResourceAsStream("/cluster/logging.properties")) {
      if (in != null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    } catch (IOException e) {
      System.err.println("cluster logging configuration not loaded: " + e.getMessage());
    }
  }
}
