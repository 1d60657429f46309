package dev.ordertracker.bench.store;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.OrderStore;
import dev.ordertracker.core.store.pg.PgOrderStore;
import dev.ordertracker.core.store.sqlite.SqliteOrderStore;
import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Journal throughput: state changes per second that a store commits, one batch in flight at a time (as the
 * JournalWriter does), with and without fsync per batch. A state change is one order snapshot plus its event.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.store.JournalThroughputBenchmark \
 *       [changes=100000] [batchChanges=250] [runs=3]      # PG too when PG_TEST_URL is set
 * </pre>
 */
public final class JournalThroughputBenchmark {
  private JournalThroughputBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int changes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int batchChanges = args.length > 1 ? Integer.parseInt(args[1]) : 250;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Vertx vertx = Vertx.vertx();
    String pg = System.getenv("PG_TEST_URL");
    try {
      for (boolean fsync : new boolean[] {true, false}) {
        CPU.clear();
        List<Double> sqlite = new ArrayList<>();
        List<Double> postgres = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
          Path dir = Files.createTempDirectory("journal-bench");
          sqlite.add(run(new SqliteOrderStore(vertx, dir.resolve("orders.db"), fsync, false), changes,
              batchChanges));
          if (pg != null) {
            String schema = "bench_" + System.nanoTime();
            postgres.add(run(new PgOrderStore(vertx, pg, schema, fsync, 4), changes, batchChanges));
            dropSchema(vertx, pg, schema);
          }
        }
        List<Double> sqliteCpu = new ArrayList<>();
        for (int i = 0; i < CPU.size(); i += pg == null ? 1 : 2) {
          sqliteCpu.add(CPU.get(i));
        }
        System.out.printf("sqlite   fsync_each_batch=%-5s batch=%d changes: median %,.0f changes/s  runs %s; "
            + "JVM CPU %.1f us/change (= %,.0f changes per CPU-second)%n", fsync, batchChanges,
            BenchOrders.median(sqlite), format(sqlite), BenchOrders.median(sqliteCpu),
            1e6 / BenchOrders.median(sqliteCpu));
        if (pg != null) {
          System.out.printf("postgres fsync_each_batch=%-5s batch=%d changes: median %,.0f changes/s  runs %s%n",
              fsync, batchChanges, BenchOrders.median(postgres), format(postgres));
        }
      }
    } finally {
      BenchOrders.await(vertx.close());
    }
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  /** CPU microseconds (all threads of this JVM) per change, per run; steadier than wall time on a busy machine. */
  static final List<Double> CPU = new ArrayList<>();

  static double run(OrderStore store, int changes, int batchChanges) {
    BenchOrders.await(store.open());
    List<JournalBatch> batches = new ArrayList<>();
    long seq = 1;
    for (int from = 0; from < changes; from += batchChanges) {
      int n = Math.min(batchChanges, changes - from);
      List<TrackedOrder> orders = new ArrayList<>(n);
      List<OrderEvent> events = new ArrayList<>(n);
      BenchOrders.changes(from, n, seq, orders, events);
      seq += n;
      batches.add(new JournalBatch(orders, events, null));
    }
    long cpu0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    for (JournalBatch b : batches) {
      BenchOrders.await(store.append(b));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    CPU.add((OS.getProcessCpuTime() - cpu0) / 1e3 / changes);
    BenchOrders.await(store.close());
    return changes / seconds;
  }

  static void dropSchema(Vertx vertx, String url, String schema) {
    io.vertx.sqlclient.Pool pool = io.vertx.pgclient.PgBuilder.pool()
        .connectingTo(io.vertx.pgclient.PgConnectOptions.fromUri(url)).using(vertx).build();
    BenchOrders.await(pool.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute());
    BenchOrders.await(pool.close());
  }

  static String format(List<Double> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(String.format("%,.0f", v)));
    return out.toString();
  }
}
