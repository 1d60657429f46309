package dev.ordertracker.bench.adapter;

import dev.ordertracker.binance.codec.ExecutionReport;
import dev.ordertracker.binance.codec.OrderUpdates;
import dev.ordertracker.binance.codec.UserDataDecoder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Decoder throughput per CPU-second of the decoding thread (thread CPU time, not wall time), for machines where
 * other processes compete for the cores and JMH's wall-clock figures swing wildly. Same frames as
 * {@link UserDataDecoderBenchmark}; median of 7 rounds.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.adapter.DecoderCpuMain [framesPerRound]</pre>
 */
public final class DecoderCpuMain {
  private static volatile Object sink;

  private DecoderCpuMain() {
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    String[] frames = Frames.executionReports(1024);
    System.out.printf("frame size %d characters%n", frames[0].length());
    UserDataDecoder decoder = new UserDataDecoder();
    report("fast path", n, i -> decoder.decode(frames[i & 1023]));
    report("fast path + OrderUpdate", n, i -> OrderUpdates.from((ExecutionReport) decoder.decode(frames[i & 1023])
        .event(), "main"));
    report("strict path (Jackson)", n / 5, i -> decoder.decodeStrict(frames[i & 1023]));
  }

  private static void report(String label, int n, IntFunction<Object> op) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < n * 2; i++) {
      sink = op.apply(i); // warm-up
    }
    double[] rates = new double[7];
    for (int r = 0; r < rates.length; r++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        sink = op.apply(i);
      }
      rates[r] = n / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }
    Arrays.sort(rates);
    System.out.printf("%-26s median %,.0f frames per CPU-second (min %,.0f, max %,.0f)%n", label, rates[3],
        rates[0], rates[6]);
  }
}
