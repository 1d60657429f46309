package dev.ordertracker.notifier.sink;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack incoming-webhook and Telegram sendMessage payloads against a loopback server standing in for the real
 * endpoints (their URLs are configurable), and the secrets of both (the Slack URL, the bot token) kept out of logs.
 */
@ExtendWith(VertxExtension.class)
class ChatSinksTest {
  private static final String BOT_TOKEN = "7531902468:AAH-secret-bot-token_x9";
  private static final String SLACK_PATH = "/services/T0001/B0002/slackSecretXYZ";

  private Vertx vertx;
  private LoopbackHttpServer server;
  private int port;
  private OnContext ctx;

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

  private DeliveryQueue queue(SinkOptions o) {
    return new DeliveryQueue(vertx, o, Transport.create(vertx, o), new SimpleMeterRegistry());
  }

  @Test
  void slackGetsItsIncomingWebhookShape() throws Exception {
    DeliveryQueue q = queue(new SinkOptions("team", SinkType.SLACK).setUrl("http://127.0.0.1:" + port + SLACK_PATH));
    ctx.run(() -> q.offer(Notifications.fill("12345")));
    LoopbackHttpServer.Received r = server.next();
    assertThat(r.path()).isEqualTo(SLACK_PATH);
    assertThat(r.body().toJsonObject()).isEqualTo(new JsonObject()
        .put("text", "BUY 0.5 BTCUSDT filled at 64,999.02 (order 12345, account main)"));
  }

  @Test
  void telegramGetsSendMessageAtBotTokenPath() throws Exception {
    DeliveryQueue q = queue(new SinkOptions("phone", SinkType.TELEGRAM).setBotToken(BOT_TOKEN).setChatId("-1001234")
        .setApiUrl("http://127.0.0.1:" + port + "/"));
    ctx.run(() -> q.offer(Notifications.fill("12345")));
    LoopbackHttpServer.Received r = server.next();
    assertThat(r.path()).isEqualTo("/bot" + BOT_TOKEN + "/sendMessage");
    assertThat(r.body().toJsonObject()).isEqualTo(new JsonObject().put("chat_id", "-1001234")
        .put("text", "BUY 0.5 BTCUSDT filled at 64,999.02 (order 12345, account main)")
        .put("disable_web_page_preview", true));
  }

  @Test
  void failuresAreLoggedWithoutTheTokenOrTheSlackUrl() throws Exception {
    server.hold(true); // every attempt times out: the HTTP client's timeout message names the request URI
    SinkOptions telegram = new SinkOptions("phone", SinkType.TELEGRAM).setBotToken(BOT_TOKEN).setChatId("1")
        .setApiUrl("http://127.0.0.1:" + port).setTimeoutMs(150).setMaxAttempts(2).setRetryInitialDelayMs(10)
        .setRetryMaxDelayMs(10);
    SinkOptions slack = new SinkOptions("team", SinkType.SLACK).setUrl("http://127.0.0.1:" + port + SLACK_PATH)
        .setTimeoutMs(150).setMaxAttempts(2).setRetryInitialDelayMs(10).setRetryMaxDelayMs(10);
    try (LogCapture logs = new LogCapture()) {
      DeliveryQueue t = queue(telegram);
      DeliveryQueue s = queue(slack);
      ctx.run(() -> {
        t.offer(Notifications.fill("1"));
        s.offer(Notifications.fill("2"));
      });
      ctx.await("both gave up", () -> t.metrics().failedCount() == 1 && s.metrics().failedCount() == 1);
      assertThat(logs.all()).contains("telegram sink 'phone'").contains("slack sink 'team'")
          .contains("not delivered after 2 attempt(s)");
      assertThat(logs.all()).doesNotContain(BOT_TOKEN).doesNotContain("AAH-secret").doesNotContain("slackSecretXYZ");
    }
    assertThat(telegram.toString()).doesNotContain(BOT_TOKEN);
    assertThat(slack.toString()).doesNotContain("slackSecretXYZ");
  }
}
