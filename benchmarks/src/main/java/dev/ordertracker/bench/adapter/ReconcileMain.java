package dev.ordertracker.bench.adapter;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.binance.executor.OrderExecutor;
import dev.ordertracker.binance.executor.PlaceOrder;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.SimulatedOrder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reconciliation of 10,000 active orders after a reconnect, against the simulator: 10,000 resting BTCUSDT buys are
 * placed and tracked (0.0001 BTC each: the demo account's 100,000 USDT must cover them); event delivery is
 * paused; the price moves through the top of the ladder (those orders fill
 * while the adapter sees nothing); the connection drops. Measures from the drop until the reconciliation after the
 * reconnect completes, the request weight it spent, and checks that the tracker then equals the exchange.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.adapter.ReconcileMain [orders] [filled]</pre>
 */
public final class ReconcileMain {
  private ReconcileMain() {
  }

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int filled = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    BenchSetup s = BenchSetup.create(BenchSetup.Layout.SPREAD, orders * 2, true);
    Vertx vertx = s.vertx;
    try {
      OrderExecutor executor = BenchSetup.await(OrderExecutor.create(vertx,
          new BinanceAdapterOptions(s.adapterConfig(true))));
      long t0 = System.nanoTime();
      BigDecimal top = new BigDecimal("59999.00");
      BigDecimal tick = new BigDecimal("0.50");
      for (int batch = 0; batch < orders; batch += 200) {
        List<Future<TrackedOrder>> placed = new ArrayList<>();
        for (int i = batch; i < Math.min(orders, batch + 200); i++) {
          placed.add(executor.place(PlaceOrder.limit(AccountOptions.DEMO_NAME, "BTCUSDT", OrderSide.BUY,
              new BigDecimal("0.0001"), top.subtract(tick.multiply(BigDecimal.valueOf(i))))));
        }
        BenchSetup.await(Future.all(placed));
      }
      System.out.printf("placed %d orders in %.1f s%n", orders, (System.nanoTime() - t0) / 1e9);
      OrderTracker tracker = OrderTracker.create(vertx);
      System.out.printf("tracker active orders: %d; exchange: %s%n", BenchSetup.await(tracker.getActiveOrders()).size(),
          s.simulator.orders().stream().collect(java.util.stream.Collectors.groupingBy(SimulatedOrder::status,
              java.util.stream.Collectors.counting())));

      BenchSetup.await(s.simulator.faults().pauseDelivery());
      // fills every order priced at or above the new price (the one exactly at it fills half)
      BigDecimal price = top.subtract(tick.multiply(BigDecimal.valueOf(filled)));
      BenchSetup.await(s.simulator.movePrice("BTCUSDT", price));
      long weightBefore = s.adapter.metrics().reconcileWeight();
      Future<Integer> before = s.adapter.lastReconciliation();
      BenchSetup.await(s.simulator.faults().resumeDelivery());
      long t1 = System.nanoTime();
      BenchSetup.await(s.simulator.faults().dropConnectionsNow());
      // the reconciliation of the reconnect (the loop's periodic sweeps count as reconciliations too)
      BenchSetup.waitFor(() -> s.adapter.lastReconciliation() != before, 120_000);
      int corrections = BenchSetup.await(s.adapter.lastReconciliation());
      double seconds = (System.nanoTime() - t1) / 1e9;
      long weight = s.adapter.metrics().reconcileWeight() - weightBefore;

      long mismatches = 0;
      long trackerFilled = 0;
      List<TrackedOrder> active = BenchSetup.await(tracker.getActiveOrders());
      List<TrackedOrder> done = BenchSetup.await(tracker.getCompletedOrders(dev.ordertracker.api.OrderTracker.MAX_COMPLETED_LIMIT));
      java.util.Map<String, TrackedOrder> byId = new java.util.HashMap<>();
      active.forEach(o -> byId.put(o.orderId(), o));
      done.forEach(o -> byId.put(o.orderId(), o));
      BenchSetup.waitFor(() -> false, 500); // let the last corrections land before comparing
      for (SimulatedOrder o : s.simulator.orders()) {
        TrackedOrder t = BenchSetup.await(tracker.getOrder(Long.toString(o.orderId()), o.symbol()));
        if (t.status() == OrderStatus.FILLED) {
          trackerFilled++;
        }
        if (t.filledQuantity().compareTo(o.executedQty()) != 0) {
          mismatches++;
        }
      }
      System.out.printf("reconnect + reconciliation of %d active orders: %.2f s, %d corrections, request weight "
              + "%d (limit 6,000/min), tracker FILLED %d, quantity mismatches vs exchange %d%n",
          orders, seconds, corrections, weight, trackerFilled, mismatches);
      BenchSetup.await(executor.close());
    } finally {
      BenchSetup.await(vertx.close());
    }
  }
}
