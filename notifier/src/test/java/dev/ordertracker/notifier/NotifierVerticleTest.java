package dev.ordertracker.notifier;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.notifier.sink.LoopbackHttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verticle on a real event bus, posting to a loopback webhook, with a hand-moved clock. */
@ExtendWith(VertxExtension.class)
class NotifierVerticleTest {
  private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
  private static final Addresses ADDRESSES = Addresses.defaults();

  private Vertx vertx;
  private LoopbackHttpServer server;
  private int port;
  private final MutableClock clock = new MutableClock(T0);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = new LoopbackHttpServer(vertx);
    port = server.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private NotifierVerticle deploy(JsonArray rules) throws Exception {
    JsonObject config = new JsonObject().put("tick_interval_ms", 10)
        .put("sinks", new JsonArray().add(new JsonObject().put("name", "hook").put("type", "webhook")
            .put("url", "http://127.0.0.1:" + port + "/n").put("retry_initial_delay_ms", 10)))
        .put("rules", rules);
    NotifierVerticle v = new NotifierVerticle(new NotifierOptions(config), registry, clock);
    vertx.deployVerticle(v).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return v;
  }

  private static OrderEvent event(EventType type, OrderStatus status, String orderId, String filled, String avg) {
    return event(type, status, orderId, filled, avg, "main");
  }

  private static OrderEvent event(EventType type, OrderStatus status, String orderId, String filled, String avg,
                                  String account) {
    return new OrderEvent(type, 1, orderId, null, "BTCUSDT", OrderType.LIMIT, OrderSide.SELL,
        new BigDecimal("2.00000000"), new BigDecimal("3000.00"), status, new BigDecimal(filled),
        avg == null ? null : new BigDecimal(avg), T0, T0, account, null, null);
  }

  private void publish(OrderEvent e) {
    vertx.eventBus().publish(ADDRESSES.event(e.eventType()), e.toJson(), e.deliveryOptions());
  }

  @Test
  void aMatchingEventIsPostedAndAnUnmatchedOrMalformedOneIsNot() throws Exception {
    NotifierVerticle v = deploy(new JsonArray().add(new JsonObject().put("name", "fills")
        .put("event_types", new JsonArray().add("ORDER_FILLED"))));
    publish(event(EventType.ORDER_PLACED, OrderStatus.PLACED, "1", "0", null));
    vertx.eventBus().publish(ADDRESSES.event(EventType.ORDER_FILLED), new JsonObject().put("order_id", "x")
        .put("quantity", "not a number"));
    publish(event(EventType.ORDER_FILLED, OrderStatus.FILLED, "1", "2.00000000", "3001.50000000"));
    publish(event(EventType.ORDER_FILLED, OrderStatus.FILLED, "1", "2.00000000", "3001.50000000")); // again
    publish(event(EventType.ORDER_FILLED, OrderStatus.FILLED, "2", "2.00000000", "3001.50000000"));
    JsonObject first = server.next().body().toJsonObject();
    assertThat(first.getString("message")).isEqualTo("SELL 2 BTCUSDT filled at 3,001.5 (order 1, account main)");
    assertThat(first.getJsonObject("event").getString("order_id")).isEqualTo("1");
    assertThat(server.next().body().toJsonObject().getJsonObject("event").getString("order_id"))
        .as("the repeat of order 1 is not notified again").isEqualTo("2");
    assertThat(registry.get("notifier_events").tag("outcome", "invalid").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("notifier_alerts").tag("rule", "fills").counter().count()).isEqualTo(2.0);
    assertThat(v.evaluator().duplicates("fills")).isEqualTo(1);
    // it subscribes only to what its rules need: nobody listens to ORDER_PLACED nor to account events
    for (String address : new String[]{ADDRESSES.event(EventType.ORDER_PLACED), ADDRESSES.account("main")}) {
      assertThatThrownBy(() -> vertx.eventBus().request(address, "ping").toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS)).as(address).hasMessageContaining("No handlers");
    }
  }

  /** A rule that posts every ORDER_PLACED: its POST tells the test that the notifier has processed the event. */
  private static JsonObject seen() {
    return new JsonObject().put("name", "seen").put("event_types", new JsonArray().add("ORDER_PLACED"))
        .put("template", "seen {order_id}");
  }

  private String nextMessage() throws InterruptedException {
    return server.next().body().toJsonObject().getString("message");
  }

  @Test
  void timeConditionsFireOnTicksWithTheInjectedClock() throws Exception {
    deploy(new JsonArray().add(seen())
        .add(new JsonObject().put("name", "stuck").put("kind", "stale_placed").put("older_than_ms", 600_000))
        .add(new JsonObject().put("name", "quiet").put("kind", "account_silent").put("silence_ms", 300_000)
            .put("template", "{account} silent since {last_event_at}, {open_orders} open")));
    publish(event(EventType.ORDER_PLACED, OrderStatus.PLACED, "9", "0", null, "main"));
    assertThat(nextMessage()).isEqualTo("seen 9");
    clock.advance(Duration.ofMinutes(11));
    assertThat(java.util.List.of(nextMessage(), nextMessage())).containsExactlyInAnyOrder(
        "SELL 2 BTCUSDT still PLACED after 11 min (order 9, account main)",
        "main silent since 2026-01-15T10:00:00Z, 1 open");
    assertThat(server.nextWithin(100)).as("once each").isNull();
  }

  @Test
  void accountEventsKeepAnAccountAlive() throws Exception {
    deploy(new JsonArray().add(seen()).add(new JsonObject().put("name", "quiet").put("kind", "account_silent")
        .put("silence_ms", 300_000).put("accounts", new JsonArray().add("main"))
        .put("template", "{account} silent since {last_event_at}")));
    // the account's address is watched from its first order event on
    publish(event(EventType.ORDER_PLACED, OrderStatus.PLACED, "9", "0", null, "main"));
    assertThat(nextMessage()).isEqualTo("seen 9");
    clock.advance(Duration.ofMinutes(4));
    vertx.eventBus().publish(ADDRESSES.account("main"), new JsonObject().put("event_type", "balance_update"));
    // an event of another account after it, on the same context: once it is seen, so is the account event
    publish(event(EventType.ORDER_PLACED, OrderStatus.PLACED, "10", "0", null, "other"));
    assertThat(nextMessage()).isEqualTo("seen 10");
    clock.advance(Duration.ofMinutes(6));
    assertThat(nextMessage()).isEqualTo("main silent since 2026-01-15T10:04:00Z");
  }

  @Test
  void aBadConfigurationFailsTheDeploymentNamingTheKey() {
    JsonObject config = new JsonObject().put("sinks", new JsonArray()).put("rules", new JsonArray())
        .put("tick_interval_msec", 5);
    assertThatThrownBy(() -> vertx.deployVerticle(new NotifierVerticle(), new DeploymentOptions().setConfig(config))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("notifier config: tick_interval_msec: unknown notifier option");
  }
}
