package dev.ordertracker.examples;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.bridge.metrics.BridgeMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job's zero-config notifications: with NOTIFY_WEBHOOK_URL pointing at a loopback HTTP server, a fill of
 * the simulator's auto-trader arrives there as signed JSON; with the webhook down, tracking goes on and the failed
 * deliveries are only counted.
 */
class DemoMainNotifyTest {
  private static final String SECRET = "demo-webhook-secret-42";

  /** One POST received by the loopback webhook. */
  record Post(String signature, Buffer body) {
  }

  @Test
  void aFillFromTheSimulatorIsPostedSignedToTheWebhook() throws Exception {
    Vertx vertx = Vertx.vertx(BridgeMetrics.vertxOptionsWithPrometheus());
    try {
      LinkedBlockingQueue<Post> posts = new LinkedBlockingQueue<>();
      HttpServer hook = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
        posts.add(new Post(req.getHeader("X-Signature"), body));
        req.response().setStatusCode(204).end();
      }));
      int port = await(hook.listen(0, "127.0.0.1")).actualPort();
      Map<String, String> env = Map.of("HTTP_PORT", "0", "TCP_BRIDGE_PORT", "0", "DATA_DIR", "none",
          "AUTO_TRADER_RATE", "20", "NOTIFY_WEBHOOK_URL", "http://127.0.0.1:" + port + "/hook",
          "NOTIFY_WEBHOOK_SECRET", SECRET);
      // as DemoMain.main does
      await(DemoMain.start(vertx, DemoMain.DemoSettings.fromEnvironment(env))
          .compose(running -> DemoMain.startNotifier(vertx, env).map(running)));

      JsonObject fill = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (fill == null) {
        Post post = posts.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        assertThat(post).as("a fill posted within 60 s").isNotNull();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(post.signature()).isEqualTo(HexFormat.of().formatHex(mac.doFinal(post.body().getBytes())));
        JsonObject body = post.body().toJsonObject();
        assertThat(body.getJsonObject("rule").getString("name")).isEqualTo("main-job");
        assertThat(body.getJsonObject("event").getString("event_type"))
            .isIn("ORDER_FILLED", "ERROR_OCCURRED", "ORDER_LOST");
        if (body.getJsonObject("event").getString("event_type").equals("ORDER_FILLED")) {
          fill = body;
        }
      }
      JsonObject event = fill.getJsonObject("event");
      assertThat(event.getValue("filled_quantity")).isInstanceOf(String.class);
      assertThat(fill.getString("message")).contains(" filled at ").contains("account demo");
      var order = await(OrderTracker.create(vertx).getOrder(event.getString("order_id"), event.getString("symbol")));
      assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
      assertThat(order.filledQuantity()).isEqualByComparingTo(event.getString("filled_quantity"));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aWebhookThatIsDownNeverAffectsTracking() throws Exception {
    Vertx vertx = Vertx.vertx(BridgeMetrics.vertxOptionsWithPrometheus());
    try {
      // a port that was free a moment ago and is closed now: every delivery is refused
      HttpServer probe = vertx.createHttpServer().requestHandler(r -> r.response().end());
      int deadPort = await(probe.listen(0, "127.0.0.1")).actualPort();
      await(probe.close());
      Map<String, String> env = Map.of("HTTP_PORT", "0", "TCP_BRIDGE_PORT", "0", "DATA_DIR", "none",
          "AUTO_TRADER_RATE", "20", "NOTIFY_WEBHOOK_URL", "http://127.0.0.1:" + deadPort + "/hook?key=k-secret");
      DemoMain.Running running = await(DemoMain.start(vertx, DemoMain.DemoSettings.fromEnvironment(env))
          .compose(r -> DemoMain.startNotifier(vertx, env).map(r)));
      HttpClient http = vertx.createHttpClient();
      String metrics = "";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!metrics.matches("(?s).*notifier_deliveries_total\\{[^}]*outcome=\"retried\"[^}]*} [1-9].*")) {
        assertThat(System.nanoTime()).as("a refused delivery counted within 60 s").isLessThan(deadline);
        metrics = await(get(http, running.httpPort(), "/metrics").compose(s -> delay(vertx, s)));
      }
      assertThat(metrics).doesNotContain("k-secret");
      var stats = await(OrderTracker.create(vertx).getStats());
      assertThat(stats.eventsPublished()).isPositive();
      assertThat(stats.totalFilled()).isPositive();
      JsonObject health = new JsonObject(await(get(http, running.httpPort(), "/health")));
      assertThat(health.getString("status")).isEqualTo("UP");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static Future<String> get(HttpClient http, int port, String uri) {
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
            .setURI(uri))
        .compose(req -> req.send())
        .compose(HttpClientResponse::body)
        .map(Buffer::toString);
  }

  /** {@code value} after 100 ms (the polling pace of the metrics loop). */
  private static <T> Future<T> delay(Vertx vertx, T value) {
    Promise<T> p = Promise.promise();
    vertx.setTimer(100, id -> p.complete(value));
    return p.future();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
