package dev.ordertracker.bench.adapter;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.bench.Measure;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.feed.ScriptedFeed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * and the event-bus hop to the consumer all count. After an unpaced warm-up, one continuous paced push of 5 + N
 * seconds; percentiles over the frames of its last N seconds (the whole push's p99 is printed too); the CPU and the
 * heap allocation of each thread over the same part are printed too.
 *
 * <p>Where the parts run: {@link BenchSetup.Layout} ({@code -Dlayout=paired}, the default: one event loop per core,
 * the adapter alone on one; or {@code spread}). The figures in the READMEs use
 * {@code -XX:+UseParallelGC -Xms5g -Xmx5g -Xmn4g -XX:+AlwaysPreTouch}: a young generation big enough that
 * collections are seconds apart, pre-touched so that no page is faulted in while the stream runs. What survives a
 * young collection is only the frames and events in flight, so the pauses stay short (3–6 ms). With G1's defaults
 * (a few hundred MB of young generation, a collection every 0.3–0.5 s) p99 at 200,000 frames/s was 2.5–3.4 ms.
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
      run(s, 600_000, "warm-up (unpaced)"); // the JIT compiles the whole pipeline
      paced(s, rate, WARM_SECONDS, seconds);
    } finally {
      BenchSetup.await(s.vertx.close());
    }
  }

  /** Seconds of a paced push before its measured part: the stream is sustained, so its start is not measured. */
  private static final int WARM_SECONDS = 5;

  /**
   * One continuous push at {@code rate} for {@code warmSeconds + seconds}; the percentiles, CPU and allocation
   * cover the frames after the first {@code warmSeconds} (the whole push's p99 is printed too). Measured as a
   * separate push after a paced warm-up push, the first 150 ms of the measured push held a third of its late frames.
   */
  private static void paced(BenchSetup s, int rate, int warmSeconds, int seconds) throws Exception {
    int count = rate * (warmSeconds + seconds) / 3 * 3; // whole order lives: NEW, TRADE, TRADE
    int skip = rate * warmSeconds;
    long[] writeNanos = new long[count];
    long[] receivedNanos = new long[count];
    System.gc(); // start from an empty young generation: the unpaced warm-up's garbage is not this run's pause
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
    long[] cpu = new long[2];
    List<Map<String, Long>> threads = new ArrayList<>(List.of(Map.of(), Map.of()));
    List<Map<String, Long>> allocated = new ArrayList<>(List.of(Map.of(), Map.of()));
    long t0 = System.nanoTime();
    // CPU and allocation over the measured part only: sampled when the push reaches it, and when it ends
    Thread sampler = new Thread(() -> {
      java.util.concurrent.locks.LockSupport.parkNanos(warmSeconds * 1_000_000_000L - (System.nanoTime() - t0));
      cpu[0] = Measure.processCpuNanos();
      threads.set(0, Measure.threadCpuNanos());
      allocated.set(0, Measure.threadAllocatedBytes());
    }, "bench-sampler");
    sampler.start();
    long written = BenchSetup.await(s.simulator.pushScripted(AccountOptions.DEMO_NAME, count, rate, writeNanos));
    BenchSetup.waitFor(() -> s.events.get() - eventsBefore >= written, 60_000);
    double measuredSeconds = (System.nanoTime() - t0) / 1e9 - warmSeconds;
    cpu[1] = Measure.processCpuNanos();
    threads.set(1, Measure.threadCpuNanos());
    allocated.set(1, Measure.threadAllocatedBytes());
    sampler.join();
    s.probe = null;
    String dump = System.getProperty("latency.dump");
    if (dump != null) { // write time and latency per measured frame, for plotting
      try (java.io.PrintWriter out = new java.io.PrintWriter(dump)) {
        for (int k = skip; k < count; k++) {
          out.println((writeNanos[k] - writeNanos[skip]) / 1000 + " " + (receivedNanos[k] - writeNanos[k]) / 1000);
        }
      }
    }
    long[] whole = latencies(writeNanos, receivedNanos, 0, count);
    long[] measured = latencies(writeNanos, receivedNanos, skip, count);
    int n = measured.length;
    System.out.printf("measured: the last %d s of a %d s push at %d frames/s (%d frames written), %d events; frame "
            + "written → event at the consumer: p50 %.0f µs, p90 %.0f µs, p99 %.0f µs, p99.9 %.0f µs, max %.0f µs "
            + "(the whole push, its first %d s included: p99 %.0f µs); adapter pauses %d; process CPU %.2f cores; "
            + "load average %.1f%n",
        seconds, warmSeconds + seconds, rate, written, n, micros(measured, 0.5), micros(measured, 0.9),
        micros(measured, 0.99), micros(measured, 0.999), n == 0 ? 0 : measured[n - 1] / 1e3, warmSeconds,
        micros(whole, 0.99), s.adapter.metrics().pauses(), (cpu[1] - cpu[0]) / 1e9 / measuredSeconds,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("  CPU per thread (cores):"
        + Measure.busiestThreads(threads.get(0), threads.get(1), measuredSeconds, 6));
    System.out.println("  heap allocated per frame:"
        + Measure.allocationPer(allocated.get(0), allocated.get(1), count - skip));
  }

  /** Sorted event arrival − frame write of the frames in [from, to) that were both written and received. */
  private static long[] latencies(long[] writeNanos, long[] receivedNanos, int from, int to) {
    long[] out = new long[to - from];
    int n = 0;
    for (int k = from; k < to; k++) {
      if (receivedNanos[k] != 0 && writeNanos[k] != 0) {
        out[n++] = receivedNanos[k] - writeNanos[k];
      }
    }
    out = Arrays.copyOf(out, n);
    Arrays.sort(out);
    return out;
  }

  private static double micros(long[] sorted, double fraction) {
    return Measure.percentile(sorted, fraction) / 1e3;
  }
}
