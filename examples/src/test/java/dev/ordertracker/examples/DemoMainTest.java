package dev.ordertracker.examples;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.bridge.metrics.BridgeMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The main job in-process: simulator + auto-trader, tracker with store, adapter, bridge; events must flow. */
@ExtendWith(VertxExtension.class)
class DemoMainTest {

  @Test
  void fullStackServesDashboardHealthMetricsAndPublishesEvents(VertxTestContext ctx, @TempDir Path data)
      throws Exception {
    // as DemoMain.main does: a Vertx with the Prometheus registry, so that /metrics has content
    Vertx vertx = Vertx.vertx(BridgeMetrics.vertxOptionsWithPrometheus());
    try {
      run(vertx, ctx, data);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** Metric names used in the PromQL of deploy/grafana's dashboard (histogram series by their base name). */
  static Set<String> dashboardMetrics() throws IOException {
    JsonObject dashboard = new JsonObject(Files.readString(Path.of("..", "deploy", "grafana",
        "order-tracker-dashboard.json")));
    Set<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\b((?:tracker|binance_adapter|bridge|vertx)_[a-z_]+)").matcher(
        dashboard.getJsonArray("panels").encode() + dashboard.getJsonObject("templating").encode());
    while (m.find()) {
      names.add(m.group(1));
    }
    assertThat(names).contains("tracker_events_published_total", "binance_adapter_frame_to_answer_seconds_bucket",
        "bridge_messages_delivered_total");
    return names;
  }

  /** The metric names of a Prometheus text exposition. */
  static Set<String> metricNames(String exposition) {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.split("\n")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  private void run(Vertx vertx, VertxTestContext ctx, Path data) throws Exception {
    DemoMain.DemoSettings settings = DemoMain.DemoSettings.fromEnvironment(Map.of(
        "HTTP_PORT", "0", "TCP_BRIDGE_PORT", "0", "DATA_DIR", data.toString(), "AUTO_TRADER_RATE", "20"));
    AtomicInteger events = new AtomicInteger();
    for (EventType type : EventType.values()) {
      vertx.eventBus().consumer(Addresses.defaults().event(type), m -> events.incrementAndGet());
    }
    HttpClient http = vertx.createHttpClient();
    DemoMain.start(vertx, settings).onComplete(ctx.succeeding(running -> {
      assertThat(running.dashboardUrl()).contains("token=");
      int port = running.httpPort();
      get(http, port, "/?token=" + running.token())
          .compose(page -> {
            ctx.verify(() -> assertThat(page).contains("<html"));
            return untilEvents(vertx, events, 3);
          })
          .compose(v -> get(http, port, "/health"))
          .compose(health -> {
            ctx.verify(() -> assertThat(new JsonObject(health).getString("status")).isEqualTo("UP"));
            return get(http, port, "/metrics");
          })
          .compose(metrics -> {
            ctx.verify(() -> {
              assertThat(metrics).contains("tracker_").contains("vertx_");
              // the Grafana dashboard in deploy/ plots only series the main job exports
              assertThat(metricNames(metrics)).containsAll(dashboardMetrics());
            });
            return OrderTracker.create(vertx).getStats();
          })
          .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
            assertThat(stats.totalTracked()).isPositive();
            assertThat(stats.eventsPublished()).isPositive();
            assertThat(Files.list(data).count()).isPositive(); // the store writes into DATA_DIR
            ctx.completeNow();
          })));
    }));
    assertThat(ctx.awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
    if (ctx.failed()) {
      throw new AssertionError(ctx.causeOfFailure());
    }
  }

  private static io.vertx.core.Future<String> get(HttpClient http, int port, String uri) {
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
            .setURI(uri))
        .compose(req -> req.send())
        .compose(HttpClientResponse::body)
        .map(b -> b.toString());
  }

  /** Completes once at least {@code n} events were seen, polling every 50 ms for at most 30 s. */
  private static io.vertx.core.Future<Void> untilEvents(Vertx vertx, AtomicInteger events, int n) {
    io.vertx.core.Promise<Void> promise = io.vertx.core.Promise.promise();
    long deadline = System.currentTimeMillis() + 30_000;
    vertx.setPeriodic(50, id -> {
      if (events.get() >= n) {
        vertx.cancelTimer(id);
        promise.tryComplete();
      } else if (System.currentTimeMillis() > deadline) {
        vertx.cancelTimer(id);
        promise.tryFail("no order events within 30 s (saw " + events.get() + ")");
      }
    });
    return promise.future();
  }
}
