package dev.ordertracker.simulator;

import dev.ordertracker.simulator.signing.KeyType;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WsApiTest extends SimulatorTestBase {

  @Test
  void subscribePlaceAndStreamBeforeResponse(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    int sub = c.subscribeDemo();
    JsonObject resp = c.signed("order.place", limit("BTCUSDT", "BUY", "0.01000", "50000.00", "GTC")
        .put("newClientOrderId", "my-1"));
    assertThat(resp.getInteger("status")).isEqualTo(200);
    JsonObject result = resp.getJsonObject("result");
    assertThat(result.getString("status")).isEqualTo("NEW");
    assertThat(result.getString("clientOrderId")).isEqualTo("my-1");
    long orderId = result.getLong("orderId");
    // the NEW executionReport reached the stream before the response
    int newIndex = indexOf(c.frames, WsTestClient.report(orderId, "NEW"));
    int respIndex = c.frames.indexOf(resp);
    assertThat(newIndex).isNotNegative().isLessThan(respIndex);
    JsonObject newEvent = c.frames.get(newIndex);
    assertThat(newEvent.getInteger("subscriptionId")).isEqualTo(sub);
    JsonObject e = newEvent.getJsonObject("event");
    assertThat(e.getString("c")).isEqualTo("my-1");
    assertThat(e.getString("q")).isEqualTo("0.01000000");
    assertThat(e.getString("p")).isEqualTo("50000.00000000");
    assertThat(e.getLong("t")).isEqualTo(-1);
    assertThat(e.getValue("N")).isNull();
    assertThat(e.getBoolean("w")).isTrue();
    c.await(WsTestClient.eventOf("outboundAccountPosition"), 1);
    assertThat(sim.order("BTCUSDT", orderId)).get().extracting(SimulatedOrder::status).isEqualTo("NEW");

    JsonObject status = c.signed("order.status", new JsonObject().put("symbol", "BTCUSDT").put("orderId", orderId));
    assertThat(status.getJsonObject("result").getString("status")).isEqualTo("NEW");
    JsonObject open = c.signed("openOrders.status", new JsonObject().put("symbol", "BTCUSDT"));
    assertThat(open.getJsonArray("result")).hasSize(1);

    JsonObject cancel = c.signed("order.cancel", new JsonObject().put("symbol", "BTCUSDT")
        .put("origClientOrderId", "my-1").put("newClientOrderId", "cancel-1"));
    assertThat(cancel.getJsonObject("result").getString("status")).isEqualTo("CANCELED");
    assertThat(cancel.getJsonObject("result").getString("clientOrderId")).isEqualTo("cancel-1");
    JsonObject canceled = c.await(WsTestClient.report(orderId, "CANCELED"), 1).get(0).getJsonObject("event");
    assertThat(canceled.getString("c")).isEqualTo("cancel-1");
    assertThat(canceled.getString("C")).isEqualTo("my-1");
    assertThat(canceled.getString("X")).isEqualTo("CANCELED");
    assertThat(canceled.getBoolean("w")).isFalse();
  }

  @Test
  void responseFirstWhenConfigured(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet().setStreamBeforeResponse(false));
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    JsonObject resp = c.signed("order.place", market("BTCUSDT", "BUY", "0.00100"));
    long orderId = resp.getJsonObject("result").getLong("orderId");
    List<JsonObject> reports = c.await(WsTestClient.report(orderId, null), 2);
    assertThat(c.frames.indexOf(resp)).isLessThan(c.frames.indexOf(reports.get(0)));
  }

  @Test
  void marketOrderFillsInSeveralTradesWithFullResponse(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    JsonObject r = c.signed("order.place", market("BTCUSDT", "BUY", "0.10000")).getJsonObject("result");
    assertThat(r.getString("status")).isEqualTo("FILLED");
    JsonArray fills = r.getJsonArray("fills");
    assertThat(fills).hasSize(3);
    assertThat(fills.getJsonObject(0).getString("price")).isEqualTo("60000.00000000");
    assertThat(fills.getJsonObject(1).getString("price")).isEqualTo("60000.01000000");
    assertThat(fills.getJsonObject(0).getString("commissionAsset")).isEqualTo("BTC");
    long orderId = r.getLong("orderId");
    List<JsonObject> trades = c.await(WsTestClient.report(orderId, "TRADE"), 3);
    JsonObject last = trades.get(2).getJsonObject("event");
    assertThat(last.getString("X")).isEqualTo("FILLED");
    assertThat(last.getString("z")).isEqualTo("0.10000000");
    assertThat(new BigDecimal(last.getString("Z"))).isEqualByComparingTo(new BigDecimal(r.getString("cummulativeQuoteQty")));
    assertThat(last.getBoolean("m")).isFalse();
    JsonArray myTrades = c.signed("myTrades", new JsonObject().put("symbol", "BTCUSDT").put("orderId", orderId))
        .getJsonArray("result");
    assertThat(myTrades).hasSize(3);
    assertThat(myTrades.getJsonObject(0).getBoolean("isBuyer")).isTrue();
    // RESULT and ACK response types
    JsonObject ack = c.signed("order.place", market("BTCUSDT", "SELL", "0.00100").put("newOrderRespType", "ACK"))
        .getJsonObject("result");
    assertThat(ack.fieldNames()).containsExactlyInAnyOrder("symbol", "orderId", "orderListId", "clientOrderId",
        "transactTime");
    JsonObject res = c.signed("order.place", market("BTCUSDT", "SELL", "0.00100").put("newOrderRespType", "RESULT"))
        .getJsonObject("result");
    assertThat(res.containsKey("fills")).isFalse();
    assertThat(res.getString("status")).isEqualTo("FILLED");
  }

  @Test
  void errorsInBinanceShape(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    TestSigner demo = TestSigner.demo();
    // bad signature
    JsonObject p = demo.signWs(AccountOptions.DEMO_API_KEY, market("BTCUSDT", "BUY", "0.00100"));
    p.put("signature", "0".repeat(64));
    assertError(c.call("order.place", p), 400, -1022);
    // stale timestamp
    JsonObject stale = demo.signWs(AccountOptions.DEMO_API_KEY,
        market("BTCUSDT", "BUY", "0.00100").put("timestamp", System.currentTimeMillis() - 10_000));
    assertError(c.call("order.place", stale), 400, -1021);
    // unknown key
    assertError(c.call("order.place", demo.signWs("A".repeat(64), market("BTCUSDT", "BUY", "0.00100"))), 401, -2015);
    // malformed key
    assertError(c.call("order.place", demo.signWs("bad key!", market("BTCUSDT", "BUY", "0.00100"))), 401, -2014);
    // missing param
    JsonObject noQty = new JsonObject().put("symbol", "BTCUSDT").put("side", "BUY").put("type", "LIMIT")
        .put("price", "1.00").put("timeInForce", "GTC");
    JsonObject missing = c.signed("order.place", noQty);
    assertError(missing, 400, -1102);
    assertThat(missing.getJsonObject("error").getString("msg")).contains("'quantity'");
    // insufficient balance
    assertError(c.signed("order.place", market("BTCUSDT", "BUY", "100.00000")), 400, -2010);
    // unknown orders
    assertError(c.signed("order.status", new JsonObject().put("symbol", "BTCUSDT").put("orderId", 999)), 400, -2013);
    assertError(c.signed("order.cancel", new JsonObject().put("symbol", "BTCUSDT").put("orderId", 999)), 400, -2011);
    // invalid symbol, filters
    assertError(c.signed("order.place", market("XYZUSDT", "BUY", "1")), 400, -1121);
    assertError(c.signed("order.place", limit("BTCUSDT", "BUY", "0.000001", "100.00", "GTC")), 400, -1013);
    assertThat(c.call("ping", null).getJsonObject("result")).isEqualTo(new JsonObject());
    assertThat(c.call("time", null).getJsonObject("result").getLong("serverTime")).isPositive();
    assertThat(c.call("no.such.method", null).getInteger("status")).isEqualTo(400);
  }

  @Test
  void ed25519LogonAndSeveralSubscriptionsOnOneConnection(Vertx vertx) throws Exception {
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    String edKey = "ed" + "1".repeat(62);
    String rsaKey = "rs" + "2".repeat(62);
    SimulatorOptions options = quiet()
        .addAccount(new AccountOptions().setName("ed").setApiKey(edKey).setKeyType(KeyType.ED25519)
            .setPublicKeyPem(TestSigner.pem(ed.getPublic().getEncoded())).setBalance("USDT", new BigDecimal("1000")))
        .addAccount(new AccountOptions().setName("rsa").setApiKey(rsaKey).setKeyType(KeyType.RSA)
            .setPublicKeyPem(TestSigner.pem(rsa.getPublic().getEncoded())).setBalance("BTC", new BigDecimal("1")));
    BinanceSimulator sim = start(vertx, options);
    WsTestClient c = connect(vertx, sim);
    TestSigner edSigner = TestSigner.ed25519(ed.getPrivate());
    // logon with the HMAC key is refused
    assertThat(c.signed("session.logon", new JsonObject()).getInteger("status")).isEqualTo(400);
    assertThat(c.call("userDataStream.subscribe", null).getJsonObject("error").getInteger("code")).isEqualTo(-1002);
    JsonObject logon = c.call("session.logon", edSigner.signWs(edKey, new JsonObject()));
    assertThat(logon.getInteger("status")).as(logon.encode()).isEqualTo(200);
    assertThat(logon.getJsonObject("result").getString("apiKey")).isEqualTo(edKey);
    int edSub = c.call("userDataStream.subscribe", null).getJsonObject("result").getInteger("subscriptionId");
    int rsaSub = c.call("userDataStream.subscribe.signature",
        TestSigner.rsa(rsa.getPrivate()).signWs(rsaKey, new JsonObject())).getJsonObject("result")
        .getInteger("subscriptionId");
    int demoSub = c.subscribeDemo();
    assertThat(List.of(edSub, rsaSub, demoSub)).doesNotHaveDuplicates();
    JsonArray subs = c.call("session.subscriptions", new JsonObject()).getJsonArray("result");
    assertThat(subs).hasSize(3);
    assertThat(c.call("session.status", null).getJsonObject("result").getBoolean("userDataStream")).isTrue();
    // a logged-on session places orders with a timestamp only
    JsonObject placed = c.call("order.place", limit("BTCUSDT", "BUY", "0.00100", "100.00", "GTC")
        .put("timestamp", System.currentTimeMillis()));
    assertThat(placed.getInteger("status")).as(placed.encode()).isEqualTo(200);
    long edOrder = placed.getJsonObject("result").getLong("orderId");
    JsonObject edEvent = c.await(WsTestClient.report(edOrder, "NEW"), 1).get(0);
    assertThat(edEvent.getInteger("subscriptionId")).isEqualTo(edSub);
    // RSA-signed request on the same connection, events under the RSA subscription
    JsonObject rsaPlaced = c.call("order.place", TestSigner.rsa(rsa.getPrivate()).signWs(rsaKey,
        limit("BTCUSDT", "SELL", "0.00100", "90000.00", "GTC")));
    long rsaOrder = rsaPlaced.getJsonObject("result").getLong("orderId");
    assertThat(c.await(WsTestClient.report(rsaOrder, "NEW"), 1).get(0).getInteger("subscriptionId")).isEqualTo(rsaSub);
    // unsubscribe one: eventStreamTerminated for it, others stay
    assertThat(c.call("userDataStream.unsubscribe", new JsonObject().put("subscriptionId", rsaSub))
        .getInteger("status")).isEqualTo(200);
    assertThat(c.await(f -> f.getInteger("subscriptionId", -1) == rsaSub
        && WsTestClient.eventOf("eventStreamTerminated").test(f), 1)).hasSize(1);
    assertThat(c.call("session.subscriptions", new JsonObject()).getJsonArray("result")).hasSize(2);
    // one subscription per account per connection (-2035); an unknown subscription id (-2036)
    assertError(c.signed("userDataStream.subscribe.signature", new JsonObject()), 400, -2035);
    assertError(c.call("userDataStream.subscribe", null), 400, -2035);
    assertError(c.call("userDataStream.unsubscribe", new JsonObject().put("subscriptionId", rsaSub)), 400, -2036);
    // session.logout ends the logon subscription (eventStreamTerminated), not the signature ones
    JsonObject logout = c.call("session.logout", null);
    assertThat(logout.getJsonObject("result").getValue("apiKey")).isNull();
    assertThat(c.await(f -> f.getInteger("subscriptionId", -1) == edSub
        && WsTestClient.eventOf("eventStreamTerminated").test(f), 1)).hasSize(1);
    JsonArray left = c.call("session.subscriptions", new JsonObject()).getJsonArray("result");
    assertThat(left).hasSize(1);
    assertThat(left.getJsonObject(0).getInteger("subscriptionId")).isEqualTo(demoSub);
  }

  static void assertError(JsonObject response, int status, int code) {
    assertThat(response.getInteger("status")).as(response.encode()).isEqualTo(status);
    assertThat(response.getJsonObject("error").getInteger("code")).as(response.encode()).isEqualTo(code);
    assertThat(response.getJsonObject("error").getString("msg")).isNotBlank();
  }

  static int indexOf(List<JsonObject> frames, java.util.function.Predicate<JsonObject> p) {
    for (int i = 0; i < frames.size(); i++) {
      if (p.test(frames.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
