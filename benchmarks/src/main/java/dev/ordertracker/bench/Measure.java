package dev.ordertracker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/** What the load-driver mains measure with: percentiles, process CPU time, CPU time per thread. */
public final class Measure {
  private Measure() {
  }

  /** Nearest-rank percentile of an ascending array ({@code fraction} 0.99 for p99); 0 when empty. */
  public static long percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(fraction * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** CPU time of the whole process so far (0 where the JVM does not report it). */
  public static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** CPU time of every live thread by name (Vert.x event loops have one each). */
  public static Map<String, Long> threadCpuNanos() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new HashMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null) {
        out.merge(info.getThreadName(), Math.max(0, mx.getThreadCpuTime(info.getThreadId())), Long::sum);
      }
    }
    return out;
  }

  /** Heap bytes allocated so far by each live thread, by name (HotSpot's thread allocation counter). */
  public static Map<String, Long> threadAllocatedBytes() {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new HashMap<>();
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null) {
        out.merge(info.getThreadName(), Math.max(0, mx.getThreadAllocatedBytes(info.getThreadId())), Long::sum);
      }
    }
    return out;
  }

  /** Bytes allocated per {@code unit} by each thread that allocated at least 1 byte per unit between two snapshots. */
  public static String allocationPer(Map<String, Long> before, Map<String, Long> after, long units) {
    StringBuilder out = new StringBuilder();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / Math.max(1, units)))
        .filter(e -> e.getValue() >= 1)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> out.append(String.format(" %s %d B;", e.getKey(), e.getValue())));
    return out.toString();
  }

  /** The {@code top} busiest threads between two {@link #threadCpuNanos()} snapshots, in cores. */
  public static String busiestThreads(Map<String, Long> before, Map<String, Long> after, double seconds, int top) {
    StringBuilder out = new StringBuilder();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(top)
        .forEach(e -> out.append(String.format(" %s %.2f;", e.getKey(), e.getValue() / 1e9 / seconds)));
    return out.toString();
  }
}
