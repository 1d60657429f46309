package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.core.OrderTrackerCore;

import java.math.BigDecimal;
import java.util.List;

/**
 * Makes a standby ready to take over quickly: loads the tracker's classes and runs a throw-away core through an
 * order's life a few thousand times, so a takeover does not start with class loading and interpreted code (about
 * half a second of a cold takeover on a busy 2-core host). Runs once, on a worker thread, when a node has the
 * tracker role. Touches no shared state.
 */
final class StandbyWarmUp {
  private static final System.Logger LOG = System.getLogger(StandbyWarmUp.class.getName());
  private static final List<String> CLASSES = List.of(
      "dev.ordertracker.core.cluster.ReplicatedTrackerVerticle",
      "dev.ordertracker.core.cluster.TrackerStateReplica",
      "dev.ordertracker.core.cluster.ReplicationBatcher",
      "dev.ordertracker.core.cluster.ReplicationMeta",
      "dev.ordertracker.core.cluster.ReplicatingTrackerService",
      "dev.ordertracker.core.cluster.OwnershipGate",
      "dev.ordertracker.core.cluster.ReplicationOutbox",
      "dev.ordertracker.core.service.LocalUpdateIngest",
      "dev.ordertracker.core.cluster.OrderedEventPublisher",
      "dev.ordertracker.core.cluster.OwnershipLease",
      "dev.ordertracker.core.service.TrackerServiceEndpoint",
      "dev.ordertracker.api.OrderTrackerServiceVertxProxyHandler",
      "io.vertx.serviceproxy.ServiceBinder");

  private StandbyWarmUp() {
  }

  static void run() {
    long start = System.nanoTime();
    ClassLoader loader = StandbyWarmUp.class.getClassLoader();
    for (String name : CLASSES) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        LOG.log(System.Logger.Level.WARNING, () -> "warm-up: cannot load " + name + ": " + e);
      }
    }
    BigDecimal qty = new BigDecimal("1.0");
    BigDecimal price = new BigDecimal("100.5");
    for (int round = 0; round < 2_000; round++) {
      OrderTrackerCore core = OrderTrackerCore.builder().build();
      String id = Integer.toString(round);
      core.trackOrder(NewOrder.of(id, "WARMUP", OrderType.LIMIT, OrderSide.BUY, qty).withPrice(price));
      core.applyUpdate(OrderUpdate.builder("WARMUP", id, OrderStatus.PLACED).build());
      TrackedOrder done = core.applyUpdate(OrderUpdate.builder("WARMUP", id, OrderStatus.FILLED)
          .cumulative(qty, qty.multiply(price)).executionId("w" + round).build()).order();
      new TrackedOrder(new io.vertx.core.json.JsonObject(done.toJson().encode()));
    }
    LOG.log(System.Logger.Level.INFO, () -> "standby warmed up in " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }
}
