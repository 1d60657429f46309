package dev.ordertracker.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code order.amend.keepPriority} and {@code PUT /api/v3/order/amend/keepPriority} over real sockets. */
class AmendKeepPriorityTest extends SimulatorTestBase {

  private static JsonObject amend(long orderId, String newQty) {
    return new JsonObject().put("symbol", "ETHUSDT").put("orderId", orderId).put("newQty", newQty);
  }

  private static long weight(JsonObject answer) {
    JsonArray limits = answer.getJsonArray("rateLimits");
    for (int i = 0; i < limits.size(); i++) {
      if ("REQUEST_WEIGHT".equals(limits.getJsonObject(i).getString("rateLimitType"))) {
        return limits.getJsonObject(i).getLong("count");
      }
    }
    throw new AssertionError("no REQUEST_WEIGHT in " + answer);
  }

  private static void assertError(JsonObject answer, int code, String msg) {
    assertThat(answer.getInteger("status")).as(answer.encode()).isEqualTo(400);
    assertThat(answer.getJsonObject("error").getInteger("code")).as(answer.encode()).isEqualTo(code);
    if (msg != null) {
      assertThat(answer.getJsonObject("error").getString("msg")).isEqualTo(msg);
    }
  }

  @Test
  void amendReducesQuantityReportsReplacedAndTheOrderFillsTheNewQuantity(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    int sub = c.subscribeDemo();
    JsonObject placed = c.signed("order.place", limit("ETHUSDT", "BUY", "5.5000", "2900.00", "GTC")
        .put("newClientOrderId", "mine-1")).getJsonObject("result");
    long id = placed.getLong("orderId");
    JsonObject before = c.call("ping", null);

    JsonObject answer = c.signed("order.amend.keepPriority", amend(id, "5.0000"));
    assertThat(answer.getInteger("status")).as(answer.encode()).isEqualTo(200);
    assertThat(weight(answer) - weight(before)).as("weight of order.amend.keepPriority").isEqualTo(4);
    JsonObject result = answer.getJsonObject("result");
    assertThat(result.fieldNames()).containsExactlyInAnyOrder("transactTime", "executionId", "amendedOrder");
    JsonObject amended = result.getJsonObject("amendedOrder");
    assertThat(amended.fieldNames()).containsExactlyInAnyOrder("symbol", "orderId", "orderListId",
        "origClientOrderId", "clientOrderId", "price", "qty", "executedQty", "preventedQty", "quoteOrderQty",
        "cumulativeQuoteQty", "status", "timeInForce", "type", "side", "workingTime", "selfTradePreventionMode");
    assertThat(amended.getLong("orderId")).isEqualTo(id);
    assertThat(amended.getString("origClientOrderId")).isEqualTo("mine-1");
    String newId = amended.getString("clientOrderId");
    assertThat(newId).hasSize(22).isNotEqualTo("mine-1");
    assertThat(amended.getString("qty")).isEqualTo("5.00000000");
    assertThat(amended.getString("status")).isEqualTo("NEW");

    JsonObject replaced = c.await(WsTestClient.report(id, "REPLACED"), 1).get(0);
    assertThat(replaced.getInteger("subscriptionId")).isEqualTo(sub);
    JsonObject e = replaced.getJsonObject("event");
    assertThat(e.getString("X")).isEqualTo("NEW");
    assertThat(e.getString("q")).isEqualTo("5.00000000");
    assertThat(e.getString("c")).isEqualTo(newId);
    assertThat(e.getString("C")).isEqualTo("mine-1");
    assertThat(e.getString("z")).isEqualTo("0.00000000");
    assertThat(e.getLong("I")).isEqualTo(result.getLong("executionId"));
    assertThat(e.getBoolean("w")).isTrue();
    // 0.5 x 2900 USDT unlocked: 5.0 x 2900 stays locked
    JsonObject account = c.signed("account.status", new JsonObject()).getJsonObject("result");
    assertThat(balance(account, "USDT", "locked")).isEqualByComparingTo("14500");

    // the old id no longer finds the order, the new one does; the order fills its new quantity
    assertError(c.signed("order.status", new JsonObject().put("symbol", "ETHUSDT").put("origClientOrderId", "mine-1")),
        -2013, null);
    assertThat(c.signed("order.status", new JsonObject().put("symbol", "ETHUSDT").put("origClientOrderId", newId))
        .getJsonObject("result").getString("origQty")).isEqualTo("5.00000000");
    sim.movePrice("ETHUSDT", new BigDecimal("2899.00")).await(10, TimeUnit.SECONDS);
    JsonObject fill = c.await(WsTestClient.report(id, "TRADE"), 1).get(0).getJsonObject("event");
    assertThat(fill.getString("X")).isEqualTo("FILLED");
    assertThat(fill.getString("z")).isEqualTo("5.00000000");
    assertThat(fill.getString("c")).isEqualTo(newId);
    assertThat(sim.order("ETHUSDT", id)).get().satisfies(o -> {
      assertThat(o.origQty()).isEqualByComparingTo("5");
      assertThat(o.clientOrderId()).isEqualTo(newId);
    });
    assertError(c.signed("order.amend.keepPriority", amend(id, "4.0000")), -2013, "Order does not exist.");
  }

  @Test
  void amendRefusesIncreasesNoChangesAndTheEleventhAmend(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    long id = c.signed("order.place", limit("ETHUSDT", "SELL", "2.0000", "3100.00", "GTC")
        .put("newClientOrderId", "keep")).getJsonObject("result").getLong("orderId");
    assertError(c.signed("order.amend.keepPriority", amend(id, "2.5000")), -2038,
        "Order amend (quantity increase) is not supported.");
    assertError(c.signed("order.amend.keepPriority", amend(id, "2.0000")), -2038,
        "The requested action would change no state; rejecting");
    assertError(c.signed("order.amend.keepPriority", amend(id, "0")), -1013, null);
    assertError(c.signed("order.amend.keepPriority", new JsonObject().put("symbol", "ETHUSDT").put("orderId", id)),
        -1102, null);
    assertError(c.signed("order.amend.keepPriority", amend(999, "1.0000")), -2013, null);
    for (int i = 1; i <= 10; i++) {
      String qty = new BigDecimal("2.0000").subtract(new BigDecimal("0.1000").multiply(BigDecimal.valueOf(i)))
          .toPlainString();
      JsonObject ok = c.signed("order.amend.keepPriority", amend(id, qty).put("newClientOrderId", "keep"));
      assertThat(ok.getInteger("status")).as("amend " + i + ": " + ok.encode()).isEqualTo(200);
      assertThat(ok.getJsonObject("result").getJsonObject("amendedOrder").getString("clientOrderId"))
          .isEqualTo("keep");
    }
    assertError(c.signed("order.amend.keepPriority", amend(id, "0.5000")), -2038,
        "Filter failure: MAX_NUM_ORDER_AMENDS");
    assertThat(c.await(WsTestClient.report(id, "REPLACED"), 10)).allSatisfy(f -> {
      assertThat(f.getJsonObject("event").getString("c")).isEqualTo("keep");
      assertThat(f.getJsonObject("event").getString("C")).isEqualTo("keep");
    });
    assertThat(sim.order("ETHUSDT", id)).get().extracting(SimulatedOrder::origQty)
        .satisfies(q -> assertThat(q).isEqualByComparingTo("1.0"));
  }

  @Test
  void amendOverRest(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WebClient web = WebClient.create(vertx);
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    long id = c.signed("order.place", limit("ETHUSDT", "BUY", "1.0000", "2900.00", "GTC")
        .put("newClientOrderId", "r-1")).getJsonObject("result").getLong("orderId");
    String q = "symbol=ETHUSDT&origClientOrderId=r-1&newQty=0.4000&newClientOrderId=r-2&timestamp="
        + System.currentTimeMillis();
    HttpResponse<Buffer> resp = web.request(HttpMethod.PUT, sim.port(), "127.0.0.1",
        "/api/v3/order/amend/keepPriority?" + q + "&signature=" + TestSigner.demo().sign(q))
        .putHeader("X-MBX-APIKEY", AccountOptions.DEMO_API_KEY).send().await(10, TimeUnit.SECONDS);
    assertThat(resp.statusCode()).as(resp.bodyAsString()).isEqualTo(200);
    JsonObject amended = resp.bodyAsJsonObject().getJsonObject("amendedOrder");
    assertThat(amended.getString("clientOrderId")).isEqualTo("r-2");
    assertThat(amended.getString("origClientOrderId")).isEqualTo("r-1");
    assertThat(amended.getString("qty")).isEqualTo("0.40000000");
    JsonObject e = c.await(WsTestClient.report(id, "REPLACED"), 1).get(0).getJsonObject("event");
    assertThat(e.getString("c")).isEqualTo("r-2");
    assertThat(e.getString("C")).isEqualTo("r-1");
    web.close();
  }

  static BigDecimal balance(JsonObject account, String asset, String field) {
    JsonArray b = account.getJsonArray("balances");
    for (int i = 0; i < b.size(); i++) {
      if (asset.equals(b.getJsonObject(i).getString("asset"))) {
        return new BigDecimal(b.getJsonObject(i).getString(field));
      }
    }
    return BigDecimal.ZERO;
  }
}
