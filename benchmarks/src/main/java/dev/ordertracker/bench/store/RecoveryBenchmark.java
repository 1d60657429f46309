package dev.ordertracker.bench.store;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.RecoveredState;
import dev.ordertracker.core.OrderTrackerVerticle;
import dev.ordertracker.core.store.sqlite.SqliteOrderStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Recovery time and disk use: a SQLite store holding {@code active} active orders and {@code history} completed
 * orders (one event each), then (a) open + recover(1000) of the store alone and (b) a full tracker deployment that
 * restores from it, several times; and the file's bytes per order.
 *
 * <pre>
 *   java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.store.RecoveryBenchmark \
 *       [active=100000] [history=1000000] [runs=3] [dir]
 * </pre>
 */
public final class RecoveryBenchmark {
  private RecoveryBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int active = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int history = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("recovery-bench");
    Path file = dir.resolve("orders.db");
    Vertx vertx = Vertx.vertx();
    try {
      if (!Files.exists(file)) {
        long t0 = System.nanoTime();
        fill(vertx, file, active, history);
        System.out.printf("built %,d active + %,d completed orders (+1 event each) in %.1f s%n", active, history,
            (System.nanoTime() - t0) / 1e9);
      }
      long bytes = size(dir);
      System.out.printf("disk: %,d bytes = %,.0f bytes per order (snapshot with history, fills and raw response, "
          + "plus its event and indexes)%n", bytes, (double) bytes / (active + history));
      List<Double> storeOnly = new ArrayList<>();
      List<Double> unchecked = new ArrayList<>();
      List<Double> deploy = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        for (boolean check : new boolean[] {true, false}) {
          long t0 = System.nanoTime();
          SqliteOrderStore store = new SqliteOrderStore(vertx, file, true, false, check);
          BenchOrders.await(store.open());
          double opened = (System.nanoTime() - t0) / 1e6;
          RecoveredState s = BenchOrders.await(store.recover(1000));
          double recovered = (System.nanoTime() - t0) / 1e6;
          BenchOrders.await(store.close());
          (check ? storeOnly : unchecked).add(recovered);
          System.out.printf("run %d: check_on_open=%s open %.0f ms, open+recover %.0f ms: %,d active, %,d history, "
              + "last sequence %,d%n", r + 1, check, opened, recovered, s.active().size(), s.recentHistory().size(),
              s.lastSequence());
        }
        Vertx v2 = Vertx.vertx();
        long t1 = System.nanoTime();
        String id = BenchOrders.await(v2.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions()
            .setConfig(new JsonObject().put("store", new JsonObject().put("data_dir", dir.toString())))));
        deploy.add((System.nanoTime() - t1) / 1e6);
        BenchOrders.await(v2.undeploy(id));
        BenchOrders.await(v2.close());
      }
      System.out.printf("store open+recover: median %.0f ms with quick_check, %.0f ms without; "
          + "tracker deployment with restore (quick_check on): median %.0f ms%n",
          BenchOrders.median(storeOnly), BenchOrders.median(unchecked), BenchOrders.median(deploy));
    } finally {
      BenchOrders.await(vertx.close());
    }
  }

  private static void fill(Vertx vertx, Path file, int active, int history) {
    SqliteOrderStore store = new SqliteOrderStore(vertx, file, false, false);
    BenchOrders.await(store.open());
    int batch = 5000;
    long seq = 1;
    long total = (long) active + history;
    for (long from = 0; from < total; from += batch) {
      int n = (int) Math.min(batch, total - from);
      List<TrackedOrder> orders = new ArrayList<>(n);
      List<OrderEvent> events = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        long i = from + k;
        TrackedOrder o = i < history ? BenchOrders.filled(i) : BenchOrders.active(i);
        orders.add(o);
        events.add(BenchOrders.event(seq++, o));
      }
      BenchOrders.await(store.append(new JournalBatch(orders, events, null)));
    }
    BenchOrders.await(store.close());
  }

  private static long size(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("orders.db")).mapToLong(p -> p.toFile().length())
          .sum();
    }
  }
}
