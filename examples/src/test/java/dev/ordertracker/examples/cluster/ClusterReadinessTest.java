package dev.ordertracker.examples.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clustered node's readiness includes its cluster membership: /health/ready of a node with the tracker and the
 * bridge answers the {@code cluster} check with this node in a Hazelcast cluster, next to the active tracker's.
 */
class ClusterReadinessTest {

  @Test
  void aClusteredNodeIsReadyWithItsMembershipAndTheActiveTracker() throws Exception {
    int httpPort = freePort();
    ClusterNodeOptions options = ClusterNodeOptions.parse(new String[] {"--roles", "tracker,bridge",
        "--cluster-name", "readiness-" + UUID.randomUUID(), "--http-port", Integer.toString(httpPort),
        "--bridge-config", "{\"tcp_port\":0,\"require_adapter\":false}", "--fast-failure-detection"},
        Map.of("BRIDGE_JWT_SECRET", "readiness-secret-0123456789abcdefghij")); // the bridge needs a key
    ClusterNode node = Await.result(ClusterNode.start(options), Duration.ofSeconds(90));
    Vertx client = Vertx.vertx();
    try {
      WebClient web = WebClient.create(client);
      AtomicReference<JsonObject> ready = new AtomicReference<>();
      AtomicReference<String> last = new AtomicReference<>();
      // the tracker is an HA singleton: it becomes active a little after the node is up
      Await.until(Duration.ofSeconds(60), () -> {
        try {
          var response = Await.result(web.get(httpPort, "127.0.0.1", "/health/ready").send(), Duration.ofSeconds(10));
          last.set(response.statusCode() + " " + response.bodyAsString());
          if (response.statusCode() == 200) {
            ready.set(response.bodyAsJsonObject());
            return true;
          }
          return false;
        } catch (Exception e) {
          return false;
        }
      }, () -> "/health/ready never UP; last answer: " + last.get());
      JsonObject cluster = check(ready.get(), "cluster");
      assertThat(cluster.getString("status")).isEqualTo("UP");
      assertThat(cluster.getJsonObject("data").getInteger("members")).isEqualTo(1);
      assertThat(cluster.getJsonObject("data").getString("node")).isNotBlank();
      assertThat(check(ready.get(), "tracker").getString("status")).isEqualTo("UP");
    } finally {
      Await.result(client.close(), Duration.ofSeconds(10));
      Await.result(node.close(), Duration.ofSeconds(60));
    }
  }

  private static JsonObject check(JsonObject body, String id) {
    return body.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(c -> id.equals(c.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + id + " in " + body));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
