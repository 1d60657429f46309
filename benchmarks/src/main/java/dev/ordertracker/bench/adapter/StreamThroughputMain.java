package dev.ordertracker.bench.adapter;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.bench.Measure;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.feed.ScriptedFeed;

import java.util.Arrays;
import java.util.Map;

/**
 * Frames in → events out: the simulator pushes scripted executionReports (NEW, TRADE, TRADE per order) over a real
 * loopback WebSocket as fast as the socket accepts them; the adapter decodes, dedups and feeds the tracker; a
 * consumer verticle counts the events. Reports frames/s, events/s and the adapter's frame-to-tracker-answer latency
 * (the tracker publishes the event before it answers).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.adapter.StreamThroughputMain [frames] [runs]
 * java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.adapter.StreamThroughputMain latency [frames/s] [seconds]</pre>
 *
 * <p>latency: the simulator paces the frames (default 200,000/s; {@link BinanceSimulator#pushScripted(String, long,
 * int, long[])}) and records when it hands each frame to the socket; the consumer verticle records when each
 * event arrives. Latency per frame = event arrival − frame write: loopback socket, adapter (decode, dedup), tracker
 * and the event-bus hop to the consumer all count. Percentiles over every frame after warm-up pushes; the CPU and
 * the heap allocation of each thread are printed too.
 *
 * <p>Where the parts run: {@link BenchSetup.Layout} ({@code -Dlayout=paired}, the default: one event loop per core,
 * the adapter alone on one; or {@code spread}). The figures in the READMEs use
 * {@code -XX:+UseParallelGC -Xms5g -Xmx5g -Xmn4g -XX:+AlwaysPreTouch}: a young generation big enough that
 * collections are seconds apart, pre-touched so that no page is faulted in while the stream runs. What survives a
 * young collection is only the frames and events in flight, so the pauses stay short (3–6 ms). With G1's defaults
 * (a few hundred MB of young generation, a collection every 0.3–0.5 s) p99 at 200,000 frames/s was 3–4.5 ms.
 */
public final class StreamThroughputMain {
  private StreamThroughputMain() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("latency")) {
      latency(args.length > 1 ? Integer.parseInt(args[1]) : 200_000, args.length > 2 ? Integer.parseInt(args[2]) : 10);
      return;
    }
    long frames = args.length > 0 ? Long.parseLong(args[0]) : 600_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    BenchSetup s = BenchSetup.create(BenchSetup.Layout.fromSystemProperty(), 1000, false);
    System.out.println(s.describe());
    try {
      run(s, 600_000, "warm-up"); // the JIT needs ~0.5 M frames on two busy cores before the rates settle
      for (int r = 1; r <= runs; r++) {
        run(s, frames, "run " + r);
      }
    } finally {
      BenchSetup.await(s.vertx.close());
    }
  }

  private static void run(BenchSetup s, long frames, String label) throws Exception {
    s.adapter.metrics().resetLatency();
    long eventsBefore = s.events.get();
    long framesBefore = s.adapter.metrics().frames();
    long t0 = System.nanoTime();
    long cpu0 = Measure.processCpuNanos();
    long written = BenchSetup.await(s.simulator.pushScripted(AccountOptions.DEMO_NAME, frames));
    BenchSetup.waitFor(() -> s.events.get() - eventsBefore >= written, 120_000);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (Measure.processCpuNanos() - cpu0) / 1e9;
    long events = s.events.get() - eventsBefore;
    long seen = s.adapter.metrics().frames() - framesBefore;
    System.out.printf("%s: %d frames written, %d seen, %d events in %.2f s: %.0f frames/s, %.0f events/s; "
            + "frame→tracker answer p50 < %d µs, p99 < %d µs, p99.9 < %d µs; pauses %d; process CPU %.1f s "
            + "(%.0f frames per CPU-second, whole pipeline incl. simulator); load average %.1f%n",
        label, written, seen, events, seconds, seen / seconds, events / seconds,
        s.adapter.metrics().latencyQuantileMicros(0.5), s.adapter.metrics().latencyQuantileMicros(0.99),
        s.adapter.metrics().latencyQuantileMicros(0.999), s.adapter.metrics().pauses(), cpuSeconds,
        seen / cpuSeconds, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Paced frames: latency from each frame's nominal write time to its event at the consumer. */
  private static void latency(int rate, int seconds) throws Exception {
    BenchSetup s = BenchSetup.create(BenchSetup.Layout.fromSystemProperty(), 1000, false);
    System.out.println(s.describe());
    try {
      // the per-frame arrays once, before anything runs: allocating 2 x 16 MB (humongous objects for G1) between
      // runs started a concurrent cycle and mixed collections right at the start of the measured run
      int most = rate * Math.max(5, seconds);
      long[] writeNanos = new long[most];
      long[] receivedNanos = new long[most];
      // warm-up: unpaced, then paced, so that the JIT has compiled the paced path too
      run(s, 600_000, "warm-up (unpaced)");
      paced(s, rate, 5, "warm-up (paced)", writeNanos, receivedNanos);
      paced(s, rate, seconds, "measured", writeNanos, receivedNanos);
    } finally {
      BenchSetup.await(s.vertx.close());
    }
  }

  private static void paced(BenchSetup s, int rate, int seconds, String label, long[] writeNanos,
                            long[] receivedNanos) throws Exception {
    int count = rate * seconds / 3 * 3; // whole order lives: NEW, TRADE, TRADE
    Arrays.fill(writeNanos, 0);
    Arrays.fill(receivedNanos, 0);
    System.gc(); // start from an empty young generation: the previous run's garbage is not this run's pause
    long[] base = {-1};
    s.probe = body -> {
      long now = System.nanoTime();
      long orderId = Long.parseLong(body.getString(Fields.ORDER_ID));
      String type = body.getString(Fields.EVENT_TYPE);
      int phase = type.equals(EventType.ORDER_PLACED.name()) ? 0
          : type.equals(EventType.ORDER_PARTIALLY_FILLED.name()) ? 1 : 2;
      long frame = (orderId - ScriptedFeed.FIRST_ORDER_ID) * 3 + phase;
      if (base[0] < 0) {
        base[0] = frame; // the first event of this push is its frame 0
      }
      long k = frame - base[0];
      if (k >= 0 && k < count) {
        receivedNanos[(int) k] = now;
      }
    };
    long eventsBefore = s.events.get();
    long cpu0 = Measure.processCpuNanos();
    Map<String, Long> threads0 = Measure.threadCpuNanos();
    Map<String, Long> allocated0 = Measure.threadAllocatedBytes();
    long t0 = System.nanoTime();
    long written = BenchSetup.await(s.simulator.pushScripted(AccountOptions.DEMO_NAME, count, rate, writeNanos));
    BenchSetup.waitFor(() -> s.events.get() - eventsBefore >= written, 60_000);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    double cpu = (Measure.processCpuNanos() - cpu0) / 1e9;
    Map<String, Long> threads1 = Measure.threadCpuNanos();
    Map<String, Long> allocated1 = Measure.threadAllocatedBytes();
    s.probe = null;
    String dump = System.getProperty("latency.dump");
    if (dump != null && label.equals("measured")) { // write time and latency per frame, for plotting
      try (java.io.PrintWriter out = new java.io.PrintWriter(dump)) {
        for (int k = 0; k < count; k++) {
          out.println((writeNanos[k] - writeNanos[0]) / 1000 + " " + (receivedNanos[k] - writeNanos[k]) / 1000);
        }
      }
    }
    long[] fromWrite = new long[count];
    int n = 0;
    for (int k = 0; k < count; k++) {
      if (receivedNanos[k] != 0 && writeNanos[k] != 0) {
        fromWrite[n++] = receivedNanos[k] - writeNanos[k];
      }
    }
    fromWrite = Arrays.copyOf(fromWrite, n);
    Arrays.sort(fromWrite);
    System.out.printf("%s: %d frames at %d/s paced, %d events in %.2f s (%.0f events/s); frame written → event at the "
            + "consumer: p50 %.0f µs, p90 %.0f µs, p99 %.0f µs, p99.9 %.0f µs, max %.0f µs; adapter pauses %d; "
            + "process CPU %.2f cores; load average %.1f%n",
        label, written, rate, n, elapsed, n / elapsed, micros(fromWrite, 0.5), micros(fromWrite, 0.9),
        micros(fromWrite, 0.99), micros(fromWrite, 0.999), n == 0 ? 0 : fromWrite[n - 1] / 1e3,
        s.adapter.metrics().pauses(), cpu / elapsed,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("  CPU per thread (cores):" + Measure.busiestThreads(threads0, threads1, elapsed, 6));
    System.out.println("  heap allocated per frame:" + Measure.allocationPer(allocated0, allocated1, written));
  }

  private static double micros(long[] sorted, double fraction) {
    return Measure.percentile(sorted, fraction) / 1e3;
  }
}
