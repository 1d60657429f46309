package dev.ordertracker.bench.core;

import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.core.OrderTrackerCore;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;

/**
 * Retained heap per order, measured as used-heap deltas after full GCs with 100,000 orders: first active (tracked
 * with a client id, price and quantity, then PLACED by an exchange report with an execution id: two history
 * entries), then completed (FILLED with cumulative quantity and quote, three history entries, in the history).
 * No fills. Every value is a fresh object, as if decoded from the wire. Target: at most 1.5 KiB per order.
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.core.MemoryFootprintMain [orders]</pre>
 */
public final class MemoryFootprintMain {
  private MemoryFootprintMain() {
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long base = usedAfterGc();
    OrderTrackerCore core = OrderTrackerCore.builder().maxHistorySize(n).build();
    long empty = usedAfterGc();
    for (int i = 0; i < n; i++) {
      String id = Long.toString(4_000_000_000L + i);
      core.trackOrder(NewOrder.of(id, new String("BTCUSDT"), OrderType.LIMIT, OrderSide.BUY,
              new BigDecimal("0.00" + (100 + i % 900)))
          .withPrice(new BigDecimal("50" + (100 + i % 900) + ".12"))
          .withClientOrderId("web_" + Long.toHexString(0x5f00_0000_0000L + i)));
      core.apply(OrderUpdate.builder(new String("BTCUSDT"), id, OrderStatus.PLACED)
          .cumulative(BigDecimal.ZERO, BigDecimal.ZERO).executionId(Long.toString(9_000_000_000L + 2L * i))
          .build());
    }
    long active = usedAfterGc();
    for (int i = 0; i < n; i++) {
      String id = Long.toString(4_000_000_000L + i);
      BigDecimal qty = new BigDecimal("0.00" + (100 + i % 900));
      core.apply(OrderUpdate.builder(new String("BTCUSDT"), id, OrderStatus.FILLED)
          .cumulative(qty, qty.multiply(new BigDecimal("50" + (100 + i % 900) + ".12")))
          .executionId(Long.toString(9_000_000_001L + 2L * i)).build());
    }
    long completed = usedAfterGc();
    System.out.printf("orders: %d (active %d, history %d before completion)%n", n, n, 0);
    System.out.printf("retained per active order:    %.0f bytes%n", (active - empty) / (double) n);
    System.out.printf("retained per completed order: %.0f bytes (in history)%n", (completed - empty) / (double) n);
    System.out.printf("(empty core %d bytes; core stats: %s)%n", empty - base, core.stats());
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
