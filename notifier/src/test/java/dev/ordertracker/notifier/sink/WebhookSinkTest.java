package dev.ordertracker.notifier.sink;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The generic webhook sink against a real HTTP server on loopback. */
@ExtendWith(VertxExtension.class)
class WebhookSinkTest {
  private static final String SECRET = "whsec-3f9a1c7e-never-logged";

  private Vertx vertx;
  private LoopbackHttpServer server;
  private int port;
  private OnContext ctx;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = new LoopbackHttpServer(vertx);
    port = server.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    ctx = new OnContext(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private DeliveryQueue queue(SinkOptions options) {
    return new DeliveryQueue(vertx, options, Transport.create(vertx, options), registry);
  }

  private SinkOptions webhook() {
    return new SinkOptions("ops", SinkType.WEBHOOK).setUrl("http://127.0.0.1:" + port + "/hook?token=q-77")
        .setRetryInitialDelayMs(10).setRetryMaxDelayMs(40).setTimeoutMs(5000);
  }

  @Test
  void postsTheEventAndRuleSignedWithHmacOfTheExactBody() throws Exception {
    DeliveryQueue q = queue(webhook().setSecret(SECRET));
    ctx.run(() -> q.offer(Notifications.fill("12345")));
    LoopbackHttpServer.Received r = server.next();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/hook");
    assertThat(r.headers().get("Content-Type")).isEqualTo("application/json");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(r.headers().get("X-Signature")).isEqualTo(HexFormat.of().formatHex(mac.doFinal(r.body().getBytes())));
    JsonObject body = r.body().toJsonObject();
    assertThat(body.getJsonObject("rule")).isEqualTo(new JsonObject().put("name", "fills").put("kind", "event"));
    assertThat(body.getString("message")).isEqualTo("BUY 0.5 BTCUSDT filled at 64,999.02 (order 12345, account main)");
    JsonObject event = body.getJsonObject("event");
    assertThat(event.getString("event_type")).isEqualTo("ORDER_FILLED");
    assertThat(event.getValue("average_price")).as("decimals stay strings").isEqualTo("64999.02000000");
    assertThat(event.getString("order_id")).isEqualTo("12345");
    assertThat(body.encode()).doesNotContain(SECRET);
    ctx.await("delivered", () -> q.metrics().deliveredCount() == 1);
  }

  @Test
  void unsignedWithoutASecret() throws Exception {
    DeliveryQueue q = queue(webhook());
    ctx.run(() -> q.offer(Notifications.fill("1")));
    assertThat(server.next().headers()).doesNotContainKey("X-Signature");
  }

  @Test
  void retriesAfter5xxUntilDelivered() throws Exception {
    server.answering(n -> n < 2 ? 503 : 200);
    DeliveryQueue q = queue(webhook());
    ctx.run(() -> q.offer(Notifications.fill("1")));
    String first = server.next().body().toString();
    assertThat(server.next().body().toString()).isEqualTo(first);
    assertThat(server.next().body().toString()).isEqualTo(first);
    ctx.await("delivered after two retries", () -> q.metrics().deliveredCount() == 1);
    assertThat(q.metrics().retriedCount()).isEqualTo(2);
    assertThat(q.metrics().failedCount()).isZero();
    assertThat(server.nextWithin(200)).as("nothing more once delivered").isNull();
  }

  @Test
  void givesUpAfterMaxAttemptsAndGoesOnWithTheNext() throws Exception {
    server.answering(n -> n < 3 ? 500 : 200);
    DeliveryQueue q = queue(webhook().setMaxAttempts(3));
    ctx.run(() -> {
      q.offer(Notifications.fill("lost-one"));
      q.offer(Notifications.fill("next-one"));
    });
    for (int i = 0; i < 3; i++) {
      assertThat(server.next().body().toJsonObject().getJsonObject("event").getString("order_id"))
          .isEqualTo("lost-one");
    }
    assertThat(server.next().body().toJsonObject().getJsonObject("event").getString("order_id"))
        .isEqualTo("next-one");
    ctx.await("one failed, one delivered",
        () -> q.metrics().failedCount() == 1 && q.metrics().deliveredCount() == 1);
  }

  @Test
  void aFullQueueDropsTheOldestCountsItAndDeliversTheNewest() throws Exception {
    server.hold(true);
    DeliveryQueue q = queue(webhook().setQueueCapacity(3));
    ctx.run(() -> q.offer(Notifications.fill("in-flight")));
    assertThat(server.next().body().toJsonObject().getJsonObject("event").getString("order_id"))
        .isEqualTo("in-flight");
    ctx.run(() -> {
      for (int i = 1; i <= 5; i++) {
        q.offer(Notifications.fill("q" + i));
      }
    });
    assertThat(q.metrics().droppedCount()).isEqualTo(2);
    assertThat(gauge("notifier_queue_size")).isEqualTo(3.0);
    server.release().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    for (String expected : new String[]{"q3", "q4", "q5"}) {
      assertThat(server.next().body().toJsonObject().getJsonObject("event").getString("order_id"))
          .isEqualTo(expected);
    }
    ctx.await("all delivered", () -> q.metrics().deliveredCount() == 4);
    assertThat(gauge("notifier_queue_size")).isZero();
    assertThat(registry.get("notifier_deliveries").tags("sink", "ops", "type", "webhook", "outcome", "dropped")
        .counter().count()).isEqualTo(2.0);
  }

  private double gauge(String name) {
    return registry.get(name).tags("sink", "ops", "type", "webhook").gauge().value();
  }

  @Test
  void metricLabelsAreBoundedAndHoldNoSecret() throws Exception {
    DeliveryQueue q = queue(webhook().setSecret(SECRET));
    ctx.run(() -> q.offer(Notifications.fill("1")));
    server.next();
    ctx.await("delivered", () -> q.metrics().deliveredCount() == 1);
    for (Meter m : registry.getMeters()) {
      assertThat(m.getId().getTags()).allSatisfy(t -> {
        assertThat(t.getKey()).isIn("sink", "type", "outcome");
        assertThat(t.getValue()).doesNotContain(SECRET).doesNotContain("q-77").doesNotContain("12345");
      });
    }
  }

  @Test
  void aTimedOutDeliveryIsLoggedWithoutTheSecretOrTheUrlQuery() throws Exception {
    server.hold(true); // the HTTP client's timeout message names the request URI, query included
    DeliveryQueue q = queue(webhook().setSecret(SECRET).setTimeoutMs(150).setMaxAttempts(2));
    try (LogCapture logs = new LogCapture()) {
      ctx.run(() -> q.offer(Notifications.fill("1")));
      ctx.await("gave up", () -> q.metrics().failedCount() == 1);
      assertThat(logs.all()).contains("webhook sink 'ops'").contains("timeout").contains("/hook?***")
          .doesNotContain("q-77").doesNotContain(SECRET);
    }
  }
}
