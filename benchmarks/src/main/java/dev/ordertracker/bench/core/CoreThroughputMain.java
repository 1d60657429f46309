package dev.ordertracker.bench.core;

import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.core.OrderTrackerCore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The same workload as {@link CoreUpdateBenchmark#apply()}, timed by the thread's CPU time as well as the wall
 * clock. On a shared, overloaded machine the wall-clock rate mostly measures how much CPU the scheduler granted;
 * updates per CPU-second is what one dedicated core would do.
 *
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.core.CoreThroughputMain [rounds]</pre>
 */
public final class CoreThroughputMain {
  /** Cycled lives; their reports stay cache-resident like freshly decoded ones (see CoreUpdateBenchmark). */
  private static final int ORDERS = CoreUpdateBenchmark.ORDERS;
  private static final int PASSES = 50;
  private CoreThroughputMain() {
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    OrderUpdate[] updates = OrderLives.build(ORDERS, "BTCUSDT");
    CoreUpdateBenchmark.LastEvent sink = new CoreUpdateBenchmark.LastEvent();
    double[] perCpuSecond = new double[rounds];
    double[] perWallSecond = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      OrderTrackerCore core = OrderTrackerCore.builder().maxHistorySize(1000).sink(sink).build();
      long cpu0 = mx.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      for (int p = 0; p < PASSES; p++) {
        for (OrderUpdate u : updates) {
          core.apply(u);
        }
      }
      long wall = System.nanoTime() - wall0;
      long cpu = mx.getCurrentThreadCpuTime() - cpu0;
      perCpuSecond[r] = (double) updates.length * PASSES / (cpu / 1e9);
      perWallSecond[r] = (double) updates.length * PASSES / (wall / 1e9);
      if (core.stats().eventsPublished() != (long) updates.length * PASSES) {
        throw new IllegalStateException("every update must publish one event: " + core.stats());
      }
    }
    // the second half only (after JIT warm-up)
    double[] cpu = Arrays.copyOfRange(perCpuSecond, rounds / 2, rounds);
    double[] wall = Arrays.copyOfRange(perWallSecond, rounds / 2, rounds);
    Arrays.sort(cpu);
    Arrays.sort(wall);
    System.out.printf("core apply, one thread: median %.0f updates per CPU-second, %.0f updates per wall-second "
            + "(%d rounds of %d updates after %d warm-up rounds; load average %.1f)%n", cpu[cpu.length / 2],
        wall[wall.length / 2], cpu.length, updates.length * PASSES, rounds - cpu.length,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
