package dev.ordertracker.bench.adapter;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.binance.config.ReconcileLoopOptions;
import dev.ordertracker.binance.executor.OrderExecutor;
import dev.ordertracker.binance.executor.PlaceOrder;
import dev.ordertracker.binance.metrics.ReconcileMetrics;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.SimulatedOrder;
import dev.ordertracker.simulator.faults.FailureKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of continuous reconciliation (issue 14), against the simulator, default options unless said:
 * <ul>
 *   <li>{@code lostfill [trials]}: one resting order, its fill report dropped on a healthy connection: seconds until
 *   the tracker shows it FILLED (the next sweep at {@code open_check_interval_ms} = 30 s);</li>
 *   <li>{@code weight [orders...]}: with that many resting orders, the request weight of one sweep (measured over 5
 *   sweeps) and per minute at the default interval, against the 6,000/min account limit, and a sweep's time;</li>
 *   <li>{@code catchup [orders] [filled] [failPercent]}: {@code orders} resting, delivery paused, {@code filled} of
 *   them fill, the connection drops; {@code failPercent} % of all query answers fail (503, seeded): time from the
 *   drop until the reconciliation after the reconnect is done, its weight and retries, and whether the tracker then
 *   equals the exchange.</li>
 * </ul>
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.adapter.ReconcileLoopMain weight 1000 10000</pre>
 */
public final class ReconcileLoopMain {
  private static final BigDecimal TOP = new BigDecimal("59999.00");
  private static final BigDecimal TICK = new BigDecimal("0.50");

  private ReconcileLoopMain() {
  }

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "weight";
    switch (mode) {
      case "lostfill" -> lostFill(args.length > 1 ? Integer.parseInt(args[1]) : 3);
      case "weight" -> {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
          sizes.add(Integer.parseInt(args[i]));
        }
        for (int n : sizes.isEmpty() ? List.of(1_000, 10_000) : sizes) {
          weight(n);
        }
      }
      case "catchup" -> catchUp(args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
          args.length > 2 ? Integer.parseInt(args[2]) : 1_000, args.length > 3 ? Integer.parseInt(args[3]) : 20);
      default -> throw new IllegalArgumentException("mode: lostfill | weight | catchup");
    }
  }

  private static OrderExecutor executor(BenchSetup s) throws Exception {
    return BenchSetup.await(OrderExecutor.create(s.vertx, new BinanceAdapterOptions(s.adapterConfig(true))));
  }

  private static void ladder(OrderExecutor executor, int orders) throws Exception {
    for (int batch = 0; batch < orders; batch += 200) {
      List<Future<TrackedOrder>> placed = new ArrayList<>();
      for (int i = batch; i < Math.min(orders, batch + 200); i++) {
        placed.add(executor.place(PlaceOrder.limit(AccountOptions.DEMO_NAME, "BTCUSDT", OrderSide.BUY,
            new BigDecimal("0.0001"), TOP.subtract(TICK.multiply(BigDecimal.valueOf(i))))));
      }
      BenchSetup.await(Future.all(placed));
    }
  }

  private static void lostFill(int trials) throws Exception {
    BenchSetup s = BenchSetup.create(BenchSetup.Layout.SPREAD, 10_000, true);
    try {
      OrderExecutor executor = executor(s);
      OrderTracker tracker = OrderTracker.create(s.vertx);
      for (int trial = 0; trial < trials; trial++) {
        BigDecimal price = TOP.subtract(BigDecimal.valueOf(100L * (trial + 1)));
        TrackedOrder o = BenchSetup.await(executor.place(PlaceOrder.limit(AccountOptions.DEMO_NAME, "BTCUSDT",
            OrderSide.BUY, new BigDecimal("0.0001"), price)));
        BenchSetup.waitFor(() -> status(tracker, o) == OrderStatus.PLACED, 10_000);
        BenchSetup.await(s.simulator.faults().dropNextReports(1));
        BenchSetup.await(s.simulator.movePrice("BTCUSDT", price.subtract(BigDecimal.ONE)));
        long t0 = System.nanoTime();
        BenchSetup.waitFor(() -> status(tracker, o) == OrderStatus.FILLED, 120_000);
        System.out.printf("lost fill %d found after %.1f s (open_check_interval_ms %d; found: %s)%n", trial + 1,
            (System.nanoTime() - t0) / 1e9, ReconcileLoopOptions.DEFAULT_OPEN_CHECK_INTERVAL_MS,
            status(tracker, o) == OrderStatus.FILLED);
        BenchSetup.await(s.simulator.movePrice("BTCUSDT", TOP.add(BigDecimal.ONE)));
      }
      BenchSetup.await(executor.close());
    } finally {
      BenchSetup.await(s.vertx.close());
    }
  }

  private static OrderStatus status(OrderTracker tracker, TrackedOrder o) {
    try {
      return BenchSetup.await(tracker.getOrderByClientId(o.clientOrderId())).status();
    } catch (Exception e) {
      return null;
    }
  }

  private static void weight(int orders) throws Exception {
    BenchSetup s = BenchSetup.create(BenchSetup.Layout.SPREAD, orders * 2, true);
    try {
      OrderExecutor executor = executor(s);
      ladder(executor, orders);
      String account = AccountOptions.DEMO_NAME;
      BenchSetup.await(s.adapter.reconcileLoop().sweepNow(account)); // warm-up
      long w0 = s.adapter.metrics().reconcileWeight();
      long t0 = System.nanoTime();
      int sweeps = 5;
      for (int i = 0; i < sweeps; i++) {
        BenchSetup.await(s.adapter.reconcileLoop().sweepNow(account));
      }
      double perSweepMs = (System.nanoTime() - t0) / 1e6 / sweeps;
      double perSweep = (s.adapter.metrics().reconcileWeight() - w0) / (double) sweeps;
      double perMinute = perSweep * 60_000.0 / ReconcileLoopOptions.DEFAULT_OPEN_CHECK_INTERVAL_MS;
      System.out.printf("%d open orders: %.0f weight per sweep, %.0f per minute at the default interval (%d ms) ="
              + " %.1f %% of 6,000/min; a sweep takes %.0f ms%n", orders, perSweep, perMinute,
          ReconcileLoopOptions.DEFAULT_OPEN_CHECK_INTERVAL_MS, perMinute / 60.0, perSweepMs);
      BenchSetup.await(executor.close());
    } finally {
      BenchSetup.await(s.vertx.close());
    }
  }

  private static void catchUp(int orders, int filled, int failPercent) throws Exception {
    BenchSetup s = BenchSetup.create(BenchSetup.Layout.SPREAD, orders * 2, true,
        new JsonObject().put(ReconcileLoopOptions.QUERY_ATTEMPTS, 10));
    try {
      OrderExecutor executor = executor(s);
      ladder(executor, orders);
      OrderTracker tracker = OrderTracker.create(s.vertx);
      BenchSetup.await(s.simulator.faults().pauseDelivery());
      BenchSetup.await(s.simulator.movePrice("BTCUSDT", TOP.subtract(TICK.multiply(BigDecimal.valueOf(filled)))));
      ReconcileMetrics m = s.adapter.metrics().reconcile();
      long weightBefore = s.adapter.metrics().reconcileWeight();
      long retriesBefore = m.queryRetries();
      BenchSetup.await(s.simulator.faults().failQueriesAtRandom(failPercent, FailureKind.HTTP_5XX, 0));
      BenchSetup.await(s.simulator.faults().resumeDelivery());
      Future<Integer> before = s.adapter.lastReconciliation();
      long t1 = System.nanoTime();
      BenchSetup.await(s.simulator.faults().dropConnectionsNow());
      BenchSetup.waitFor(() -> s.adapter.lastReconciliation() != before, 60_000);
      int corrections = BenchSetup.await(s.adapter.lastReconciliation());
      double seconds = (System.nanoTime() - t1) / 1e9;
      BenchSetup.await(s.simulator.faults().reset());
      BenchSetup.waitFor(() -> false, 500); // let the last corrections land before comparing
      long mismatches = 0;
      for (SimulatedOrder o : s.simulator.orders()) {
        TrackedOrder t = BenchSetup.await(tracker.getOrder(Long.toString(o.orderId()), o.symbol()));
        if (t.filledQuantity().compareTo(o.executedQty()) != 0) {
          mismatches++;
        }
      }
      System.out.printf("catch-up of %d orders (%d filled while unseen), %d %% of query answers failing: %.2f s from"
              + " the drop, %d updates, request weight %d, %d query retries, %d orders left to the next sweep,"
              + " quantity mismatches vs exchange %d%n", orders, filled, failPercent, seconds, corrections,
          s.adapter.metrics().reconcileWeight() - weightBefore, m.queryRetries() - retriesBefore, m.unresolved(),
          mismatches);
      BenchSetup.await(executor.close());
    } finally {
      BenchSetup.await(s.vertx.close());
    }
  }
}
