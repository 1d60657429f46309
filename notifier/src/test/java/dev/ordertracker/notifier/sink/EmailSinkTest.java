package dev.ordertracker.notifier.sink;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The email sink through vertx-mail-client against a loopback SMTP server. */
@ExtendWith(VertxExtension.class)
class EmailSinkTest {
  private static final String PASSWORD = "smtp-pa55-never-logged";

  private Vertx vertx;
  private LoopbackSmtpServer smtp;
  private int port;
  private OnContext ctx;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    smtp = new LoopbackSmtpServer(vertx);
    port = smtp.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    ctx = new OnContext(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    smtp.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void sendsOneMailPerNotificationAuthenticatedWithTheSubjectFromItsTemplate() throws Exception {
    SinkOptions o = new SinkOptions("mail", SinkType.EMAIL).setHost("127.0.0.1").setPort(port)
        .setStarttls("disabled").setUsername("tracker").setPassword(PASSWORD).setFrom("tracker@example.com")
        .setTo(List.of("ops@example.com", "desk@example.com")).setSubject("[{rule}] {symbol} {event_type}");
    DeliveryQueue q = new DeliveryQueue(vertx, o, Transport.create(vertx, o), new SimpleMeterRegistry());
    try (LogCapture logs = new LogCapture()) {
      ctx.run(() -> q.offer(Notifications.fill("12345")));
      LoopbackSmtpServer.Mail mail = smtp.next();
      assertThat(mail.authUser()).isEqualTo("tracker");
      assertThat(mail.authPassword()).isEqualTo(PASSWORD);
      assertThat(mail.from()).isEqualTo("tracker@example.com");
      assertThat(mail.to()).containsExactly("ops@example.com", "desk@example.com");
      String data = mail.data().replace("\r\n ", " ").replace("\r\n\t", " "); // unfold headers
      assertThat(data).contains("Subject: [fills] BTCUSDT ORDER_FILLED")
          .contains("BUY 0.5 BTCUSDT filled at 64,999.02 (order 12345, account main)");
      ctx.await("delivered", () -> q.metrics().deliveredCount() == 1);
      assertThat(logs.all()).doesNotContain(PASSWORD);
    }
    assertThat(o.toString()).doesNotContain(PASSWORD).contains("\"password\":\"***\"");
  }

  @Test
  void theDefaultSubjectIsTheMessageAndAnUnreachableServerIsRetriedThenCounted() throws Exception {
    SinkOptions o = new SinkOptions("mail", SinkType.EMAIL).setHost("127.0.0.1").setPort(port)
        .setStarttls("disabled").setFrom("tracker@example.com").setTo(List.of("ops@example.com"));
    DeliveryQueue q = new DeliveryQueue(vertx, o, Transport.create(vertx, o), new SimpleMeterRegistry());
    ctx.run(() -> q.offer(Notifications.fill("7")));
    String data = smtp.next().data().replace("\r\n ", " ");
    assertThat(data).contains("Subject: [order-tracker] BUY 0.5 BTCUSDT filled at 64,999.02 (order 7, account main)");

    smtp.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    SinkOptions down = new SinkOptions("down", SinkType.EMAIL).setHost("127.0.0.1").setPort(port)
        .setStarttls("disabled").setFrom("tracker@example.com").setTo(List.of("ops@example.com"))
        .setMaxAttempts(2).setRetryInitialDelayMs(10).setRetryMaxDelayMs(10).setTimeoutMs(2000);
    DeliveryQueue d = new DeliveryQueue(vertx, down, Transport.create(vertx, down), new SimpleMeterRegistry());
    ctx.run(() -> d.offer(Notifications.fill("8")));
    ctx.await("gave up", () -> d.metrics().failedCount() == 1);
    assertThat(d.metrics().retriedCount()).isEqualTo(1);
  }
}
