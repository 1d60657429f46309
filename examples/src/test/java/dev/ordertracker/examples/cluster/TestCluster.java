package dev.ordertracker.examples.cluster;

import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.BinanceSimulator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A loopback cluster for one test: a Hazelcast port per member chosen free at creation (the test JVM's own member
 * first), fast failure detection, child JVMs started one after another (two JVMs joining at once take ~11 s on
 * 2 cores), everything destroyed on close.
 */
final class TestCluster implements AutoCloseable {
  static final Duration NODE_START_TIMEOUT = Duration.ofSeconds(60);

  private final List<Integer> ports = new ArrayList<>();
  private final String clusterName = "test-" + Long.toHexString(System.nanoTime());
  private final List<NodeProcess> processes = new ArrayList<>();
  private ClusterNode local;

  /** {@code members}: how many member slots (the test JVM's plus children, restarts reuse the slots). */
  TestCluster(int members) throws IOException {
    for (int i = 0; i < members; i++) {
      ports.add(freePort());
    }
  }

  String members() {
    return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  List<String> args(int slot, String roles, String... extra) {
    List<String> args = new ArrayList<>(List.of("--cluster-port", Integer.toString(ports.get(slot)),
        "--members", members(), "--cluster-name", clusterName, "--roles", roles, "--fast-failure-detection"));
    args.addAll(List.of(extra));
    return args;
  }

  /** Joins the test JVM itself (a member without roles, so never an HA failover target). */
  ClusterNode joinLocal(String... extra) throws Exception {
    ClusterNode.configureLogging();
    local = ClusterNode.start(ClusterNodeOptions.parse(args(0, "", extra).toArray(String[]::new), Map.of()))
        .toCompletionStage().toCompletableFuture()
        .get(NODE_START_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    return local;
  }

  /** Starts a {@link ProbeNode} in member slot {@code slot} and waits until it is ready. */
  NodeProcess startProbe(String name, int slot, String roles, String... extra) throws Exception {
    return startProbe(name, slot, List.of(), roles, extra);
  }

  /** Starts a {@link ProbeNode} without waiting for it (a node that only gets ready once another one joins). */
  NodeProcess startProbeAsync(String name, int slot, String roles, String... extra) throws Exception {
    NodeProcess process = NodeProcess.start(name, ProbeNode.class.getName(), List.of(), args(slot, roles, extra));
    processes.add(process);
    return process;
  }

  NodeProcess startProbe(String name, int slot, List<String> sysProps, String roles, String... extra)
      throws Exception {
    NodeProcess process = NodeProcess.start(name, ProbeNode.class.getName(), sysProps, args(slot, roles, extra));
    processes.add(process);
    process.awaitLine("CLUSTER-NODE-READY", NODE_START_TIMEOUT);
    return process;
  }

  @Override
  public void close() throws Exception {
    try {
      // Leave first, while the others still answer: a graceful Hazelcast shutdown waits for partition safety.
      if (local != null) {
        local.close().toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      for (NodeProcess process : processes) {
        process.close();
      }
    }
  }

  /** The config of an adapter node against {@code simulator}'s demo account, reconnecting fast (50 → 400 ms). */
  static JsonObject adapterConfig(BinanceSimulator simulator, String account) {
    return new JsonObject()
        .put(BinanceAdapterOptions.WS_API_URL, simulator.wsApiUrl())
        .put(BinanceAdapterOptions.REST_URL, simulator.restUrl())
        .put(BinanceAdapterOptions.RECONNECT_INITIAL_DELAY_MS, 50)
        .put(BinanceAdapterOptions.RECONNECT_MAX_DELAY_MS, 400)
        .put(BinanceAdapterOptions.ACCOUNTS, new JsonArray().add(new JsonObject().put("name", account)
            .put("api_key", AccountOptions.DEMO_API_KEY).put("secret", AccountOptions.DEMO_SECRET)));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
