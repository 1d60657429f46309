package dev.ordertracker.bridge;

import dev.ordertracker.bridge.health.HealthHandler;
import dev.ordertracker.bridge.metrics.BridgeMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static org.assertj.core.api.Assertions.assertThat;

/** /health against the real tracker and a stand-in adapter status endpoint; /metrics with the Prometheus backend. */
class HealthAndMetricsTest {

  private static HttpResponse<Buffer> get(BridgeTestBed bed, String path) {
    return await(WebClient.create(bed.vertx).get(bed.bridge.httpPort(), BridgeTestBed.HOST, path).send());
  }

  @Test
  void healthIsUpWithTheTrackerWhenTheAdapterIsNotRequired() {
    Vertx vertx = Vertx.vertx();
    try {
      BridgeTestBed bed = BridgeTestBed.start(vertx);
      HttpResponse<Buffer> response = get(bed, "/health");
      assertThat(response.statusCode()).isEqualTo(200);
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getString("status")).isEqualTo("UP");
      assertThat(body.getJsonObject("tracker").getString("status")).isEqualTo("UP");
      assertThat(body.getJsonObject("adapter").getString("status")).isEqualTo("NOT_REQUIRED");
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
      HttpResponse<Buffer> missing = get(bed, "/health");
      assertThat(missing.statusCode()).isEqualTo(503);
      assertThat(missing.bodyAsJsonObject().getJsonObject("adapter").getString("status")).isEqualTo("DOWN");

      String address = HealthHandler.adapterStatusAddress(BridgeTestBed.ADDRESSES);
      JsonObject[] status = {new JsonObject().put("connected", false)};
      await(vertx.eventBus().consumer(address, msg -> msg.reply(status[0])).completion());
      assertThat(get(bed, "/health").statusCode()).isEqualTo(503);
      status[0] = new JsonObject().put("connected", true);
      HttpResponse<Buffer> up = get(bed, "/health");
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.bodyAsJsonObject().getString("status")).isEqualTo("UP");
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
