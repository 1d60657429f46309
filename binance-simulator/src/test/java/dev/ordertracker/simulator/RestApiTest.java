package dev.ordertracker.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RestApiTest extends SimulatorTestBase {

  private WebClient web;
  private BinanceSimulator sim;

  private HttpResponse<Buffer> signed(HttpMethod method, String path, String query, boolean inBody) throws Exception {
    String q = query + (query.isEmpty() ? "" : "&") + "timestamp=" + System.currentTimeMillis();
    String signed = q + "&signature=" + TestSigner.demo().sign(q);
    var req = web.request(method, sim.port(), "127.0.0.1", path + (inBody ? "" : "?" + signed))
        .putHeader("X-MBX-APIKEY", AccountOptions.DEMO_API_KEY);
    if (inBody) {
      req.putHeader("Content-Type", "application/x-www-form-urlencoded");
      return req.sendBuffer(Buffer.buffer(signed)).await(10, TimeUnit.SECONDS);
    }
    return req.send().await(10, TimeUnit.SECONDS);
  }

  @Test
  void orderLifecycleOverRest(Vertx vertx) throws Exception {
    sim = start(vertx, quiet());
    web = WebClient.create(vertx);
    WsTestClient stream = connect(vertx, sim);
    stream.subscribeDemo();
    HttpResponse<Buffer> placed = signed(HttpMethod.POST, "/api/v3/order",
        "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.5000&price=2900.00&newClientOrderId="
            + URLEncoder.encode("x-abc/1", StandardCharsets.UTF_8) + "&newOrderRespType=RESULT", false);
    assertThat(placed.statusCode()).as(placed.bodyAsString()).isEqualTo(200);
    JsonObject order = placed.bodyAsJsonObject();
    assertThat(order.getString("clientOrderId")).isEqualTo("x-abc/1");
    assertThat(order.getString("status")).isEqualTo("NEW");
    long id = order.getLong("orderId");
    stream.await(WsTestClient.report(id, "NEW"), 1);

    JsonObject status = signed(HttpMethod.GET, "/api/v3/order", "symbol=ETHUSDT&orderId=" + id, false)
        .bodyAsJsonObject();
    assertThat(status.getString("status")).isEqualTo("NEW");
    assertThat(status.getBoolean("isWorking")).isTrue();
    JsonArray open = signed(HttpMethod.GET, "/api/v3/openOrders", "", false).bodyAsJsonArray();
    assertThat(open).hasSize(1);

    sim.movePrice("ETHUSDT", new java.math.BigDecimal("2899.00")).await(10, TimeUnit.SECONDS);
    stream.await(WsTestClient.report(id, "TRADE"), 1);
    JsonArray trades = signed(HttpMethod.GET, "/api/v3/myTrades", "symbol=ETHUSDT", false).bodyAsJsonArray();
    assertThat(trades).hasSize(1);
    assertThat(trades.getJsonObject(0).getBoolean("isMaker")).isTrue();
    assertThat(trades.getJsonObject(0).getString("price")).isEqualTo("2900.00000000");

    // body-signed (ccxt style) MARKET with FULL response
    HttpResponse<Buffer> market = signed(HttpMethod.POST, "/api/v3/order",
        "symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0.2000", true);
    assertThat(market.statusCode()).as(market.bodyAsString()).isEqualTo(200);
    assertThat(market.bodyAsJsonObject().getJsonArray("fills")).isNotEmpty();

    HttpResponse<Buffer> cancel = signed(HttpMethod.DELETE, "/api/v3/order", "symbol=ETHUSDT&orderId=" + id, false);
    assertThat(cancel.statusCode()).isEqualTo(400);
    assertThat(cancel.bodyAsJsonObject().getInteger("code")).isEqualTo(-2011);
    assertThat(signed(HttpMethod.GET, "/api/v3/order", "symbol=ETHUSDT&orderId=12345", false).bodyAsJsonObject()
        .getInteger("code")).isEqualTo(-2013);
  }

  @Test
  void authErrors(Vertx vertx) throws Exception {
    sim = start(vertx, quiet());
    web = WebClient.create(vertx);
    String q = "symbol=BTCUSDT&timestamp=" + System.currentTimeMillis();
    HttpResponse<Buffer> noKey = web.get(sim.port(), "127.0.0.1", "/api/v3/openOrders?" + q + "&signature="
        + TestSigner.demo().sign(q)).send().await(10, TimeUnit.SECONDS);
    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(noKey.bodyAsJsonObject().getInteger("code")).isEqualTo(-2014);
    HttpResponse<Buffer> wrongKey = web.get(sim.port(), "127.0.0.1", "/api/v3/openOrders?" + q + "&signature="
        + TestSigner.demo().sign(q)).putHeader("X-MBX-APIKEY", "Z".repeat(64)).send().await(10, TimeUnit.SECONDS);
    assertThat(wrongKey.bodyAsJsonObject().getInteger("code")).isEqualTo(-2015);
    HttpResponse<Buffer> badSig = web.get(sim.port(), "127.0.0.1", "/api/v3/openOrders?" + q + "&signature="
        + "ab".repeat(32)).putHeader("X-MBX-APIKEY", AccountOptions.DEMO_API_KEY).send().await(10, TimeUnit.SECONDS);
    assertThat(badSig.statusCode()).isEqualTo(400);
    assertThat(badSig.bodyAsJsonObject().getInteger("code")).isEqualTo(-1022);
    String old = "symbol=BTCUSDT&timestamp=" + (System.currentTimeMillis() - 60_000);
    HttpResponse<Buffer> stale = web.get(sim.port(), "127.0.0.1", "/api/v3/openOrders?" + old + "&signature="
        + TestSigner.demo().sign(old)).putHeader("X-MBX-APIKEY", AccountOptions.DEMO_API_KEY).send()
        .await(10, TimeUnit.SECONDS);
    assertThat(stale.bodyAsJsonObject().getInteger("code")).isEqualTo(-1021);
    HttpResponse<Buffer> missing = signed(HttpMethod.POST, "/api/v3/order", "symbol=BTCUSDT&side=BUY", false);
    assertThat(missing.bodyAsJsonObject().getInteger("code")).isEqualTo(-1102);
    JsonObject time = web.get(sim.port(), "127.0.0.1", "/api/v3/time").send().await(10, TimeUnit.SECONDS)
        .bodyAsJsonObject();
    assertThat(time.getLong("serverTime")).isPositive();
    JsonObject info = web.get(sim.port(), "127.0.0.1", "/api/v3/exchangeInfo").send().await(10, TimeUnit.SECONDS)
        .bodyAsJsonObject();
    assertThat(info.getJsonArray("symbols")).hasSize(3);
  }
}
