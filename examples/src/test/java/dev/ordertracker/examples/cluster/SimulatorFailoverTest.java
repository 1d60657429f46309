package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.binance.executor.OrderExecutor;
import dev.ordertracker.binance.executor.PlaceOrder;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.SimulatedOrder;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain fails over: the simulator (in this JVM) fills resting orders while the tracker and the adapter
 * run as one singleton on n1; n1 is killed -9 mid-stream; on n2 the tracker restores from the replicated state and
 * the adapter reconnects and reconciles. At the end the tracker equals the simulator's truth, and every change was
 * published once (by sequence), in order, to a consumer on a surviving JVM.
 */
@Tag("cluster")
class SimulatorFailoverTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ACCOUNT = AccountOptions.DEMO_NAME;
  private static final String SYMBOL = "BTCUSDT";
  private static final int ORDERS = 12;

  private TestCluster cluster;

  @AfterEach
  void tearDown() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void killDuringFillsFromTheSimulatorEndsEqualToTheTruth() throws Exception {
    cluster = new TestCluster(3);
    ClusterNode local = cluster.joinLocal();
    BinanceSimulator simulator = BinanceSimulator.create(local.vertx(),
        new SimulatorOptions().setPriceWalkIntervalMs(0));
    Await.result(simulator.start(), WAIT);
    EventRecorder recorder = new EventRecorder();
    Await.result(local.vertx().deployVerticle(recorder), WAIT);
    JsonObject adapterConfig = TestCluster.adapterConfig(simulator, ACCOUNT)
        .put(BinanceAdapterOptions.REQUEST_TIMEOUT_MS, 10_000);
    NodeProcess n1 = cluster.startProbe("n1", 1, "tracker,adapter", "--adapter-config", adapterConfig.encode());
    n1.awaitLine("SINGLETON-ACTIVE tracker", WAIT);
    NodeProcess n2 = cluster.startProbe("n2", 2, "tracker,adapter", "--adapter-config", adapterConfig.encode());
    n2.awaitLine("SINGLETON-STANDBY tracker", WAIT);
    Await.until(WAIT, () -> connections(simulator) == 1, () -> "adapter connections " + connections(simulator));

    // Resting buys below the price; then the price walks down through them: touch = half fill, through = full.
    OrderExecutor executor = Await.result(OrderExecutor.create(local.vertx(), new BinanceAdapterOptions(adapterConfig)),
        WAIT);
    BigDecimal start = simulator.price(SYMBOL);
    BigDecimal step = new BigDecimal("10.00");
    List<BigDecimal> levels = new ArrayList<>();
    for (int i = 1; i <= ORDERS; i++) {
      BigDecimal level = start.subtract(step.multiply(BigDecimal.valueOf(i)));
      levels.add(level);
      TrackedOrder placed = Await.result(executor.place(PlaceOrder.limit(ACCOUNT, SYMBOL, OrderSide.BUY,
          new BigDecimal("0.010"), level)), WAIT);
      assertThat(placed.status()).isEqualTo(OrderStatus.PLACED);
    }
    int linesBefore = n2.lineCount();
    for (int i = 0; i < levels.size(); i++) {
      Await.result(simulator.movePrice(SYMBOL, levels.get(i)), WAIT);
      if (i == levels.size() / 3) {
        Await.until(WAIT, () -> recorder.size() >= ORDERS + 2, () -> "events " + recorder.size());
        n1.kill();
      }
      Await.result(local.vertx().timer(40), WAIT);
    }
    Await.result(simulator.movePrice(SYMBOL, levels.get(levels.size() - 1).subtract(step)), WAIT);
    n2.awaitLine("SINGLETON-ACTIVE tracker", linesBefore, WAIT);

    OrderTracker tracker = OrderTracker.create(local.vertx(), Addresses.defaults(),
        new DeliveryOptions().setSendTimeout(10_000));
    Await.until(WAIT, () -> trackerEqualsTruth(tracker, simulator), () -> "tracker == simulator truth");
    for (SimulatedOrder truth : simulator.orders()) {
      TrackedOrder order = Await.result(tracker.getOrder(Long.toString(truth.orderId()), truth.symbol()), WAIT);
      assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
      assertThat(order.filledQuantity()).isEqualByComparingTo(truth.executedQty());
      assertThat(order.fills()).extracting(f -> f.tradeId())
          .containsExactlyInAnyOrderElementsOf(truth.trades().stream().map(t -> t.id()).toList());
    }
    long last = Await.result(tracker.getStats(), WAIT).lastSequence();
    Await.until(WAIT, () -> TrackerFailoverTest.distinctSequences(recorder.snapshot()).size() >= last,
        () -> "events " + TrackerFailoverTest.distinctSequences(recorder.snapshot()).size() + "/" + last);
    assertEachChangeOnce(recorder.snapshot(), last);
    assertThat(connections(simulator)).isEqualTo(1);
    executor.close();
  }

  private static int connections(BinanceSimulator simulator) {
    try {
      return Await.result(simulator.connectionCount(), Duration.ofSeconds(5));
    } catch (Exception e) {
      return -1;
    }
  }

  private static boolean trackerEqualsTruth(OrderTracker tracker, BinanceSimulator simulator) {
    try {
      for (SimulatedOrder truth : simulator.orders()) {
        TrackedOrder order = Await.result(tracker.getOrder(Long.toString(truth.orderId()), truth.symbol()),
            Duration.ofSeconds(5));
        if (order.status() != OrderStatus.FILLED || order.filledQuantity().compareTo(truth.executedQty()) != 0
            || order.fills().size() != truth.trades().size()) {
          return false;
        }
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static List<String> arrivals(JsonArray recorded) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < recorded.size(); i++) {
      JsonObject body = recorded.getJsonObject(i).getJsonObject("body");
      out.add(body.getLong("sequence") + ":" + body.getString("order_id") + ":" + body.getString("event_type")
          + ":" + body.getValue("filled_quantity"));
    }
    return out;
  }

  /**
   * Sequences 1..last, first arrivals monotonic per address (event type), repeats identical, no (order, type,
   * filled) change twice. Across addresses the clustered bus may deliver out of sequence right after a takeover
   * (README-cluster.md): consumers order by {@code sequence}.
   */
  static void assertEachChangeOnce(JsonArray recorded, long last) {
    Map<Long, JsonObject> distinct = TrackerFailoverTest.distinctSequences(recorded);
    assertThat(distinct.keySet()).hasSize((int) last);
    Map<String, Long> previousByAddress = new HashMap<>();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < recorded.size(); i++) {
      JsonObject entry = recorded.getJsonObject(i);
      long sequence = EventRecorder.sequence(entry);
      if (seen.add(sequence)) {
        long previous = previousByAddress.getOrDefault(entry.getString("address"), 0L);
        assertThat(sequence).as("first arrival of %d after %d on %s in %s", sequence, previous,
            entry.getString("address"), arrivals(recorded)).isGreaterThan(previous);
        previousByAddress.put(entry.getString("address"), sequence);
      } else {
        assertThat(entry.getJsonObject("body")).isEqualTo(distinct.get(sequence));
      }
    }
    Set<String> changes = new HashSet<>();
    for (JsonObject body : distinct.values()) {
      OrderEvent event = OrderEvent.fromJson(body);
      String change = event.symbol() + "/" + event.orderId() + " " + event.eventType() + " "
          + event.filledQuantity().stripTrailingZeros().toPlainString();
      assertThat(changes.add(change)).as("published twice: %s", change).isTrue();
    }
  }
}
