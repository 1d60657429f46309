package dev.ordertracker.binance.it;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.BinanceUserDataVerticle;
import dev.ordertracker.binance.codec.FrameDecodeException.Kind;
import dev.ordertracker.binance.support.Resources;
import dev.ordertracker.core.OrderTrackerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static dev.ordertracker.binance.it.Harness.await;
import static dev.ordertracker.binance.it.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad frames over a real WebSocket (a minimal WS API server on port 0 that answers time/subscribe/openOrders and then
 * sends garbage around one good executionReport): each is counted by kind and skipped; the connection and the
 * tracker keep going.
 */
@ExtendWith(VertxExtension.class)
class BadFramesIT {

  @Test
  void badFramesAreCountedAndSkippedAndTheStreamGoesOn(Vertx vertx) throws Exception {
    String good = Resources.text("event-executionReport.json");
    JsonObject goodEvent = new JsonObject(good).getJsonObject("event");
    List<String> frames = List.of(
        "not json",
        "[1,2,3]",
        "{\"subscriptionId\":0,\"event\":{\"e\":\"brandNewEvent\",\"E\":1}}",
        "{\"subscriptionId\":0,\"event\":{\"e\":\"executionReport\",\"E\":1}}",
        new JsonObject().put("subscriptionId", 0).put("event", goodEvent.copy().put("i", "abc")).encode(),
        "{\"subscriptionId\":0,\"event\":{\"e\":\"executionReport\",\"s\":\"" + "X".repeat(70_000) + "\"}}",
        good,
        new JsonObject().put("subscriptionId", 0).put("event", goodEvent.copy().put("x", "TRADE")
            .put("X", "PARTIALLY_FILLED").put("l", "0.5").put("z", "0.5").put("L", "0.1").put("t", 9)
            .put("I", 8641985).put("Z", "0.05").put("Y", "0.05")).encode());
    HttpServer server = vertx.createHttpServer().webSocketHandler(ws -> serve(ws, frames));
    int port = await(server.listen(0, "127.0.0.1")).actualPort();
    await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions()));
    BinanceUserDataVerticle adapter = new BinanceUserDataVerticle();
    await(vertx.deployVerticle(adapter, new DeploymentOptions().setConfig(new JsonObject()
        .put("ws_api_url", "ws://127.0.0.1:" + port + "/ws-api/v3")
        .put("rest_url", "http://127.0.0.1:" + port)
        .put("accounts", new JsonArray().add(new JsonObject().put("name", "a").put("api_key", "key")
            .put("secret", "secret"))))));
    OrderTracker tracker = OrderTracker.create(vertx);
    eventually(Duration.ofSeconds(10), () -> adapter.metrics().frames() >= frames.size(), "all frames");
    eventually(Duration.ofSeconds(10), () -> {
      try {
        return await(tracker.getOrder("4293153", "ETHBTC")).status() == OrderStatus.PARTIALLY_FILLED;
      } catch (Exception e) {
        return false;
      }
    }, "the good frames applied");
    TrackedOrder order = await(tracker.getOrder("4293153", "ETHBTC"));
    assertThat(order.account()).isEqualTo("a");
    assertThat(order.fills()).singleElement().satisfies(f -> assertThat(f.tradeId()).isEqualTo(9));
    assertThat(adapter.metrics().decodeErrors(Kind.NOT_JSON)).isEqualTo(1);
    assertThat(adapter.metrics().decodeErrors(Kind.NOT_AN_OBJECT)).isEqualTo(1);
    assertThat(adapter.metrics().decodeErrors(Kind.UNKNOWN_EVENT)).isEqualTo(1);
    assertThat(adapter.metrics().decodeErrors(Kind.MISSING_FIELD)).isEqualTo(1);
    assertThat(adapter.metrics().decodeErrors(Kind.WRONG_TYPE)).isEqualTo(1);
    assertThat(adapter.metrics().decodeErrors(Kind.TOO_LARGE)).isEqualTo(1);
    assertThat(adapter.metrics().reconnects()).isZero();
  }

  private static void serve(ServerWebSocket ws, List<String> frames) {
    ws.textMessageHandler(text -> {
      JsonObject req = new JsonObject(text);
      String method = req.getString("method");
      Object result;
      switch (method) {
        case "time": result = new JsonObject().put("serverTime", System.currentTimeMillis()); break;
        case "userDataStream.subscribe.signature": result = new JsonObject().put("subscriptionId", 0); break;
        case "openOrders.status": result = new JsonArray(); break;
        default: result = new JsonObject();
      }
      ws.writeTextMessage(new JsonObject().put("id", req.getValue("id")).put("status", 200).put("result", result)
          .encode());
      if (method.equals("userDataStream.subscribe.signature")) {
        frames.forEach(ws::writeTextMessage);
      }
    });
  }
}
