package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderEvent;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order events published on one JVM reach consumers on every other JVM, body and headers intact, in publication
 * order: first with two members (this JVM + one child), then with three (a second child joins).
 */
@Tag("cluster")
class CrossNodeEventsTest {
  private static final int EVENTS = 2_000;
  private static final int BURST = 2_000;
  private static final int ROUNDS = 5;
  private static final Duration WAIT = Duration.ofSeconds(30);

  private TestCluster cluster;

  @AfterEach
  void tearDown() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void eventsCrossNodesWithHeadersOnTwoAndThreeNodes() throws Exception {
    cluster = new TestCluster(3);
    ClusterNode local = cluster.joinLocal();
    EventRecorder localRecorder = new EventRecorder();
    Await.result(local.vertx().deployVerticle(localRecorder), WAIT);
    cluster.startProbe("n1", 1, "consumer");
    Await.until(WAIT, () -> local.members().size() == 2, () -> "members " + local.members());

    // Two nodes: n1 publishes, this JVM consumes.
    Await.result(local.vertx().eventBus().request("probe.n1.publish", new JsonObject().put("count", EVENTS)), WAIT);
    Await.until(WAIT, () -> localRecorder.size() >= EVENTS, () -> "received " + localRecorder.size());
    assertExactlyTheSyntheticEvents(localRecorder.snapshot());

    // Three nodes: n2 joins; n1 publishes again; this JVM and n2 both get everything.
    cluster.startProbe("n2", 2, "consumer");
    Await.until(WAIT, () -> local.members().size() == 3, () -> "members " + local.members());
    EventRecorder second = new EventRecorder();
    Await.result(local.vertx().deployVerticle(second), WAIT);
    Await.result(local.vertx().eventBus().request("probe.n1.publish", new JsonObject().put("count", EVENTS)), WAIT);
    Await.until(WAIT, () -> second.size() >= EVENTS, () -> "received " + second.size());
    assertExactlyTheSyntheticEvents(second.snapshot());
    JsonArray[] atN2 = new JsonArray[1];
    Await.until(WAIT, () -> {
      atN2[0] = recordedAt(local, "n2");
      return atN2[0].size() >= EVENTS;
    }, () -> "n2 received " + atN2[0].size());
    assertExactlyTheSyntheticEvents(atN2[0]);
  }

  /**
   * The same over {@link FlushCoalescingTransport} on both nodes ({@code --flush-coalescing}): a burst published in
   * few event-loop tasks crosses in few flushes and still arrives whole, in order, headers intact.
   */
  @Test
  void eventsCrossNodesWholeAndInOrderWithFlushCoalescing() throws Exception {
    cluster = new TestCluster(2);
    ClusterNode local = cluster.joinLocal("--flush-coalescing");
    EventRecorder recorder = new EventRecorder();
    Await.result(local.vertx().deployVerticle(recorder), WAIT);
    cluster.startProbe("n1", 1, "consumer", "--flush-coalescing");
    Await.until(WAIT, () -> local.members().size() == 2, () -> "members " + local.members());
    Await.result(local.vertx().eventBus().request("probe.n1.publish", new JsonObject().put("count", EVENTS)), WAIT);
    Await.until(WAIT, () -> recorder.size() >= EVENTS, () -> "received " + recorder.size());
    assertExactlyTheSyntheticEvents(recorder.snapshot());
  }

  /**
   * A consumer registered (completion) just before a burst receives every event of it, round after round. The
   * publisher's node has the address in its route cache (its own recorder) and this JVM's consumer comes and goes:
   * without {@code EventRouteAnchor} (deployed by {@code ClusterNode.start}) the publisher learns of each new
   * registration only a few milliseconds later and the burst's first events skip this node.
   */
  @Test
  void consumerRegisteredJustBeforeABurstReceivesEveryEvent() throws Exception {
    cluster = new TestCluster(2);
    ClusterNode local = cluster.joinLocal();
    cluster.startProbe("n1", 1, "consumer");
    Await.until(WAIT, () -> local.members().size() == 2, () -> "members " + local.members());
    String address = Addresses.defaults().event(EventType.ORDER_PARTIALLY_FILLED);
    Await.result(local.vertx().eventBus().request("probe.n1.publish", new JsonObject().put("count", 100)), WAIT);
    List<String> losses = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      BitSet seen = new BitSet();
      MessageConsumer<JsonObject> consumer = local.vertx().eventBus().consumer(address, msg -> {
        synchronized (seen) {
          seen.set(Integer.parseInt(msg.headers().get(Fields.HEADER_SEQUENCE)));
        }
      });
      Await.result(consumer.completion(), WAIT);
      Await.result(local.vertx().eventBus().request("probe.n1.publish", new JsonObject().put("count", BURST)), WAIT);
      // The publisher has answered: its events are on the wire. Wait for them, bounded (quiet for 2 s = done).
      int[] last = {-1};
      long[] quietSince = {System.nanoTime()};
      Await.until(WAIT, () -> {
        int n;
        synchronized (seen) {
          n = seen.cardinality();
        }
        if (n != last[0]) {
          last[0] = n;
          quietSince[0] = System.nanoTime();
        }
        return n == BURST || System.nanoTime() - quietSince[0] > 2_000_000_000L;
      }, () -> "events " + last[0]);
      Await.result(consumer.unregister(), WAIT);
      synchronized (seen) {
        if (seen.cardinality() != BURST) {
          losses.add("round " + round + ": " + (BURST - seen.cardinality()) + " lost, first received "
              + seen.nextSetBit(0));
        }
      }
    }
    assertThat(losses).as("events lost to a consumer registered before the burst").isEmpty();
  }

  static JsonArray recordedAt(ClusterNode local, String probe) {
    try {
      return Await.result(local.vertx().eventBus().<JsonArray>request("probe." + probe + ".recorded", null), WAIT)
          .body();
    } catch (Exception e) {
      throw new IllegalStateException("asking " + probe + " for its events", e);
    }
  }

  private static void assertExactlyTheSyntheticEvents(JsonArray recorded) {
    assertThat(recorded.size()).as("events received").isEqualTo(EVENTS);
    List<OrderEvent> expected = new ArrayList<>();
    List<JsonObject> expectedHeaders = new ArrayList<>();
    for (int i = 1; i <= EVENTS; i++) {
      var event = ProbeNode.syntheticEvent(i);
      expected.add(event);
      JsonObject headers = new JsonObject();
      event.deliveryOptions().getHeaders().forEach(h -> headers.put(h.getKey(), h.getValue()));
      expectedHeaders.add(headers);
    }
    for (int i = 0; i < EVENTS; i++) {
      JsonObject entry = recorded.getJsonObject(i);
      assertThat(OrderEvent.fromJson(entry.getJsonObject("body"))).as("body #%d", i).isEqualTo(expected.get(i));
      assertThat(entry.getJsonObject("headers")).as("headers #%d", i).isEqualTo(expectedHeaders.get(i));
      assertThat(entry.getJsonObject("headers").getString(Fields.HEADER_SEQUENCE)).isEqualTo(Integer.toString(i + 1));
    }
  }
}
