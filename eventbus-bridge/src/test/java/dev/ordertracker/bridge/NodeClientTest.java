package dev.ordertracker.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Node.js example (js/examples/node-client.mjs, npm @vertx/eventbus-bridge-client.js + sockjs-client)
 * receives events and queries the real tracker through the SockJS bridge; its token's claims apply.
 */
@ExtendWith(VertxExtension.class)
class NodeClientTest {

  @Test
  void theNodeClientReceivesEventsAndQueriesTheTracker(Vertx vertx) {
    NodeProcess.requireNodeModules("@vertx/eventbus-bridge-client.js", "sockjs-client");
    BridgeTestBed bed = BridgeTestBed.start(vertx);
    bed.place("N-0", "BTCUSDT", "alice");
    bed.place("N-BOB", "ETHUSDT", "bob");
    String url = "http://" + BridgeTestBed.HOST + ":" + bed.bridge.httpPort() + "/eventbus";
    String token = bed.token("node", Set.of("alice"), null, null);
    try (NodeProcess node = NodeProcess.start("examples/node-client.mjs", url, token, "--events", "2")) {
      String stats = node.awaitLine("STATS ", 30);
      // the tracker's counters are global (they count bob's order too): refused to a token scoped to alice
      assertThat(new JsonObject(stats.substring(6)).getString("refused")).isEqualTo("scope_required");
      String active = node.awaitLine("ACTIVE ", 30);
      JsonArray orders = new JsonArray(active.substring(active.indexOf(' ', 7) + 1));
      assertThat(orders).hasSize(1); // bob's order is filtered out by the accounts claim
      assertThat(orders.getJsonObject(0).getString("order_id")).isEqualTo("N-0");
      node.awaitLine("READY", 30);
      bed.fill("N-BOB", "ETHUSDT"); // not alice's: never delivered
      bed.place("N-1", "BTCUSDT", "alice");
      bed.fill("N-1", "BTCUSDT");
      assertThat(node.awaitLine("EVENT ", 30)).startsWith("EVENT ORDER_PLACED ").contains("\"N-1\"");
      assertThat(node.awaitLine("EVENT ", 30)).startsWith("EVENT ORDER_FILLED ").contains("\"N-1\"");
      JsonObject order = new JsonObject(node.awaitLine("ORDER ", 30).substring(6));
      assertThat(order.getString("status")).isEqualTo("FILLED");
      assertThat(order.getJsonArray("status_history")).isNotEmpty();
      assertThat(node.awaitExit(30)).isZero();
      assertThat(node.transcript()).doesNotContain("N-BOB");
    }
  }
}
