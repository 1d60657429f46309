package dev.ordertracker.bridge;

import dev.ordertracker.bridge.health.HealthEndpoints;
import dev.ordertracker.bridge.metrics.BridgeMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /health/live, /health/ready (and /health) against the real tracker and a stand-in adapter status endpoint, in
 * vertx-health-check's shape; /metrics with the Prometheus backend.
 */
class HealthAndMetricsTest {

  /** The check named {@code id} in a vertx-health-check answer. */
  private static JsonObject check(JsonObject body, String id) {
    return body.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(c -> id.equals(c.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + id + " in " + body));
  }

  private static HttpResponse<Buffer> get(BridgeTestBed bed, String path) {
    return await(WebClient.create(bed.vertx).get(bed.bridge.httpPort(), BridgeTestBed.HOST, path).send());
  }

  @Test
  void healthIsUpWithTheTrackerWhenTheAdapterIsNotRequired() {
    Vertx vertx = Vertx.vertx();
    try {
      BridgeTestBed bed = BridgeTestBed.start(vertx);
      for (String path : new String[] {"/health/ready", "/health"}) {
        HttpResponse<Buffer> response = get(bed, path);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(check(body, "tracker").getString("status")).isEqualTo("UP");
        assertThat(check(body, "tracker").getJsonObject("data").containsKey("last_sequence")).isTrue();
        assertThat(body.getJsonArray("checks")).hasSize(1); // no adapter required, not clustered
      }
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void healthNeedsAConnectedAdapterWhenRequired() {
    Vertx vertx = Vertx.vertx();
    try {
      BridgeTestBed bed = BridgeTestBed.start(vertx, new JsonObject().put("require_adapter", true)
          .put("health_timeout_ms", 300));
      HttpResponse<Buffer> missing = get(bed, "/health/ready");
      assertThat(missing.statusCode()).isEqualTo(503);
      assertThat(check(missing.bodyAsJsonObject(), "adapter").getString("status")).isEqualTo("DOWN");
      assertThat(check(missing.bodyAsJsonObject(), "tracker").getString("status")).isEqualTo("UP");
      // liveness asks nothing outside the process: a missing adapter never gets the pod restarted
      HttpResponse<Buffer> live = get(bed, "/health/live");
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");

      String address = HealthEndpoints.adapterStatusAddress(BridgeTestBed.ADDRESSES);
      JsonObject[] status = {new JsonObject().put("connected", false).put("accounts", new JsonArray().add("main")
          .add("second")).put("subscribed_accounts", new JsonArray().add("main"))};
      await(vertx.eventBus().consumer(address, msg -> msg.reply(status[0])).completion());
      HttpResponse<Buffer> partly = get(bed, "/health");
      assertThat(partly.statusCode()).isEqualTo(503);
      assertThat(check(partly.bodyAsJsonObject(), "adapter").getJsonObject("data").getJsonObject("accounts"))
          .isEqualTo(new JsonObject().put("main", "SUBSCRIBED").put("second", "NOT_SUBSCRIBED"));
      JsonObject sweeps = new JsonObject().put("main", new JsonObject().put("last_sweep_ok", "2026-12-06T05:00:00Z")
          .put("last_sweep_age_ms", 1200));
      status[0] = new JsonObject().put("connected", true).put("accounts", new JsonArray().add("main"))
          .put("subscribed_accounts", new JsonArray().add("main")).put("reconciliation", sweeps);
      HttpResponse<Buffer> up = get(bed, "/health/ready");
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.bodyAsJsonObject().getString("status")).isEqualTo("UP");
      // per account, the age of the last successful reconciliation sweep (issue 14)
      assertThat(check(up.bodyAsJsonObject(), "adapter").getJsonObject("data").getJsonObject("reconciliation"))
          .isEqualTo(sweeps);
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void metricsExposeVertxTrackerAndBridgeMeters() {
    Vertx vertx = Vertx.builder().with(BridgeMetrics.vertxOptionsWithPrometheus()).build();
    try {
      BridgeTestBed bed = BridgeTestBed.start(vertx);
      bed.place("M-1", "BTCUSDT", null);
      bed.fill("M-1", "BTCUSDT");
      // one refusal, so that a bridge counter moves
      bed.sockJs(null, new FrameRecorder()).register("not.permitted");
      HttpResponse<Buffer> response = get(bed, "/metrics");
      assertThat(response.statusCode()).isEqualTo(200);
      String text = response.bodyAsString();
      assertThat(text).contains("vertx_http_server_requests_total", "vertx_eventbus_");
      assertThat(text).contains("tracker_events_published_total", "tracker_active_orders");
      assertThat(text).contains("bridge_clients_connected", "bridge_refusals_total");
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void metricsAnswer503WithoutAPrometheusBackend() {
    Vertx vertx = Vertx.vertx();
    try {
      BridgeTestBed bed = BridgeTestBed.start(vertx);
      assertThat(get(bed, "/metrics").statusCode()).isEqualTo(503);
    } finally {
      await(vertx.close());
    }
  }
}
