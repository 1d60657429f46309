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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The tracker's end-to-end throughput with the store on versus off: exchange reports sent to the tracker verticle
 * over the event bus (OrderTracker client, 256 requests in flight), events published, and with the store every
 * change journaled (default group commit). "tracking" is reports/s until the last answer; "durable" adds the final
 * flush (undeploy) to the time.
 *
 * <p>The machine is shared, so the three modes (store off, store on with fsync_each_batch, store on without) run
 * back to back in every round, in a rotating order, and the figure to read is the <b>median of the per-round
 * ratios</b> on/off (each ratio compares runs seconds apart). CPU per report (all threads of the JVM) is printed
 * too; it is steadier than wall time on a loaded machine.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.store.StoreEndToEndBenchmark \
 *       [orders=20000] [rounds=5] [sqlite|postgres]        # postgres: PG_TEST_URL=postgresql://u:p@host:port/db
 * </pre>
 */
public final class StoreEndToEndBenchmark {
  private static final int WINDOW = 256;

  enum Mode { OFF, FSYNC, NO_FSYNC }

  private StoreEndToEndBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String type = args.length > 2 ? args[2] : "sqlite";
    String pgUrl = System.getenv("PG_TEST_URL");
    if (!type.equals("sqlite") && !(type.equals("postgres") && pgUrl != null)) {
      throw new IllegalArgumentException("store type sqlite, or postgres with PG_TEST_URL set; was " + type);
    }
    List<OrderUpdate> feed = feed(orders);
    Map<Mode, List<double[]>> runs = new EnumMap<>(Mode.class);
    List<Double> fsyncRatio = new ArrayList<>();
    List<Double> noFsyncRatio = new ArrayList<>();
    run(feed, store(Mode.FSYNC, type, pgUrl)); // warm-up
    Mode[] modes = Mode.values();
    for (int r = 0; r < rounds; r++) {
      Map<Mode, double[]> round = new EnumMap<>(Mode.class);
      for (int k = 0; k < modes.length; k++) {
        Mode m = modes[(r + k) % modes.length];
        round.put(m, run(feed, store(m, type, pgUrl)));
        runs.computeIfAbsent(m, x -> new ArrayList<>()).add(round.get(m));
      }
      fsyncRatio.add(round.get(Mode.FSYNC)[0] / round.get(Mode.OFF)[0]);
      noFsyncRatio.add(round.get(Mode.NO_FSYNC)[0] / round.get(Mode.OFF)[0]);
      System.out.printf("round %d: off %,.0f  fsync %,.0f (%.0f%%)  no-fsync %,.0f (%.0f%%) reports/s%n", r + 1,
          round.get(Mode.OFF)[0], round.get(Mode.FSYNC)[0], 100 * fsyncRatio.get(r), round.get(Mode.NO_FSYNC)[0],
          100 * noFsyncRatio.get(r));
    }
    System.out.printf("reports: %,d (%,d orders: placed, partially filled, filled), store %s%n", feed.size(), orders,
        type);
    for (Mode m : modes) {
      List<Double> tracking = column(runs.get(m), 0);
      System.out.printf("%-9s median %,7.0f reports/s  runs %s; incl. final flush %,.0f; CPU %.1f us/report%n", m,
          BenchOrders.median(tracking), JournalThroughputBenchmark.format(tracking),
          BenchOrders.median(column(runs.get(m), 1)), BenchOrders.median(column(runs.get(m), 2)));
    }
    System.out.printf("store on / off, median of per-round ratios: fsync_each_batch %.0f%% %s, no fsync %.0f%% %s%n",
        100 * BenchOrders.median(fsyncRatio), percent(fsyncRatio), 100 * BenchOrders.median(noFsyncRatio),
        percent(noFsyncRatio));
  }

  private static JsonObject store(Mode mode, String type, String pgUrl) throws Exception {
    if (mode == Mode.OFF) {
      return null;
    }
    JsonObject store = new JsonObject().put("fsync_each_batch", mode == Mode.FSYNC);
    if (type.equals("postgres")) {
      return store.put("type", "postgres").put("pg_url", pgUrl).put("pg_schema", "e2e_bench_" + System.nanoTime());
    }
    return store.put("data_dir", Files.createTempDirectory("e2e-bench").toString());
  }

  private static List<Double> column(List<double[]> rows, int i) {
    List<Double> out = new ArrayList<>();
    rows.forEach(r -> out.add(r[i]));
    return out;
  }

  private static String percent(List<Double> ratios) {
    List<String> out = new ArrayList<>();
    ratios.forEach(v -> out.add(String.format("%.0f", 100 * v)));
    return out.toString();
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  /** @return {reports/s until the last answer, reports/s including the final flush, CPU us per report} */
  static double[] run(List<OrderUpdate> feed, JsonObject store) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject config = new JsonObject().put("max_history_size", 1000);
      if (store != null) {
        config.put("store", store);
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
      if (store != null && store.containsKey("pg_schema")) {
        JournalThroughputBenchmark.dropSchema(vertx, store.getString("pg_url"), store.getString("pg_schema"));
      }
      return new double[] {feed.size() / tracking, feed.size() / durable, cpuMicrosPerReport};
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
