package dev.ordertracker.bench.bridge;

import dev.ordertracker.bench.Measure;
import dev.ordertracker.bridge.BridgeOptions;
import dev.ordertracker.bridge.client.BridgeClient;
import dev.ordertracker.bridge.client.SockJsBridgeClient;
import dev.ordertracker.bridge.client.TcpBridgeClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Figures of the event-bus bridges (main class; not JMH: the thing measured is a network server).
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.bridge.BridgeBench [throughput | latency [rate clients [sockjs|tcp]] | memory [clients] | fanout [clients [sockjs|tcp [rates [seconds]]]] | all]
 * </pre>
 * <ul>
 *   <li>throughput: events/s delivered to 1, 10 and 100 SockJS clients (SockJS WebSocket transport, the SockJS
 *   framing a browser uses) and to one TCP-bridge client. The publisher keeps at most 1,000 events in flight
 *   to the slowest client (so no client is disconnected as a slow consumer); 3 s warm-up, 10 s measured.</li>
 *   <li>latency: 1,000 events/s for 15 s (3 s warm-up) to 100 SockJS clients; publish to receipt, p50/p99/max.</li>
 *   <li>memory: server heap per connected SockJS client, each registered on the 6 event addresses; the clients
 *   are a separate Node.js process (js/test/bridge/idle-clients.mjs), so only server memory is counted.</li>
 *   <li>fanout (issue 18): {@code clients} (1,000) clients in a separate JVM ({@link FanoutClients}), each
 *   registered on all six event addresses, at each offered rate (events/s, comma-separated, default
 *   100,200,400,800,1600,5000) for {@code seconds} (10) after a 3 s warm-up: deliveries/s against the offered
 *   deliveries, p50/p99/p99.9 publish-to-receipt latency (one client in 50 parses its frames), the bridge
 *   process's CPU per delivered message (all its threads, GC included) and slow-consumer disconnections. A rate is
 *   sustained when at least 99 % of the offered deliveries arrive and nobody is disconnected.</li>
 * </ul>
 * Server and clients share the machine (and, except for memory, the JVM, on separate Vertx instances): read the
 * figures as orders of magnitude.
 */
public final class BridgeBench {
  private static final int WINDOW = 1_000;

  private BridgeBench() {
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "all";
    if (mode.equals("throughput") || mode.equals("all")) {
      for (int clients : new int[] {1, 10, 100}) {
        throughput("sockjs", clients);
      }
      throughput("tcp", 1);
    }
    if (mode.equals("latency") || mode.equals("all")) {
      boolean given = args.length > 2 && mode.equals("latency");
      latency(given ? Integer.parseInt(args[2]) : 100, given ? Integer.parseInt(args[1]) : 1_000,
          args.length > 3 ? args[3] : "sockjs");
    }
    if (mode.equals("memory") || mode.equals("all")) {
      memory(args.length > 1 ? Integer.parseInt(args[1]) : 500);
    }
    if (mode.equals("fanout")) {
      int clients = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
      String transport = args.length > 2 ? args[2] : "sockjs";
      String rates = args.length > 3 ? args[3] : "100,200,400,800,1600,5000";
      double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 10;
      fanout(clients, transport, Arrays.stream(rates.split(",")).mapToInt(Integer::parseInt).toArray(), seconds);
    }
    System.exit(0);
  }

  private static List<BridgeClient> connect(Vertx clientVertx, BridgeBenchServer server, String transport, int n,
                                            AtomicLongArray received, LatencyRecorder latencies) {
    String token = server.token();
    List<BridgeClient> clients = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      io.vertx.core.Handler<JsonObject> onFrame = frame -> {
        if (server.address.equals(frame.getString("address"))) {
          received.incrementAndGet(index);
          if (latencies != null) {
            JsonObject headers = frame.getJsonObject("headers");
            latencies.record(System.nanoTime() - Long.parseLong(headers.getString(BridgeBenchServer.HEADER_NANOS)));
          }
        }
      };
      Future<? extends BridgeClient> connected = transport.equals("tcp")
          ? TcpBridgeClient.connect(clientVertx, "127.0.0.1", server.bridge.tcpPort(), token, onFrame)
          : SockJsBridgeClient.connect(clientVertx, "127.0.0.1", server.bridge.httpPort(), token, onFrame);
      BridgeClient client = BridgeBenchServer.await(connected.toCompletionStage());
      BridgeBenchServer.await(client.register(server.address).toCompletionStage());
      // as the JS client does: a ping well within the bridge's ping_timeout_ms (default 30 s)
      clientVertx.setPeriodic(10_000, id -> client.writeFrame(new JsonObject().put("type", "ping")));
      clients.add(client);
    }
    return clients;
  }

  static void throughput(String transport, int n) throws Exception {
    try (BridgeBenchServer server = BridgeBenchServer.start(4 * WINDOW)) {
      Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
      AtomicLongArray received = new AtomicLongArray(n);
      connect(clientVertx, server, transport, n, received, null);
      long gap = settle(server, received, n);
      // windowed publisher on the server's event loop
      long timer = server.vertx.setPeriodic(1, id -> {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
          min = Math.min(min, received.get(i));
        }
        long allowed = Math.min(2_000, WINDOW - (server.published() - gap - min));
        for (long i = 0; i < allowed; i++) {
          server.publishOne();
        }
      });
      Thread.sleep(3_000);
      long p0 = published(server);
      long r0 = sum(received);
      long t0 = System.nanoTime();
      Thread.sleep(10_000);
      long p1 = published(server);
      long r1 = sum(received);
      double secs = (System.nanoTime() - t0) / 1e9;
      server.vertx.cancelTimer(timer);
      System.out.printf("throughput %-6s clients=%3d  events/s=%,10.0f  deliveries/s=%,10.0f  disconnected=%d%n",
          transport, n, (p1 - p0) / secs, (r1 - r0) / secs, disconnected(server));
      BridgeBenchServer.await(clientVertx.close().toCompletionStage());
    }
  }

  static void latency(int n, int eventsPerSecond, String transport) throws Exception {
    try (BridgeBenchServer server = BridgeBenchServer.start(4 * WINDOW)) {
      Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
      AtomicLongArray received = new AtomicLongArray(n);
      LatencyRecorder recorder = new LatencyRecorder();
      connect(clientVertx, server, transport, n, received, recorder);
      settle(server, received, n);
      long start = System.nanoTime();
      long[] scheduled = {server.published()};
      long timer = server.vertx.setPeriodic(1, id -> {
        long due = (System.nanoTime() - start) * eventsPerSecond / 1_000_000_000L;
        // a stalled tick publishes at most 10 ms worth of events: the rate is an offered load, not a backlog
        scheduled[0] = Math.max(scheduled[0], due - Math.max(1, eventsPerSecond / 100));
        while (scheduled[0] < due) {
          scheduled[0]++;
          server.publishOne();
        }
      });
      Thread.sleep(3_000);
      recorder.reset();
      long from = server.published();
      Thread.sleep(12_000);
      server.vertx.cancelTimer(timer);
      long expected = (server.published() - from) * n;
      long[] sorted = recorder.sorted();
      System.out.printf("latency " + transport + " clients=%d rate=%d/s samples=%,d of %,d  p50=%.2f ms  p99=%.2f ms  p99.9=%.2f ms"
              + "  max=%.2f ms  disconnected=%d%n", n, eventsPerSecond, sorted.length, expected, pct(sorted, 50) / 1e6,
          pct(sorted, 99) / 1e6, pct(sorted, 99.9) / 1e6, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
          disconnected(server));
      BridgeBenchServer.await(clientVertx.close().toCompletionStage());
    }
  }

  static void fanout(int n, String transport, int[] rates, double seconds) throws Exception {
    try (BridgeBenchServer server = BridgeBenchServer.start(BridgeOptions.DEFAULT_MAX_OUTBOUND_QUEUE)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process clients = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
          FanoutClients.class.getName(), transport,
          Integer.toString(transport.equals("tcp") ? server.bridge.tcpPort() : server.bridge.httpPort()),
          server.token(), Integer.toString(n), "50").redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(clients.getInputStream()));
      java.io.PrintStream in = new java.io.PrintStream(clients.getOutputStream(), true);
      try {
        long t0 = System.nanoTime();
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
          System.out.println("clients: " + line);
        }
        System.out.printf("fanout %s: %,d clients connected and registered on 6 addresses in %.1f s%n", transport, n,
            (System.nanoTime() - t0) / 1e9);
        for (int rate : rates) {
          long before = disconnected(server);
          long start = System.nanoTime();
          long[] scheduled = {server.published()};
          long timer = server.vertx.setPeriodic(1, id -> {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            // a stalled tick publishes at most 10 ms worth of events: the rate is an offered load, not a backlog
            scheduled[0] = Math.max(scheduled[0], due - Math.max(1, rate / 100));
            while (scheduled[0] < due) {
              scheduled[0]++;
              server.publishOne();
            }
          });
          Thread.sleep(3_000);
          long cpu0 = Measure.processCpuNanos();
          long p0 = server.published();
          in.println("STEP " + seconds);
          String[] result = out.readLine().split(" ");
          long cpu = Measure.processCpuNanos() - cpu0;
          long published = server.published() - p0;
          server.vertx.cancelTimer(timer);
          long frames = Long.parseLong(result[1]);
          long offered = published * n;
          System.out.printf("fanout %s clients=%d rate=%,d/s: deliveries %,.0f/s of %,.0f/s offered (%.1f %%)  "
                  + "p50=%.1f ms p99=%.1f ms p99.9=%.1f ms max=%.1f ms (%s samples)  bridge CPU %.2f us/delivery "
                  + "(%.2f cores)  disconnected=%d%n", transport, n, rate, frames / seconds, offered / seconds,
              100.0 * frames / Math.max(1, offered), Long.parseLong(result[3]) / 1e6, Long.parseLong(result[4]) / 1e6,
              Long.parseLong(result[5]) / 1e6, Long.parseLong(result[6]) / 1e6, result[2],
              cpu / 1e3 / Math.max(1, frames), cpu / 1e9 / seconds, disconnected(server) - before);
          Thread.sleep(2_000); // drain before the next rate
          if (disconnected(server) > 0) {
            System.out.println("fanout: clients were disconnected as slow consumers; higher rates are not sustained");
            break;
          }
        }
      } finally {
        in.println("QUIT");
        clients.destroy();
      }
    }
  }

  static void memory(int n) throws Exception {
    try (BridgeBenchServer server = BridgeBenchServer.start(2048)) {
      long before = usedHeapAfterGc();
      Path script = Path.of(System.getProperty("bench.js.dir", "js")).toAbsolutePath()
          .resolve("test/bridge/idle-clients.mjs");
      Process node = new ProcessBuilder("node", script.toString(),
          "http://127.0.0.1:" + server.bridge.httpPort(), server.token(), Integer.toString(n))
          .redirectErrorStream(true).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream()))) {
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY")) {
          System.out.println("node: " + line);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (server.bridge.metrics().connectedNow(dev.ordertracker.bridge.metrics.BridgeMetrics.Transport.SOCKJS) < n
            && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        Thread.sleep(2_000); // let the register frames land
        int connected = server.bridge.metrics().connectedNow(dev.ordertracker.bridge.metrics.BridgeMetrics.Transport.SOCKJS);
        long after = usedHeapAfterGc();
        System.out.printf("memory sockjs clients=%d connected=%d  heap before=%.1f MiB after=%.1f MiB"
                + "  per client=%.1f KiB%n", n, connected, before / 1048576.0, after / 1048576.0,
            (after - before) / 1024.0 / Math.max(1, connected));
      } finally {
        node.destroy();
      }
    }
  }

  /**
   * Publishes a few events until every client received one (the registrations are in place); answers the gap
   * between published and the slowest client's count that the missed early events leave.
   */
  private static long settle(BridgeBenchServer server, AtomicLongArray received, int n) throws InterruptedException {
    long timer = server.vertx.setPeriodic(50, id -> server.publishOne());
    try {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (System.nanoTime() < deadline) {
        boolean all = true;
        for (int i = 0; i < n; i++) {
          all &= received.get(i) >= 1;
        }
        if (all) {
          server.vertx.cancelTimer(timer);
          Thread.sleep(500);
          long min = Long.MAX_VALUE;
          for (int i = 0; i < n; i++) {
            min = Math.min(min, received.get(i));
          }
          return server.published() - min;
        }
        Thread.sleep(10);
      }
    } finally {
      server.vertx.cancelTimer(timer);
    }
    throw new IllegalStateException("clients did not all receive an event within 30 s");
  }

  private static long published(BridgeBenchServer server) {
    return server.published();
  }

  private static long disconnected(BridgeBenchServer server) {
    return (long) server.bridge.metrics().registry().find("bridge_slow_consumers_disconnected").counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }

  private static long sum(AtomicLongArray a) {
    long s = 0;
    for (int i = 0; i < a.length(); i++) {
      s += a.get(i);
    }
    return s;
  }

  private static double pct(long[] sorted, double percent) {
    return dev.ordertracker.bench.Measure.percentile(sorted, percent / 100.0);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Latency samples from many client threads. */
  static final class LatencyRecorder {
    private long[] samples = new long[1 << 20];
    private int size;
    private final AtomicLong dropped = new AtomicLong();

    synchronized void record(long nanos) {
      if (size == samples.length) {
        dropped.incrementAndGet();
        return;
      }
      samples[size++] = nanos;
    }

    synchronized void reset() {
      size = 0;
    }

    synchronized long[] sorted() {
      long[] copy = Arrays.copyOf(samples, size);
      Arrays.sort(copy);
      return copy;
    }
  }
}
