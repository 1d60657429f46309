package dev.ordertracker.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static org.assertj.core.api.Assertions.assertThat;

/** /health shows the tracker's own components: a journal whose backlog is full makes the tracker DOWN. */
class HealthComponentsTest {
  @TempDir
  Path dir;

  @Test
  void aFullJournalBacklogMakesHealthDownNamingTheJournal() {
    Vertx vertx = Vertx.vertx();
    try {
      // Flushes only at stop, and at most one record may wait: the second change is shed.
      JsonObject tracker = new JsonObject().put("store", new JsonObject().put("data_dir", dir.toString())
          .put("flush_interval_ms", 60_000).put("journal_max_backlog", 1));
      BridgeTestBed bed = BridgeTestBed.start(vertx, new JsonObject(), tracker);
      HttpResponse<Buffer> before = get(bed);
      assertThat(before.statusCode()).isEqualTo(200);
      assertThat(trackerData(before.bodyAsJsonObject()).getJsonObject("components")
          .getJsonObject("journal").getString("status")).isEqualTo("UP");

      bed.place("H-1", "BTCUSDT", null);

      HttpResponse<Buffer> after = get(bed);
      assertThat(after.statusCode()).isEqualTo(503);
      JsonObject body = after.bodyAsJsonObject();
      assertThat(body.getString("status")).isEqualTo("DOWN");
      assertThat(trackerData(body).getString("status")).isEqualTo("DOWN");
      JsonObject journal = trackerData(body).getJsonObject("components").getJsonObject("journal");
      assertThat(journal.getString("status")).isEqualTo("DOWN");
      assertThat(journal.getLong("shed")).isPositive();
    } finally {
      await(vertx.close());
    }
  }

  /** The data of the {@code tracker} check in vertx-health-check's answer. */
  private static JsonObject trackerData(JsonObject body) {
    return body.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(c -> "tracker".equals(c.getString("id"))).findFirst().orElseThrow().getJsonObject("data");
  }

  private static HttpResponse<Buffer> get(BridgeTestBed bed) {
    return await(WebClient.create(bed.vertx).get(bed.bridge.httpPort(), BridgeTestBed.HOST, "/health").send());
  }
}
