package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.TrackedOrder;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly one tracker, failover on kill -9, rejoin as standby; three JVMs on loopback plus this one.
 *
 * <p>n1 and n2 both have the tracker role: n1 starts first and runs it, n2 stays standby. This JVM streams
 * exchange reports to the tracker service (remotely) and records events; n2 records events as well. During the
 * stream n1 is killed (destroyForcibly = SIGKILL): n2 takes over, and the test checks that every change was
 * published exactly once (by sequence: contiguous, monotonic, identical if ever repeated), that the state equals
 * what was sent, and that a restarted n1 comes back as standby without a new claim.
 */
@Tag("cluster")
class TrackerFailoverTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int ORDERS = 60;
  private static final int EVENTS_PER_ORDER = 2 + UpdateStream.FILLS_PER_ORDER;

  private TestCluster cluster;

  @AfterEach
  void tearDown() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void killOfTheTrackersNodeFailsOverWithEveryChangePublishedOnce() throws Exception {
    cluster = new TestCluster(3);
    ClusterNode local = cluster.joinLocal();
    EventRecorder recorder = new EventRecorder();
    Await.result(local.vertx().deployVerticle(recorder), WAIT);
    NodeProcess n1 = cluster.startProbe("n1", 1, "tracker");
    n1.awaitLine("SINGLETON-ACTIVE tracker", WAIT);
    NodeProcess n2 = cluster.startProbe("n2", 2, "tracker");
    n2.awaitLine("SINGLETON-STANDBY tracker", WAIT);

    OrderTracker tracker = OrderTracker.create(local.vertx(), Addresses.defaults(),
        new DeliveryOptions().setSendTimeout(1_000));
    // The service answers from another node (the first call also opens the connection: a patient client).
    OrderTracker patient = OrderTracker.create(local.vertx(), Addresses.defaults(),
        new DeliveryOptions().setSendTimeout(20_000));
    assertThat(Await.result(patient.getStats(), WAIT).lastSequence()).isZero();

    UpdateStream stream = new UpdateStream(local.vertx(), tracker, ORDERS, 2);
    var finished = stream.run();
    Await.until(WAIT, () -> stream.acknowledged() >= stream.reports().size() / 3, () -> "acks " + stream.acknowledged());
    int linesBefore = n2.lineCount();
    long killedAt = System.nanoTime();
    n1.kill();
    n2.awaitLine("SINGLETON-ACTIVE tracker", linesBefore, WAIT);
    Await.result(finished, WAIT);
    int expected = ORDERS * EVENTS_PER_ORDER;
    Await.until(WAIT, () -> distinctSequences(recorder.snapshot()).size() >= expected,
        () -> "distinct events " + distinctSequences(recorder.snapshot()).size() + "/" + expected);

    JsonArray recorded = recorder.snapshot();
    assertPublishedOnceInOrder(recorded, expected);
    System.out.printf("failover: kill -> first event of the new tracker %.0f ms; retries %d; duplicates %d%n",
        (arrival(recorded, stream.firstRetriedSequence()) - killedAt) / 1e6, stream.retries(),
        recorded.size() - distinctSequences(recorded).size());

    // The surviving node's consumer saw the same events.
    JsonArray[] atN2 = new JsonArray[1];
    Await.until(WAIT, () -> {
      atN2[0] = CrossNodeEventsTest.recordedAt(local, "n2");
      return distinctSequences(atN2[0]).size() >= expected;
    }, () -> "n2 distinct events " + distinctSequences(atN2[0]).size());
    assertPublishedOnceInOrder(atN2[0], expected);

    // The state equals what the exchange reported: every order filled, with all its fills and history.
    assertThat(Await.result(patient.getActiveOrders(), WAIT)).isEmpty();
    List<TrackedOrder> completed = Await.result(patient.getCompletedOrders(dev.ordertracker.api.OrderTracker.MAX_COMPLETED_LIMIT), WAIT);
    assertThat(completed).hasSize(ORDERS);
    for (TrackedOrder order : completed) {
      assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
      assertThat(order.filledQuantity()).isEqualByComparingTo(UpdateStream.QTY);
      assertThat(order.averagePrice()).isEqualByComparingTo(UpdateStream.PRICE);
      assertThat(order.fills()).as("fills of %s", order.orderId()).hasSize(UpdateStream.FILLS_PER_ORDER + 1);
      assertThat(order.statusHistory()).extracting(c -> c.newStatus()).containsExactly(OrderStatus.PLACED,
          OrderStatus.PARTIALLY_FILLED, OrderStatus.PARTIALLY_FILLED, OrderStatus.PARTIALLY_FILLED,
          OrderStatus.FILLED);
    }
    assertThat(Await.result(patient.getStats(), WAIT).lastSequence()).isEqualTo(expected);

    // A restarted n1 rejoins as standby: no new claim, the active tracker keeps serving.
    long term = term(local);
    NodeProcess n1again = cluster.startProbe("n1b", 1, "tracker");
    n1again.awaitLine("SINGLETON-STANDBY tracker", WAIT);
    assertThat(term(local)).isEqualTo(term);
    assertThat(Await.result(patient.getStats(), WAIT).lastSequence()).isEqualTo(expected);
    assertThat(n1again.lines()).noneMatch(l -> l.startsWith("SINGLETON-ACTIVE"));
  }

  static long term(ClusterNode local) throws Exception {
    String meta = Await.result(local.vertx().sharedData().<String, String>getAsyncMap("orders.tracker.state")
        .compose(map -> map.get("meta")), WAIT);
    return new JsonObject(meta).getLong("term");
  }

  /** Sequence → first recorded event body, in sequence order. */
  static Map<Long, JsonObject> distinctSequences(JsonArray recorded) {
    Map<Long, JsonObject> out = new TreeMap<>();
    for (int i = 0; i < recorded.size(); i++) {
      JsonObject entry = recorded.getJsonObject(i);
      out.putIfAbsent(EventRecorder.sequence(entry), entry.getJsonObject("body"));
    }
    return out;
  }

  static long arrival(JsonArray recorded, long sequence) {
    for (int i = 0; i < recorded.size(); i++) {
      JsonObject entry = recorded.getJsonObject(i);
      if (EventRecorder.sequence(entry) == sequence) {
        return entry.getLong("receivedNanos");
      }
    }
    return -1;
  }

  /**
   * Every real change exactly once: sequences 1..expected without gaps, first arrivals in increasing order, a
   * repeated sequence (a batch republished by the new tracker) only with an identical body, and per order exactly
   * the PLACED, partial fills and FILLED of the stream.
   */
  static void assertPublishedOnceInOrder(JsonArray recorded, int expected) {
    assertPublishedOnceInOrder(recorded, expected, ORDERS);
  }

  static void assertPublishedOnceInOrder(JsonArray recorded, int expected, int orders) {
    Map<Long, JsonObject> distinct = new java.util.TreeMap<>(); // by sequence: consumers order by it
    Map<String, Long> previousByAddress = new java.util.HashMap<>();
    for (int i = 0; i < recorded.size(); i++) {
      JsonObject entry = recorded.getJsonObject(i);
      long sequence = EventRecorder.sequence(entry);
      JsonObject body = entry.getJsonObject("body");
      JsonObject first = distinct.putIfAbsent(sequence, body);
      if (first != null) {
        assertThat(body).as("repeated sequence %d", sequence).isEqualTo(first);
      } else {
        // in order per address; across addresses the clustered bus may deliver out of sequence right after a
        // takeover (README-cluster.md), so the per-order check below reads the events in sequence order
        long previous = previousByAddress.getOrDefault(entry.getString("address"), 0L);
        assertThat(sequence).as("first arrival of sequence %d after %d on %s", sequence, previous,
            entry.getString("address")).isGreaterThan(previous);
        previousByAddress.put(entry.getString("address"), sequence);
      }
      assertThat(entry.getJsonObject("headers").getString(Fields.HEADER_SEQUENCE))
          .isEqualTo(Long.toString(body.getLong(Fields.SEQUENCE)));
    }
    assertThat(distinct.keySet()).as("sequences").hasSize(expected);
    assertThat(new ArrayList<>(distinct.keySet()).get(expected - 1)).isEqualTo((long) expected);
    Map<String, List<String>> perOrder = new TreeMap<>();
    distinct.values().forEach(body -> {
      OrderEvent event = OrderEvent.fromJson(body);
      perOrder.computeIfAbsent(event.orderId(), k -> new ArrayList<>())
          .add(event.eventType() + "@" + event.filledQuantity().stripTrailingZeros().toPlainString());
    });
    assertThat(perOrder.size()).as("orders with events").isEqualTo(orders);
    List<String> lifecycle = List.of(EventType.ORDER_PLACED + "@0", EventType.ORDER_PARTIALLY_FILLED + "@0.25",
        EventType.ORDER_PARTIALLY_FILLED + "@0.5", EventType.ORDER_PARTIALLY_FILLED + "@0.75",
        EventType.ORDER_FILLED + "@1");
    perOrder.forEach((id, changes) -> assertThat(changes).as("events of order %s", id).isEqualTo(lifecycle));
  }
}
