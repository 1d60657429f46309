package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderTracker;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cluster figures of README-cluster.md, as a main (real JVMs on loopback, like the tests):
 * <ol>
 *   <li>formation: nodes started one after another, launch of the first JVM → last node ready, 2 and 3 nodes;</li>
 *   <li>cross-node events: a publisher JVM → this JVM at 10,000 and 100,000 events/s (JsonObject body + 6 headers),
 *   achieved rate and p50/p99/max latency from a {@code sent_nanos} header (CLOCK_MONOTONIC, one clock per host);</li>
 *   <li>failover: kill -9 of the active tracker during a stream of updates → SINGLETON-ACTIVE on the survivor, and →
 *   first event published by the new tracker, 5 runs;</li>
 *   <li>memory: resident set size of a node JVM (-Xmx512m, default GC and JIT) idle and after the event runs.</li>
 * </ol>
 * Run: see README-cluster.md ("Figures"). Arguments: any of {@code formation events failover} (default: all).
 * {@code -Dbench.flushCoalescing=true} puts both nodes of the events runs on {@link FlushCoalescingTransport}.
 * Prints one line per figure.
 */
public final class ClusterBenchmark {
  private static final Duration WAIT = Duration.ofSeconds(90);

  private ClusterBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    ClusterNode.configureLogging();
    if (System.getProperty("cluster.node.jvm") == null) {
      System.setProperty("cluster.node.jvm", "-Xmx512m");
    }
    List<String> parts = args.length == 0 ? List.of("formation", "events", "failover") : List.of(args);
    if (parts.contains("formation")) {
      formation(2);
      formation(3);
    }
    if (parts.contains("failover")) {
      failover(5);
    }
    if (parts.contains("events")) {
      crossNode();
    }
    System.exit(0);
  }

  static void formation(int nodes) throws Exception {
    List<Double> times = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      try (TestCluster cluster = new TestCluster(nodes)) {
        long start = System.nanoTime();
        for (int i = 0; i < nodes; i++) {
          cluster.startProbe("f" + i, i, "");
        }
        times.add((System.nanoTime() - start) / 1e6);
      }
    }
    System.out.printf("formation %d nodes (sequential start, first launch -> last ready): median %.0f ms %s%n",
        nodes, median(times), times);
  }

  static void crossNode() throws Exception {
    int runs = Integer.getInteger("bench.runs", 3);
    int seconds = Integer.getInteger("bench.seconds", 3); // each run publishes this many seconds' worth
    // -Dbench.flushCoalescing=true: both nodes on FlushCoalescingTransport (--flush-coalescing)
    String[] transport = Boolean.getBoolean("bench.flushCoalescing") ? new String[] {"--flush-coalescing"}
        : new String[0];
    try (TestCluster cluster = new TestCluster(2)) {
      ClusterNode local = cluster.joinLocal(transport);
      NodeProcess publisher = cluster.startProbe("pub", 1, List.of("-Dprobe.record=false"), "", transport);
      System.out.println("transport: " + (transport.length > 0 ? "flush coalescing" : "plain NIO"));
      System.out.printf("memory: node RSS idle %d MiB; bench JVM heap used %d MiB%n", publisher.residentKib() / 1024,
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
      System.out.println(hostFloor());
      for (int rate : Arrays.stream(System.getProperty("bench.rates", "10000,100000").split(","))
          .mapToInt(Integer::parseInt).toArray()) {
        rate(local, rate, rate); // warm-up: one second's worth
        List<double[]> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
          results.add(rate(local, rate, rate * seconds));
        }
        System.out.printf("cross-node events target %d/s, median of %d: achieved %.0f/s (sent at %.0f/s), p50 %.0f"
                + " us, p99 %.0f us, max %.1f ms, lost %.0f (load %s)%n", rate, runs, medianOf(results, 0),
            medianOf(results, 5), medianOf(results, 1), medianOf(results, 2), medianOf(results, 3),
            medianOf(results, 4), loadAverage());
        System.out.println(hostFloor());
      }
      System.out.printf("memory: node RSS after the runs %d MiB%n", publisher.residentKib() / 1024);
    }
  }

  /**
   * One run: a consumer registered in this JVM just before the publisher JVM is asked to publish {@code count}
   * events at {@code rate}/s. Answers {achieved rate, p50 us, p99 us, max ms, events lost}: lost = published events
   * whose sequence never arrived (waited for until 3 s pass without a new arrival).
   */
  private static double[] rate(ClusterNode local, int rate, int count) throws Exception {
    long[] latencies = new long[count];
    AtomicInteger received = new AtomicInteger();
    java.util.BitSet seen = new java.util.BitSet(count + 1);
    long[] firstLast = new long[2];
    MessageConsumer<JsonObject> consumer = local.vertx().eventBus().consumer(
        Addresses.defaults().event(EventType.ORDER_PARTIALLY_FILLED), msg -> {
          long now = System.nanoTime();
          int i = received.getAndIncrement();
          if (i < latencies.length) {
            latencies[i] = now - Long.parseLong(msg.headers().get("sent_nanos"));
          }
          if (i == 0) {
            firstLast[0] = now;
          }
          synchronized (seen) {
            seen.set(Integer.parseInt(msg.headers().get("sequence")));
          }
          firstLast[1] = now;
        });
    Await.result(consumer.completion(), WAIT);
    double sentPerSecond = 0;
    try {
      JsonObject sent = Await.result(local.vertx().eventBus().<JsonObject>request("probe.pub.rate",
          new JsonObject().put("rate", rate).put("count", count),
          new DeliveryOptions().setSendTimeout(WAIT.toMillis())), WAIT).body();
      sentPerSecond = sent.getInteger("published") / sent.getDouble("seconds");
    } catch (Exception e) {
      System.out.printf("cross-node events target %d/s x %d: the publisher did not finish within %s (%s)%n", rate,
          count, WAIT, e);
    }
    int last = -1;
    long lastProgress = System.nanoTime();
    while (received.get() < count && System.nanoTime() - lastProgress < 3_000_000_000L) {
      if (received.get() != last) {
        last = received.get();
        lastProgress = System.nanoTime();
      }
      Thread.sleep(20);
    }
    Await.result(consumer.unregister(), WAIT);
    int lost;
    int lowest;
    synchronized (seen) {
      lost = count - seen.cardinality();
      lowest = seen.nextSetBit(1);
    }
    long[] sorted = Arrays.copyOf(latencies, Math.min(count, received.get()));
    Arrays.sort(sorted);
    double seconds = (firstLast[1] - firstLast[0]) / 1e9;
    double[] result = {sorted.length / seconds, sorted[sorted.length / 2] / 1e3,
        sorted[(int) (sorted.length * 0.99)] / 1e3, sorted[sorted.length - 1] / 1e6, lost, sentPerSecond};
    System.out.printf("cross-node events target %d/s x %d: achieved %.0f/s (the publisher sent at %.0f/s), latency"
            + " p50 %.0f us, p99 %.0f us, max %.1f ms, lost %d (lowest sequence received %d)%n", rate, count,
        result[0], sentPerSecond, result[1], result[2], result[3], lost, lowest);
    return result;
  }

  /**
   * The host's own scheduling floor, for reading the latencies: how late a thread of this JVM wakes from a 1 ms
   * park, 2,000 times (no event bus involved). On a loaded 2-core host this, not the bus, bounds the p99.
   */
  static String hostFloor() {
    long[] late = new long[2_000];
    for (int i = 0; i < late.length; i++) {
      long start = System.nanoTime();
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
      late[i] = System.nanoTime() - start - 1_000_000L;
    }
    Arrays.sort(late);
    return String.format("host floor (wake-up delay after a 1 ms park, x2000): p50 %.0f us, p99 %.0f us, max %.1f ms"
        + " (load %s)", late[late.length / 2] / 1e3, late[(int) (late.length * 0.99)] / 1e3,
        late[late.length - 1] / 1e6, loadAverage());
  }

  private static double medianOf(List<double[]> results, int index) {
    List<Double> values = new ArrayList<>();
    results.forEach(r -> values.add(r[index]));
    return median(values);
  }

  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  static void failover(int runs) throws Exception {
    List<Double> takeover = new ArrayList<>();
    List<Double> firstEvent = new ArrayList<>();
    try (TestCluster cluster = new TestCluster(4)) {
      ClusterNode local = cluster.joinLocal();
      EventRecorder recorder = new EventRecorder();
      Await.result(local.vertx().deployVerticle(recorder), WAIT);
      List<NodeProcess> nodes = new ArrayList<>();
      nodes.add(cluster.startProbe("t1", 1, "tracker"));
      nodes.get(0).awaitLine("SINGLETON-ACTIVE tracker", WAIT);
      nodes.add(cluster.startProbe("t2", 2, "tracker"));
      nodes.add(cluster.startProbe("t3", 3, "tracker"));
      OrderTracker tracker = OrderTracker.create(local.vertx(), Addresses.defaults(),
          new DeliveryOptions().setSendTimeout(200));
      NodeProcess active = nodes.get(0);
      for (int run = 0; run < runs; run++) {
        UpdateStream stream = new UpdateStream(local.vertx(), tracker, 40, 2, "r" + run + "-");
        var finished = stream.run();
        Await.until(WAIT, () -> stream.acknowledged() >= 60, () -> "acks " + stream.acknowledged());
        List<NodeProcess> survivors = new ArrayList<>(nodes);
        survivors.remove(active);
        int[] from = survivors.stream().mapToInt(NodeProcess::lineCount).toArray();
        long killedAt = System.nanoTime();
        active.kill();
        Await.result(finished, WAIT);
        NodeProcess next = null;
        long activeAt = -1;
        for (int i = 0; i < survivors.size(); i++) {
          long t = survivors.get(i).lineTime("SINGLETON-ACTIVE tracker", from[i]);
          if (t > 0) {
            next = survivors.get(i);
            activeAt = t;
          }
        }
        long takeoverAt = activeAt;
        Await.until(WAIT, () -> firstArrivalAfter(recorder.snapshot(), takeoverAt) > 0, () -> "no event after takeover");
        takeover.add((activeAt - killedAt) / 1e6);
        firstEvent.add((firstArrivalAfter(recorder.snapshot(), takeoverAt) - killedAt) / 1e6);
        // The killed node comes back as a standby for the next run.
        int slot = nodes.indexOf(active) + 1;
        nodes.remove(active);
        NodeProcess restarted = cluster.startProbe("t" + slot + "r" + run, slot, "tracker");
        restarted.awaitLine("SINGLETON-STANDBY tracker", WAIT);
        nodes.add(slot - 1, restarted);
        active = next;
      }
    }
    System.out.printf("failover (kill -9 -> tracker active on survivor): median %.0f ms %s%n", median(takeover),
        takeover);
    System.out.printf("failover (kill -9 -> first event published after the takeover, at a consumer; client"
        + " timeout 200 ms, retry 20 ms): median %.0f ms %s%n", median(firstEvent), firstEvent);
  }

  /** When the first event recorded after {@code nanos} arrived, or -1. */
  static long firstArrivalAfter(io.vertx.core.json.JsonArray recorded, long nanos) {
    for (int i = 0; i < recorded.size(); i++) {
      long at = recorded.getJsonObject(i).getLong("receivedNanos");
      if (at > nanos) {
        return at;
      }
    }
    return -1;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
