package dev.ordertracker.binance.it;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.executor.PlaceOrder;
import dev.ordertracker.simulator.SimulatorOptions;
import dev.ordertracker.simulator.faults.FailureKind;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.ordertracker.binance.it.Harness.ACCOUNT;
import static dev.ordertracker.binance.it.Harness.await;
import static dev.ordertracker.binance.it.Harness.d;
import static dev.ordertracker.binance.it.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault the simulator injects. After each, the tracker's final state equals the simulator's truth for every
 * order, and every real change produced exactly one event.
 */
@ExtendWith(VertxExtension.class)
class FaultScenariosIT {
  private Harness h;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    h = Harness.start(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig());
  }

  /** Five resting BTC buys from 59,900 down, 0.01 each. */
  private List<TrackedOrder> ladder() throws Exception {
    List<TrackedOrder> out = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      out.add(await(h.executor.place(PlaceOrder.limit(ACCOUNT, "BTCUSDT", OrderSide.BUY, d("0.01"),
          BigDecimal.valueOf(60_000 - 100L * i).setScale(2)))));
    }
    return out;
  }

  private void waitReconnected(long connectsBefore) throws InterruptedException {
    eventually(Duration.ofSeconds(15), () -> h.adapter.metrics().connects() > connectsBefore, "reconnect");
  }

  private void waitReconciled() throws Exception {
    eventually(Duration.ofSeconds(15), () -> h.adapter.lastReconciliation().isComplete(), "reconciliation");
    await(h.adapter.lastReconciliation());
  }

  private void settle() throws Exception {
    h.assertTrackerEqualsTruth();
    h.assertOneEventPerChange();
  }

  @Test
  void dropMidFill() throws Exception {
    ladder();
    long connects = h.adapter.metrics().connects();
    await(h.simulator.faults().dropAfterEvents(2));
    await(h.simulator.movePrice("BTCUSDT", d("59500.00")));
    waitReconnected(connects);
    waitReconciled();
    settle();
    assertThat(h.adapter.metrics().reconnects()).isPositive();
  }

  @Test
  void pauseThenReconnect() throws Exception {
    ladder();
    long connects = h.adapter.metrics().connects();
    await(h.simulator.faults().pauseDelivery());
    await(h.simulator.movePrice("BTCUSDT", d("59650.00")));
    await(h.executor.cancel(ACCOUNT, "BTCUSDT", h.truth().get(4).orderId() + ""));
    await(h.simulator.faults().resumeDelivery());
    await(h.simulator.faults().dropConnectionsNow());
    waitReconnected(connects);
    waitReconciled();
    settle();
    assertThat(h.adapter.metrics().reconciliationCorrections()).isPositive();
  }

  @Test
  void serverShutdownRenewsWithoutAGap() throws Exception {
    ladder();
    long connects = h.adapter.metrics().connects();
    await(h.simulator.faults().sendServerShutdown());
    waitReconnected(connects);
    await(h.simulator.movePrice("BTCUSDT", d("59500.00")));
    settle();
  }

  @Test
  void eventStreamTerminatedResubscribes() throws Exception {
    ladder();
    long connects = h.adapter.metrics().connects();
    await(h.simulator.faults().sendEventStreamTerminated(ACCOUNT));
    waitReconnected(connects);
    await(h.simulator.movePrice("BTCUSDT", d("59500.00")));
    settle();
  }

  @Test
  void duplicatesAreDroppedAtTheEdge() throws Exception {
    await(h.simulator.faults().duplicateNext(30));
    ladder();
    await(h.simulator.movePrice("BTCUSDT", d("59500.00")));
    settle();
    assertThat(h.adapter.metrics().duplicatesDropped()).isPositive();
  }

  @Test
  void reorderedEventsEndInTheExchangeState() throws Exception {
    ladder();
    await(h.simulator.faults().reorderNext(6));
    await(h.simulator.movePrice("BTCUSDT", d("59500.00")));
    h.assertTrackerEqualsTruth(false);
    h.assertOneEventPerChange();
  }

  /**
   * The answer is 5xx / -1007 but the order executed: {@code place} answers the order as far as known (PENDING under
   * its client id while unknown, issue 14), and it ends as the exchange says, one record, never FAILED.
   */
  @Test
  void fiveHundredButExecutedIsQueriedNotFailed() throws Exception {
    await(h.simulator.faults().failNextRequests(1, FailureKind.HTTP_5XX));
    TrackedOrder a = await(h.executor.place(PlaceOrder.market(ACCOUNT, "BNBUSDT", OrderSide.BUY, d("1.000"))));
    assertThat(a.status()).isNotEqualTo(OrderStatus.FAILED);
    eventually(Duration.ofSeconds(15), () -> status(a.clientOrderId()) == OrderStatus.FILLED, "a FILLED");
    await(h.simulator.faults().failNextRequests(1, FailureKind.TIMEOUT_1007));
    TrackedOrder b = await(h.executor.place(PlaceOrder.limit(ACCOUNT, "BTCUSDT", OrderSide.BUY, d("0.01"),
        d("59000.00"))));
    assertThat(b.status()).isNotEqualTo(OrderStatus.FAILED);
    eventually(Duration.ofSeconds(15), () -> status(b.clientOrderId()) == OrderStatus.PLACED, "b PLACED");
    settle();
    assertThat(await(h.tracker.getActiveOrders())).extracting(TrackedOrder::orderId)
        .doesNotContain(a.clientOrderId(), b.clientOrderId());
  }

  private OrderStatus status(String clientOrderId) {
    try {
      TrackedOrder t = await(h.tracker.getOrderByClientId(clientOrderId));
      return t.orderId().equals(clientOrderId) ? null : t.status();
    } catch (Exception e) {
      return null;
    }
  }

  @Test
  void connectionsAreRenewedBeforeTheirAgeLimitWithoutAGap(Vertx vertx) throws Exception {
    await(vertx.undeploy(h.adapterDeployment));
    h.deployAdapter(h.adapterConfig().put("max_connection_age_ms", 300));
    ladder();
    eventually(Duration.ofSeconds(15), () -> h.adapter.metrics().connects() >= 4, "renewals");
    await(h.simulator.movePrice("BTCUSDT", d("59500.00")));
    settle();
    assertThat(await(h.simulator.connectionCount())).isLessThanOrEqualTo(2);
  }

  @Test
  void refusedConnectionsAreRetriedWithBackoff() throws Exception {
    ladder();
    long connects = h.adapter.metrics().connects();
    await(h.simulator.faults().refuseConnectionsFor(800));
    await(h.simulator.faults().dropConnectionsNow());
    await(h.simulator.movePrice("BTCUSDT", d("59500.00")));
    waitReconnected(connects);
    waitReconciled();
    settle();
  }
}
