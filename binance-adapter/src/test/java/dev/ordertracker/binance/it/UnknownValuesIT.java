package dev.ordertracker.binance.it;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.BinanceUserDataVerticle;
import dev.ordertracker.binance.codec.UnknownValue;
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
 * Enum values Binance adds are survived (issue 13), over a real WebSocket: a minimal WS API server on port 0 (the
 * simulator cannot send values it does not know either) sends a NEW report, then a fill whose execution type is
 * new, then a report whose order status is new. The fill is applied from the fields that can be read; the report
 * with the unknown status is skipped (it waits for reconciliation); each is counted by kind, nothing is a decode
 * error, and the stream goes on.
 */
@ExtendWith(VertxExtension.class)
class UnknownValuesIT {

  @Test
  void anUnknownExecutionTypeStillUpdatesTheOrderAndAnUnknownStatusWaits(Vertx vertx) throws Exception {
    JsonObject event = new JsonObject(Resources.text("event-executionReport.json")).getJsonObject("event");
    List<String> frames = List.of(
        frame(event.copy()),
        frame(event.copy().put("x", "TRADE_SOMEHOW").put("X", "PARTIALLY_FILLED").put("l", "0.5").put("z", "0.5")
            .put("L", "0.1").put("t", 9).put("I", 8641985).put("Z", "0.05").put("Y", "0.05")),
        frame(event.copy().put("x", "TRADE").put("X", "HALTED_FOR_REVIEW").put("I", 8641986)),
        frame(event.copy().put("x", "TRADE_SOMEHOW").put("X", "FILLED").put("l", "0.5").put("z", "1.0")
            .put("L", "0.1").put("t", 10).put("I", 8641987).put("Z", "0.1").put("Y", "0.05")));
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
        return await(tracker.getOrder("4293153", "ETHBTC")).status() == OrderStatus.FILLED;
      } catch (Exception e) {
        return false;
      }
    }, "the fills with an unknown execution type applied");

    TrackedOrder order = await(tracker.getOrder("4293153", "ETHBTC"));
    assertThat(order.filledQuantity()).isEqualByComparingTo("1.0");
    assertThat(order.averagePrice()).isEqualByComparingTo("0.1");
    assertThat(order.details().executionType()).isEqualTo("TRADE_SOMEHOW");
    assertThat(adapter.metrics().unknownValues(UnknownValue.Kind.EXECUTION_TYPE)).isEqualTo(2);
    assertThat(adapter.metrics().unknownValues(UnknownValue.Kind.ORDER_STATUS)).isEqualTo(1);
    assertThat(adapter.metrics().decodeErrors()).isZero();
    assertThat(adapter.metrics().reconnects()).isZero();
  }

  private static String frame(JsonObject event) {
    return new JsonObject().put("subscriptionId", 0).put("event", event).encode();
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
