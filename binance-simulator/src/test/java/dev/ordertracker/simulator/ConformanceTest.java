package dev.ordertracker.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares what the simulator sends with the published Binance examples: the same keys (optional conditional
 * fields of the examples excepted) with the same JSON value types, and the same envelopes.
 */
class ConformanceTest extends SimulatorTestBase {

  /**
   * Fields of the examples that Binance sends only conditionally (trailing stops, strategies, STP; {@code v} of the
   * executionReport example is "only visible if the order expired due to STP", user-data-stream.md).
   */
  private static final Set<String> CONDITIONAL = Set.of("trailingDelta", "trailingTime", "strategyId",
      "strategyType", "preventedMatchId", "preventedQuantity", "stopPrice", "icebergQty", "v");

  private static JsonObject example(String name) {
    return BinanceFixtures.json("examples/" + name + ".json");
  }

  /** Same key set (minus conditional fields) and, key by key, the same JSON type (null matches anything). */
  static void assertSameShape(String what, JsonObject actual, JsonObject expected) {
    Set<String> want = new TreeSet<>(expected.fieldNames());
    want.removeAll(CONDITIONAL);
    Set<String> have = new TreeSet<>(actual.fieldNames());
    have.removeAll(CONDITIONAL);
    have.remove("eR");
    assertThat(have).as(what + " keys").isEqualTo(want);
    for (String k : want) {
      Object e = expected.getValue(k);
      Object a = actual.getValue(k);
      if (e == null || a == null) {
        continue;
      }
      assertThat(type(a)).as(what + "." + k + " type").isEqualTo(type(e));
      if (e instanceof JsonObject eo) {
        assertSameShape(what + "." + k, (JsonObject) a, eo);
      }
      if (e instanceof JsonArray ea && !ea.isEmpty() && ea.getValue(0) instanceof JsonObject e0
          && !((JsonArray) a).isEmpty()) {
        assertSameShape(what + "." + k + "[0]", ((JsonArray) a).getJsonObject(0), e0);
      }
    }
  }

  private static String type(Object v) {
    if (v instanceof Number) {
      return "number";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof JsonObject) {
      return "object";
    }
    if (v instanceof JsonArray) {
      return "array";
    }
    return v.getClass().getSimpleName();
  }

  private static JsonObject response(String example) {
    return example(example).getJsonObject("response");
  }

  @Test
  void webSocketApiResponsesAndEventsMatchThePublishedExamples(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    JsonObject sub = c.signed("userDataStream.subscribe.signature", new JsonObject());
    assertSameShape("subscribe.signature", sub.copy().put("rateLimits", new JsonArray()),
        response("wsapi-userDataStream.subscribe.signature").copy().put("rateLimits", new JsonArray()));

    JsonObject placed = c.signed("order.place", limit("BTCUSDT", "BUY", "0.01000", "59000.00", "GTC")
        .put("newOrderRespType", "RESULT"));
    assertSameShape("order.place", placed, response("wsapi-order.place.json".replace(".json", "")));
    long id = placed.getJsonObject("result").getLong("orderId");

    JsonObject newReport = c.await(WsTestClient.report(id, "NEW"), 1).get(0);
    assertSameShape("executionReport", newReport, example("event-executionReport"));
    JsonObject position = c.await(WsTestClient.eventOf("outboundAccountPosition"), 1).get(0);
    assertSameShape("outboundAccountPosition", position, example("event-outboundAccountPosition"));

    sim.movePrice("BTCUSDT", new java.math.BigDecimal("58999.00")).await(10, TimeUnit.SECONDS);
    JsonObject trade = c.await(WsTestClient.report(id, "TRADE"), 1).get(0);
    assertSameShape("executionReport TRADE", trade, example("event-executionReport"));
    assertThat(trade.getJsonObject("event").getString("N")).isEqualTo("BTC");

    assertSameShape("order.status", c.signed("order.status", new JsonObject().put("symbol", "BTCUSDT")
        .put("orderId", id)), response("wsapi-order.status"));
    c.signed("order.place", limit("BTCUSDT", "SELL", "0.01000", "70000.00", "GTC").put("newClientOrderId", "o2"));
    assertSameShape("openOrders.status", c.signed("openOrders.status", new JsonObject().put("symbol", "BTCUSDT")),
        response("wsapi-openOrders.status"));
    assertSameShape("order.cancel", c.signed("order.cancel", new JsonObject().put("symbol", "BTCUSDT")
        .put("origClientOrderId", "o2")), response("wsapi-order.cancel"));
    JsonObject trades = c.signed("myTrades", new JsonObject().put("symbol", "BTCUSDT"));
    assertSameShape("myTrades", trades, response("wsapi-myTrades"));

    JsonObject error = c.signed("order.place", market("BTCUSDT", "BUY", "1000.00000"));
    assertSameShape("error", error, example("wsapi-error-response"));
    assertThat(error.getJsonObject("error").getString("msg")).isEqualTo(
        example("wsapi-error-response").getJsonObject("error").getString("msg"));

    JsonObject status = c.call("session.status", null);
    assertThat(status.getJsonObject("result").fieldNames())
        .containsExactlyInAnyOrderElementsOf(response("wsapi-session.status").getJsonObject("result").fieldNames());
    JsonObject subs = c.call("session.subscriptions", new JsonObject());
    assertSameShape("session.subscriptions", subs.copy().put("rateLimits", new JsonArray()),
        response("wsapi-session.subscriptions").copy().put("rateLimits", new JsonArray()));
    JsonObject unsub = c.call("userDataStream.unsubscribe", null);
    assertThat(unsub.getJsonObject("result")).isEqualTo(new JsonObject());
    JsonObject terminated = c.await(WsTestClient.eventOf("eventStreamTerminated"), 1).get(0);
    assertSameShape("eventStreamTerminated", terminated, example("event-eventStreamTerminated"));

    c.subscribeDemo();
    sim.deposit("demo", "BTC", new java.math.BigDecimal("100")).await(10, TimeUnit.SECONDS);
    JsonObject deposit = c.await(WsTestClient.eventOf("balanceUpdate"), 1).get(0);
    assertSameShape("balanceUpdate", deposit, example("event-balanceUpdate"));
    assertThat(deposit.getJsonObject("event").getString("d")).isEqualTo("100.00000000");

    sim.faults().sendServerShutdown().await(10, TimeUnit.SECONDS);
    JsonObject shutdown = c.await(WsTestClient.eventOf("serverShutdown"), 1).get(0);
    assertSameShape("serverShutdown", shutdown, example("event-serverShutdown"));
  }

  @Test
  void ocoOrderListEmitsListStatus(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    JsonObject r = c.signed("orderList.place.oco", new JsonObject().put("symbol", "BTCUSDT").put("side", "SELL")
        .put("quantity", "0.10000").put("aboveType", "LIMIT_MAKER").put("abovePrice", "61000.00")
        .put("belowType", "STOP_LOSS_LIMIT").put("belowStopPrice", "59000.00").put("belowPrice", "58900.00")
        .put("belowTimeInForce", "GTC").put("listClientOrderId", "my-oco"));
    assertThat(r.getInteger("status")).as(r.encode()).isEqualTo(200);
    JsonObject result = r.getJsonObject("result");
    assertThat(result.getString("contingencyType")).isEqualTo("OCO");
    assertThat(result.getJsonArray("orders")).hasSize(2);
    assertThat(result.getJsonArray("orderReports")).hasSize(2);
    long listId = result.getLong("orderListId");
    JsonObject started = c.await(WsTestClient.eventOf("listStatus"), 1).get(0);
    assertSameShape("listStatus", started, example("event-listStatus"));
    assertThat(started.getJsonObject("event").getString("l")).isEqualTo("EXEC_STARTED");
    assertThat(started.getJsonObject("event").getString("C")).isEqualTo("my-oco");
    assertThat(c.events("executionReport")).hasSize(2)
        .allSatisfy(f -> assertThat(f.getJsonObject("event").getLong("g")).isEqualTo(listId));
    sim.movePrice("BTCUSDT", new java.math.BigDecimal("61000.01")).await(10, TimeUnit.SECONDS);
    List<JsonObject> lists = c.await(WsTestClient.eventOf("listStatus"), 2);
    assertThat(lists.get(1).getJsonObject("event").getString("L")).isEqualTo("ALL_DONE");
    assertThat(sim.orders()).extracting(SimulatedOrder::status).containsExactlyInAnyOrder("FILLED", "EXPIRED");
  }

  @Test
  void restResponsesMatchThePublishedExamples(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WebClient web = WebClient.create(vertx);
    JsonObject post = example("rest-POST-api-v3-order");
    for (String type : new String[] {"ACK", "RESULT", "FULL"}) {
      JsonObject r = rest(web, sim, "POST", "/api/v3/order",
          "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.01000&newOrderRespType=" + type).bodyAsJsonObject();
      assertSameShape("POST order " + type, r, post.getJsonObject(type));
    }
    JsonObject placed = rest(web, sim, "POST", "/api/v3/order",
        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01000&price=50000.00").bodyAsJsonObject();
    long id = placed.getLong("orderId");
    assertSameShape("GET order", rest(web, sim, "GET", "/api/v3/order", "symbol=BTCUSDT&orderId=" + id)
        .bodyAsJsonObject(), example("rest-GET-api-v3-order"));
    assertSameShape("GET openOrders", new JsonObject().put("a", rest(web, sim, "GET", "/api/v3/openOrders", "")
        .bodyAsJsonArray()), new JsonObject().put("a", new JsonArray(BinanceFixtures.text(
        "examples/rest-GET-api-v3-openOrders.json"))));
    assertSameShape("GET myTrades", new JsonObject().put("a", rest(web, sim, "GET", "/api/v3/myTrades",
        "symbol=BTCUSDT").bodyAsJsonArray()), new JsonObject().put("a", new JsonArray(BinanceFixtures.text(
        "examples/rest-GET-api-v3-myTrades.json"))));
    assertSameShape("DELETE order", rest(web, sim, "DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=" + id)
        .bodyAsJsonObject(), example("rest-DELETE-api-v3-order"));
  }

  static io.vertx.ext.web.client.HttpResponse<Buffer> rest(WebClient web, BinanceSimulator sim, String method,
      String path, String query) throws Exception {
    String q = query + (query.isEmpty() ? "" : "&") + "timestamp=" + System.currentTimeMillis();
    return web.request(io.vertx.core.http.HttpMethod.valueOf(method), sim.port(), "127.0.0.1",
        path + "?" + q + "&signature=" + TestSigner.demo().sign(q))
        .putHeader("X-MBX-APIKEY", AccountOptions.DEMO_API_KEY).send().await(10, TimeUnit.SECONDS);
  }
}
