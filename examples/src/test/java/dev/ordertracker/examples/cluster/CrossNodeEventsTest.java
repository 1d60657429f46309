package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order events published on one JVM reach consumers on every other JVM, body and headers intact, in publication
 * order: first with two members (this JVM + one child), then with three (a second child joins).
 */
@Tag("cluster")
class CrossNodeEventsTest {
  private static final int EVENTS = 2_000;
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
