package dev.ordertracker.bench.store;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateResult;
import dev.ordertracker.core.OrderTrackerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracker's end-to-end throughput with the store on versus off: exchange reports sent to the tracker verticle
 * over the event bus (OrderTracker client, 256 requests in flight), events published, and with the store every
 * change journaled (SQLite, default group commit). "tracking" is reports/s until the last answer; "durable" adds
 * the final flush (undeploy) to the time.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.store.StoreEndToEndBenchmark [orders=20000] [runs=3]
 * </pre>
 */
public final class StoreEndToEndBenchmark {
  private static final int WINDOW = 256;

  private StoreEndToEndBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<OrderUpdate> feed = feed(orders);
    List<Double> off = new ArrayList<>();
    List<Double> on = new ArrayList<>();
    List<Double> onDurable = new ArrayList<>();
    List<Double> onNoFsync = new ArrayList<>();
    run(feed, null, true); // warm-up
    for (int r = 0; r < runs; r++) {
      off.add(run(feed, null, true)[0]);
      double[] s = run(feed, Files.createTempDirectory("e2e-bench"), true);
      on.add(s[0]);
      onDurable.add(s[1]);
      onNoFsync.add(run(feed, Files.createTempDirectory("e2e-bench"), false)[0]);
    }
    System.out.printf("reports: %,d (%,d orders: placed, partially filled, filled)%n", feed.size(), orders);
    System.out.printf("store off:                 median %,.0f reports/s  runs %s%n", BenchOrders.median(off),
        JournalThroughputBenchmark.format(off));
    System.out.printf("store on (fsync/batch):    median %,.0f reports/s  runs %s  = %.0f%% of off%n",
        BenchOrders.median(on), JournalThroughputBenchmark.format(on),
        100 * BenchOrders.median(on) / BenchOrders.median(off));
    System.out.printf("  incl. final flush:       median %,.0f reports/s  runs %s%n", BenchOrders.median(onDurable),
        JournalThroughputBenchmark.format(onDurable));
    System.out.printf("store on (no fsync):       median %,.0f reports/s  runs %s  = %.0f%% of off%n",
        BenchOrders.median(onNoFsync), JournalThroughputBenchmark.format(onNoFsync),
        100 * BenchOrders.median(onNoFsync) / BenchOrders.median(off));
    // CPU per report (all threads, incl. the final flush) is steadier than wall time on a shared machine.
    System.out.printf("CPU per report: store off %.1f us, store on %.1f us (median; off/on = %.0f%%)%n",
        BenchOrders.median(CPU_OFF), BenchOrders.median(CPU_ON),
        100 * BenchOrders.median(CPU_OFF) / BenchOrders.median(CPU_ON));
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  static final List<Double> CPU_OFF = new ArrayList<>();
  static final List<Double> CPU_ON = new ArrayList<>();

  /** @return {reports/s until the last answer, reports/s including the final flush} */
  static double[] run(List<OrderUpdate> feed, Path dataDir, boolean fsync) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject config = new JsonObject().put("max_history_size", 1000);
      if (dataDir != null) {
        config.put("store", new JsonObject().put("data_dir", dataDir.toString()).put("fsync_each_batch", fsync));
      }
      String id = BenchOrders.await(vertx.deployVerticle(new OrderTrackerVerticle(),
          new DeploymentOptions().setConfig(config)));
      OrderTracker tracker = OrderTracker.create(vertx);
      long cpu0 = OS.getProcessCpuTime();
      long t0 = System.nanoTime();
      List<Future<UpdateResult>> window = new ArrayList<>(WINDOW);
      for (OrderUpdate u : feed) {
        window.add(tracker.applyUpdate(u));
        if (window.size() == WINDOW) {
          BenchOrders.await(Future.all(window));
          window.clear();
        }
      }
      BenchOrders.await(Future.all(window));
      double tracking = (System.nanoTime() - t0) / 1e9;
      BenchOrders.await(vertx.undeploy(id));
      double durable = (System.nanoTime() - t0) / 1e9;
      double cpuMicrosPerReport = (OS.getProcessCpuTime() - cpu0) / 1e3 / feed.size();
      if (fsync) {
        (dataDir == null ? CPU_OFF : CPU_ON).add(cpuMicrosPerReport);
      }
      return new double[] {feed.size() / tracking, feed.size() / durable};
    } finally {
      BenchOrders.await(vertx.close());
    }
  }

  static List<OrderUpdate> feed(int orders) {
    List<OrderUpdate> out = new ArrayList<>(orders * 3);
    Instant t0 = Instant.parse("2026-01-01T00:00:00.000Z");
    BigDecimal qty = new BigDecimal("0.02");
    BigDecimal price = new BigDecimal("49000.01");
    for (int i = 0; i < orders; i++) {
      String symbol = BenchOrders.SYMBOLS[i % BenchOrders.SYMBOLS.length];
      String id = Integer.toString(1_000_000 + i);
      out.add(OrderUpdate.builder(symbol, id, OrderStatus.PLACED).order(OrderType.LIMIT, OrderSide.BUY, qty, price)
          .createdAt(t0.plusMillis(i)).executionId(id + "-0").cumulative(BigDecimal.ZERO, BigDecimal.ZERO).build());
    }
    for (int step = 1; step <= 2; step++) {
      for (int i = 0; i < orders; i++) {
        String symbol = BenchOrders.SYMBOLS[i % BenchOrders.SYMBOLS.length];
        String id = Integer.toString(1_000_000 + i);
        BigDecimal filled = step == 1 ? new BigDecimal("0.01") : qty;
        out.add(OrderUpdate.builder(symbol, id, step == 1 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.FILLED)
            .cumulative(filled, filled.multiply(price)).executionId(id + "-" + step)
            .lastFill(new dev.ordertracker.api.Fill(i * 2L + step, new BigDecimal("0.01"), price, null,
                BigDecimal.ZERO, "BNB", false, t0.plusMillis(i + step)))
            .build());
      }
    }
    return out;
  }
}
