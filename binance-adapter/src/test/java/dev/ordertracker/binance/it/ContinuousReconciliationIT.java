package dev.ordertracker.binance.it;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.config.ReconcileLoopOptions;
import dev.ordertracker.binance.executor.PlaceOrder;
import dev.ordertracker.binance.reconcile.CorrectionCause;
import dev.ordertracker.simulator.SimulatedOrder;
import dev.ordertracker.simulator.SimulatorOptions;
import dev.ordertracker.simulator.faults.FailureKind;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static dev.ordertracker.binance.it.Harness.ACCOUNT;
import static dev.ordertracker.binance.it.Harness.await;
import static dev.ordertracker.binance.it.Harness.d;
import static dev.ordertracker.binance.it.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuous reconciliation over real sockets (issue 14): a report lost on a healthy connection, a catch-up whose
 * queries fail, orders born during a gap, an executor placement whose answer is 5xx, and a 429 storm. After each
 * the tracker equals the simulator's truth and every real change produced exactly one event.
 */
@ExtendWith(VertxExtension.class)
class ContinuousReconciliationIT {

  private static Harness harness(Vertx vertx, SimulatorOptions sim) throws Exception {
    return Harness.start(vertx, sim);
  }

  private static TrackedOrder resting(Harness h, String price) throws Exception {
    return await(h.executor.place(PlaceOrder.limit(ACCOUNT, "BTCUSDT", OrderSide.BUY, d("0.01"), d(price))));
  }

  private static void settle(Harness h) throws Exception {
    h.assertTrackerEqualsTruth();
    h.assertOneEventPerChange();
  }

  /** At the default interval (30 s): the fill whose report was lost is found by the next sweep, within 60 s. */
  @Test
  void aFillLostOnAHealthyConnectionIsFoundWithinTheDefaultInterval(Vertx vertx) throws Exception {
    Harness h = harness(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig());
    TrackedOrder order = resting(h, "59000.00");
    eventually(Duration.ofSeconds(10), () -> status(h, order) == OrderStatus.PLACED, "PLACED");
    long connects = h.adapter.metrics().connects();
    await(h.simulator.faults().dropNextReports(1));
    await(h.simulator.movePrice("BTCUSDT", d("58000.00")));
    assertThat(h.truth().get(0).status()).isEqualTo("FILLED");
    long lostAt = System.nanoTime();
    eventually(Duration.ofSeconds(60), () -> status(h, order) == OrderStatus.FILLED, "the lost fill found");
    double seconds = (System.nanoTime() - lostAt) / 1e9;
    System.out.printf("lost fill found after %.1f s (open_check_interval_ms %d)%n", seconds,
        ReconcileLoopOptions.DEFAULT_OPEN_CHECK_INTERVAL_MS);
    settle(h);
    assertThat(h.adapter.metrics().connects()).as("no reconnect").isEqualTo(connects);
    assertThat(h.adapter.metrics().reconcile().corrections(CorrectionCause.LOST_REPORT)).isEqualTo(1);
  }

  /** Every query's first two answers are 503: the catch-up converges by per-query retries, without a reconnect. */
  @Test
  void aCatchUpWhoseQueriesFailTwiceEachConvergesWithoutAReconnect(Vertx vertx) throws Exception {
    Harness h = harness(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig().put(ReconcileLoopOptions.OPEN_CHECK_INTERVAL_MS, 1_000)
        .put(ReconcileLoopOptions.QUERY_RETRY_INITIAL_DELAY_MS, 20)
        .put(ReconcileLoopOptions.QUERY_RETRY_MAX_DELAY_MS, 100));
    for (int i = 1; i <= 6; i++) {
      resting(h, BigDecimal.valueOf(60_000 - 100L * i).setScale(2).toPlainString());
    }
    eventually(Duration.ofSeconds(10), () -> h.truth().stream().allMatch(o -> status(h, o) == OrderStatus.PLACED),
        "all PLACED");
    long connects = h.adapter.metrics().connects();
    // armed first: the sweeps' open-orders query and every trades / status query fail twice before answering
    await(h.simulator.faults().failEachQuery(2, FailureKind.HTTP_5XX, 0));
    await(h.simulator.faults().pauseDelivery());
    await(h.simulator.movePrice("BTCUSDT", d("59650.00"))); // three fill, one of them half
    await(h.executor.cancel(ACCOUNT, "BTCUSDT", Long.toString(h.truth().get(5).orderId())));
    await(h.simulator.faults().resumeDelivery());
    settle(h);
    assertThat(h.adapter.metrics().connects()).as("no reconnect").isEqualTo(connects);
    assertThat(h.adapter.metrics().reconcile().queryRetries()).isPositive();
    assertThat(h.adapter.metrics().reconcile().corrections(CorrectionCause.LOST_REPORT)).isPositive();
  }

  /** One order still open and one filled, both placed elsewhere during a disconnect: each published once. */
  @Test
  void ordersBornDuringAGapArePublishedOnceEach(Vertx vertx) throws Exception {
    Harness h = harness(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig());
    resting(h, "59000.00"); // the tracker follows BTCUSDT
    eventually(Duration.ofSeconds(10), () -> status(h, h.truth().get(0)) == OrderStatus.PLACED, "PLACED");
    long connects = h.adapter.metrics().connects();
    await(h.simulator.faults().refuseConnectionsFor(1_500));
    await(h.simulator.faults().dropConnectionsNow());
    await(h.simulator.faults().placeElsewhere(ACCOUNT, new JsonObject().put("symbol", "BTCUSDT").put("side", "BUY")
        .put("type", "LIMIT").put("timeInForce", "GTC").put("quantity", "0.02000").put("price", "58500.00")));
    await(h.simulator.faults().placeElsewhere(ACCOUNT, new JsonObject().put("symbol", "BTCUSDT").put("side", "BUY")
        .put("type", "MARKET").put("quantity", "0.01000")));
    eventually(Duration.ofSeconds(15), () -> h.adapter.metrics().connects() > connects, "reconnect");
    eventually(Duration.ofSeconds(15), () -> h.adapter.lastReconciliation().isComplete(), "gap sweep");
    await(h.adapter.lastReconciliation());
    settle(h);
    List<SimulatedOrder> born = h.truth().subList(1, 3);
    java.util.Map<OrderKey, List<EventType>> before = new java.util.HashMap<>();
    for (SimulatedOrder o : born) {
      OrderKey key = new OrderKey(o.symbol(), Long.toString(o.orderId()));
      assertThat(h.events.get(key)).as("events of gap-born %s", o.orderId()).isNotEmpty();
      before.put(key, List.copyOf(h.events.get(key)));
    }
    assertThat(h.events.get(before.keySet().stream().filter(k -> k.orderId().equals(
        Long.toString(born.get(0).orderId()))).findFirst().orElseThrow())).containsExactly(EventType.ORDER_PLACED);
    assertThat(h.adapter.metrics().reconcile().corrections(CorrectionCause.GAP_BORN)).isEqualTo(2);
    // once: another sweep (and its lookback, if one is still due) publishes nothing more
    await(h.adapter.reconcileLoop().sweepNow(ACCOUNT));
    before.forEach((k, events) -> assertThat(h.events.get(k)).isEqualTo(events));
  }

  /** The placement answers 503 and the order executes 3 s later: one FILLED order, never FAILED. */
  @Test
  void aPlacementAnswered5xxThatExecutesLaterEndsAsOneFilledOrder(Vertx vertx) throws Exception {
    Harness h = harness(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig());
    await(h.simulator.faults().failNextPlacement(FailureKind.HTTP_5XX, 3_000));
    TrackedOrder placed = await(h.executor.place(PlaceOrder.market(ACCOUNT, "BNBUSDT", OrderSide.BUY, d("1.000"))));
    assertThat(placed.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(placed.orderId()).isEqualTo(placed.clientOrderId());
    assertThat(placed.exchangeResponse().getString("outcome")).isEqualTo("UNKNOWN");
    eventually(Duration.ofSeconds(20), () -> h.truth().size() == 1 && statusByClientId(h, placed.clientOrderId())
        == OrderStatus.FILLED, "FILLED under its exchange id");
    settle(h);
    assertThat(await(h.tracker.getActiveOrders())).isEmpty();
    assertThat(h.events.values()).allSatisfy(e -> assertThat(e).doesNotContain(EventType.forStatus(OrderStatus.FAILED)));
    assertThat(h.events.keySet()).extracting(OrderKey::orderId).doesNotContain(placed.clientOrderId());
  }

  /**
   * The placement answers 503 and executes 300 ms later, unseen by the stream (delivery paused), and its executor is
   * closed (no one queries it any more): the loop's sweep finds the placeholder, asks by client id, and the order is
   * adopted under its exchange id.
   */
  @Test
  void aPlaceholderWhoseExecutorIsGoneIsResolvedByTheLoop(Vertx vertx) throws Exception {
    Harness h = harness(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig().put(ReconcileLoopOptions.OPEN_CHECK_INTERVAL_MS, 500)
        .put(ReconcileLoopOptions.INFLIGHT_CHECK_THRESHOLD_MS, 0));
    await(h.simulator.faults().pauseDelivery());
    await(h.simulator.faults().failNextPlacement(FailureKind.HTTP_5XX, 300));
    TrackedOrder placed = await(h.executor.place(PlaceOrder.market(ACCOUNT, "BNBUSDT", OrderSide.BUY, d("1.000"))));
    assertThat(placed.status()).isEqualTo(OrderStatus.PENDING);
    await(h.executor.close());
    eventually(Duration.ofSeconds(10), () -> h.truth().size() == 1 && "FILLED".equals(h.truth().get(0).status()),
        "executed at the exchange");
    await(h.simulator.faults().resumeDelivery());
    eventually(Duration.ofSeconds(20), () -> statusByClientId(h, placed.clientOrderId()) == OrderStatus.FILLED,
        "adopted by the loop");
    settle(h);
    assertThat(await(h.tracker.getActiveOrders())).isEmpty();
  }

  /** The placement answers -1007 and never executes: after the give-up time it is LOST (ORDER_LOST), not FAILED. */
  @Test
  void aPlacementWhoseOutcomeStaysUnknownIsLostNotFailed(Vertx vertx) throws Exception {
    Harness h = harness(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig().put(ReconcileLoopOptions.UNKNOWN_OUTCOME_GIVE_UP_MS, 1_500));
    await(h.simulator.faults().failNextPlacement(FailureKind.TIMEOUT_1007, -1));
    TrackedOrder placed = await(h.executor.place(PlaceOrder.limit(ACCOUNT, "BTCUSDT", OrderSide.BUY, d("0.01"),
        d("59000.00"))));
    OrderKey key = new OrderKey("BTCUSDT", placed.clientOrderId());
    eventually(Duration.ofSeconds(20), () -> h.events.containsKey(key), "ORDER_LOST");
    assertThat(h.events.get(key)).containsExactly(EventType.ORDER_LOST);
    TrackedOrder lost = await(h.tracker.getOrder(placed.clientOrderId(), "BTCUSDT"));
    assertThat(lost.status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(lost.errorMessage()).contains("outcome was unknown");
    assertThat(h.truth()).isEmpty();
  }

  /**
   * A 429 storm: the first answers of the sweep's queries are 429 with retryAfter; the loop stops until the server's
   * time each time and still converges; with sweeps every 100 ms against a 1,000/min limit it keeps the IP's used
   * weight under the configured share (50 %) and never earns a real 429.
   */
  @Test
  void a429StormIsBackedOffAndTheLoopStaysUnderTheLimit(Vertx vertx) throws Exception {
    Harness h = harness(vertx, new SimulatorOptions().setRequestWeightPerMinute(1_000));
    h.deployAdapter(h.adapterConfig().put(ReconcileLoopOptions.OPEN_CHECK_INTERVAL_MS, 100)
        .put(ReconcileLoopOptions.MAX_USED_WEIGHT_PERCENT, 50).put("reconcile_weight_per_minute", 6_000)
        .put(ReconcileLoopOptions.QUERY_RETRY_INITIAL_DELAY_MS, 10)
        .put(ReconcileLoopOptions.QUERY_RETRY_MAX_DELAY_MS, 50));
    TrackedOrder order = resting(h, "59000.00");
    eventually(Duration.ofSeconds(10), () -> status(h, order) == OrderStatus.PLACED, "PLACED");
    await(h.simulator.faults().failQueries("openOrders.status", 3, FailureKind.TOO_MANY_REQUESTS_429, 300));
    await(h.simulator.faults().dropNextReports(1));
    await(h.simulator.movePrice("BTCUSDT", d("58000.00")));
    eventually(Duration.ofSeconds(20), () -> status(h, order) == OrderStatus.FILLED, "the lost fill found");
    assertThat(h.adapter.metrics().reconcile().rateLimitBackoffs()).isEqualTo(3);
    // sweeps every 100 ms (80 weight each) reach half the 1,000/min limit within a second: then they wait
    eventually(Duration.ofSeconds(20), () -> h.adapter.metrics().reconcile().weightHolds() > 0, "held at 50 %");
    assertThat(h.adapter.metrics().reconcile().usedWeight()).isLessThanOrEqualTo(500);
    assertThat(h.adapter.metrics().reconcile().rateLimitBackoffs()).as("no real 429").isEqualTo(3);
    settle(h);
  }

  private static OrderStatus status(Harness h, TrackedOrder o) {
    return statusByClientId(h, o.clientOrderId());
  }

  private static OrderStatus status(Harness h, SimulatedOrder o) {
    try {
      return h.order(o).status();
    } catch (Exception e) {
      return null;
    }
  }

  private static OrderStatus statusByClientId(Harness h, String clientOrderId) {
    try {
      TrackedOrder t = await(h.tracker.getOrderByClientId(clientOrderId));
      return t.orderId().equals(clientOrderId) ? null : t.status();
    } catch (Exception e) {
      return null;
    }
  }
}
