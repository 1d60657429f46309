package dev.ordertracker.bench.adapter;

import dev.ordertracker.simulator.AccountOptions;
import io.vertx.core.Vertx;

/**
 * Frames in → events out: the simulator pushes scripted executionReports (NEW, TRADE, TRADE per order) over a real
 * loopback WebSocket as fast as the socket accepts them; the adapter decodes, dedups and feeds the tracker; a
 * consumer verticle counts the events. Reports frames/s, events/s and the adapter's frame-to-tracker-answer latency
 * (the tracker publishes the event before it answers).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.adapter.StreamThroughputMain [frames] [runs]</pre>
 */
public final class StreamThroughputMain {
  private StreamThroughputMain() {
  }

  public static void main(String[] args) throws Exception {
    long frames = args.length > 0 ? Long.parseLong(args[0]) : 600_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Vertx vertx = Vertx.vertx();
    try {
      BenchSetup s = new BenchSetup(vertx, 1000, false);
      run(s, 150_000, "warm-up");
      for (int r = 1; r <= runs; r++) {
        run(s, frames, "run " + r);
      }
    } finally {
      BenchSetup.await(vertx.close());
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void run(BenchSetup s, long frames, String label) throws Exception {
    s.adapter.metrics().resetLatency();
    long eventsBefore = s.events.get();
    long framesBefore = s.adapter.metrics().frames();
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    long written = BenchSetup.await(s.simulator.pushScripted(AccountOptions.DEMO_NAME, frames));
    BenchSetup.waitFor(() -> s.events.get() - eventsBefore >= written, 120_000);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
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
}
