package dev.ordertracker.simulator;

import dev.ordertracker.simulator.faults.FailureKind;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest extends SimulatorTestBase {

  private static final long T = 10;

  @Test
  void dropConnectionsNow(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    sim.faults().dropConnectionsNow().await(T, TimeUnit.SECONDS);
    c.closed().await(T, TimeUnit.SECONDS);
    assertThat(sim.connectionCount().await(T, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void dropAfterEvents(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    sim.faults().dropAfterEvents(3).await(T, TimeUnit.SECONDS);
    c.send("order.place", TestSigner.demo().signWs(AccountOptions.DEMO_API_KEY, market("BTCUSDT", "BUY", "0.10000")));
    c.closed().await(T, TimeUnit.SECONDS);
    long events = c.frames.stream().filter(f -> f.containsKey("event")).count();
    assertThat(events).isEqualTo(3);
    // the order itself completed: 3 trades
    assertThat(sim.orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo("FILLED"));
  }

  @Test
  void eventStreamTerminatedEndsTheSubscription(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    int sub = c.subscribeDemo();
    sim.faults().sendEventStreamTerminated("demo").await(T, TimeUnit.SECONDS);
    JsonObject t = c.await(WsTestClient.eventOf("eventStreamTerminated"), 1).get(0);
    assertThat(t.getInteger("subscriptionId")).isEqualTo(sub);
    assertThat(c.call("session.subscriptions", null).getJsonArray("result")).isEmpty();
    assertThatThrownBy(() -> sim.faults().sendEventStreamTerminated("nobody").await(T, TimeUnit.SECONDS))
        .hasMessageContaining("unknown account");
  }

  @Test
  void duplicateAndReorder(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    sim.faults().duplicateNext(1).await(T, TimeUnit.SECONDS);
    long a = c.signed("order.place", limit("BTCUSDT", "BUY", "0.00100", "100.00", "GTC"))
        .getJsonObject("result").getLong("orderId");
    List<JsonObject> news = c.await(WsTestClient.report(a, "NEW"), 2);
    assertThat(news.get(0)).isEqualTo(news.get(1));
    c.await(WsTestClient.eventOf("outboundAccountPosition"), 1);
    int before = c.frames.size();
    sim.faults().reorderNext(2).await(T, TimeUnit.SECONDS);
    long b = c.signed("order.place", limit("BTCUSDT", "BUY", "0.00100", "100.00", "GTC"))
        .getJsonObject("result").getLong("orderId");
    c.await(WsTestClient.report(b, "NEW"), 1);
    List<JsonObject> after = c.frames.subList(before, c.frames.size()).stream()
        .filter(f -> f.containsKey("event")).toList();
    assertThat(after).hasSize(2);
    assertThat(after.get(0).getJsonObject("event").getString("e")).isEqualTo("outboundAccountPosition");
    assertThat(after.get(1).getJsonObject("event").getString("e")).isEqualTo("executionReport");
  }

  @Test
  void pausedDeliveryLosesEventsWhileOrdersKeepFilling(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    long resting = c.signed("order.place", limit("BTCUSDT", "BUY", "0.01000", "59000.00", "GTC"))
        .getJsonObject("result").getLong("orderId");
    c.await(WsTestClient.report(resting, "NEW"), 1);
    sim.faults().pauseDelivery().await(T, TimeUnit.SECONDS);
    sim.movePrice("BTCUSDT", new java.math.BigDecimal("58000.00")).await(T, TimeUnit.SECONDS);
    JsonObject status = c.signed("order.status", new JsonObject().put("symbol", "BTCUSDT").put("orderId", resting));
    assertThat(status.getJsonObject("result").getString("status")).isEqualTo("FILLED");
    sim.faults().resumeDelivery().await(T, TimeUnit.SECONDS);
    long next = c.signed("order.place", market("BTCUSDT", "SELL", "0.00100")).getJsonObject("result")
        .getLong("orderId");
    c.await(WsTestClient.report(next, "TRADE"), 1);
    assertThat(c.frames.stream().filter(WsTestClient.report(resting, "TRADE")).count()).isZero();
  }

  @Test
  void failedRequestsStillExecute(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    sim.faults().failNextRequests(1, FailureKind.HTTP_5XX).await(T, TimeUnit.SECONDS);
    JsonObject r = c.signed("order.place", limit("BTCUSDT", "BUY", "0.00100", "100.00", "GTC")
        .put("newClientOrderId", "unknown-outcome"));
    assertThat(r.getInteger("status")).isEqualTo(503);
    assertThat(r.getJsonObject("error").getInteger("code")).isEqualTo(-1001);
    JsonObject q = c.signed("order.status", new JsonObject().put("symbol", "BTCUSDT")
        .put("origClientOrderId", "unknown-outcome"));
    assertThat(q.getJsonObject("result").getString("status")).isEqualTo("NEW");
    sim.faults().failNextRequests(1, FailureKind.TIMEOUT_1007).await(T, TimeUnit.SECONDS);
    JsonObject cancel = c.signed("order.cancel", new JsonObject().put("symbol", "BTCUSDT")
        .put("origClientOrderId", "unknown-outcome"));
    assertThat(cancel.getJsonObject("error").getInteger("code")).isEqualTo(-1007);
    assertThat(sim.orders()).singleElement().extracting(SimulatedOrder::status).isEqualTo("CANCELED");
    // REST too
    sim.faults().failNextRequests(1, FailureKind.HTTP_5XX).await(T, TimeUnit.SECONDS);
    var resp = ConformanceTest.rest(WebClient.create(vertx), sim, "POST", "/api/v3/order",
        "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.00100");
    assertThat(resp.statusCode()).isEqualTo(503);
    assertThat(sim.orders()).hasSize(2);
  }

  @Test
  void refuseConnections(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    sim.faults().refuseConnectionsFor(60_000).await(T, TimeUnit.SECONDS);
    var client = vertx.createWebSocketClient();
    assertThatThrownBy(() -> client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(sim.port())
        .setURI("/ws-api/v3")).await(T, TimeUnit.SECONDS)).hasMessageContaining("503");
    sim.faults().reset().await(T, TimeUnit.SECONDS);
    connect(vertx, sim);
  }

  @Test
  void injectEventDeliversARawEventToTheAccountsSubscriptions(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    int sub = c.subscribeDemo();
    JsonObject event = BinanceFixtures.json("examples/event-executionReport.json").getJsonObject("event")
        .put("x", "SOMETHING_NEW").put("i", 777);
    sim.faults().injectEvent("demo", event).await(T, TimeUnit.SECONDS);
    JsonObject got = c.await(WsTestClient.report(777, "SOMETHING_NEW"), 1).get(0);
    assertThat(got.getInteger("subscriptionId")).isEqualTo(sub);
    assertThat(got.getJsonObject("event")).isEqualTo(event);
    WebClient web = WebClient.create(vertx);
    var resp = web.post(sim.port(), "127.0.0.1", "/admin/faults/inject-event")
        .sendJsonObject(new JsonObject().put("account", "demo").put("event", event.copy().put("o", "NEW_TYPE")))
        .await(T, TimeUnit.SECONDS);
    assertThat(resp.statusCode()).as(resp.bodyAsString()).isEqualTo(200);
    assertThat(c.await(f -> WsTestClient.report(777, null).test(f)
        && "NEW_TYPE".equals(f.getJsonObject("event").getString("o")), 1)).hasSize(1);
    assertThatThrownBy(() -> sim.faults().injectEvent("nobody", event).await(T, TimeUnit.SECONDS))
        .hasMessageContaining("unknown account");
    web.close();
  }

  @Test
  void adminEndpoint(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WebClient web = WebClient.create(vertx);
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    JsonObject ok = web.post(sim.port(), "127.0.0.1", "/admin/faults/duplicate-next")
        .sendJsonObject(new JsonObject().put("events", 1)).await(T, TimeUnit.SECONDS).bodyAsJsonObject();
    assertThat(ok.getBoolean("ok")).isTrue();
    JsonObject status = web.get(sim.port(), "127.0.0.1", "/admin/faults").send().await(T, TimeUnit.SECONDS)
        .bodyAsJsonObject();
    assertThat(status.getInteger("duplicateNext")).isEqualTo(1);
    var bad = web.post(sim.port(), "127.0.0.1", "/admin/faults/fail-next-requests")
        .sendJsonObject(new JsonObject().put("count", 1).put("kind", "NOPE")).await(T, TimeUnit.SECONDS);
    assertThat(bad.statusCode()).isEqualTo(400);
    web.post(sim.port(), "127.0.0.1", "/admin/price")
        .sendJsonObject(new JsonObject().put("symbol", "ETHUSDT").put("price", "3100.00")).await(T, TimeUnit.SECONDS);
    assertThat(sim.price("ETHUSDT")).isEqualByComparingTo("3100");
    JsonObject feed = web.post(sim.port(), "127.0.0.1", "/admin/scripted-feed")
        .sendJsonObject(new JsonObject().put("account", "demo").put("count", 30)).await(T, TimeUnit.SECONDS)
        .bodyAsJsonObject();
    assertThat(feed.getLong("written")).isEqualTo(30);
    c.await(WsTestClient.eventOf("executionReport"), 30);
    web.post(sim.port(), "127.0.0.1", "/admin/faults/drop-connections").send().await(T, TimeUnit.SECONDS);
    c.closed().await(T, TimeUnit.SECONDS);
  }

  @Test
  void pacedScriptedPushKeepsItsRateAndRecordsWriteTimes(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    long[] writeNanos = new long[300];
    long t0 = System.nanoTime();
    long written = sim.pushScripted("demo", 300, 2_000, writeNanos).await(T, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - t0) / 1e9;

    assertThat(written).isEqualTo(300);
    List<JsonObject> frames = c.await(WsTestClient.eventOf("executionReport"), 300);
    assertThat(frames).hasSize(300);
    // 300 frames at 2,000/s take 150 ms: paced, not pushed at once (unpaced, this is a few ms)
    assertThat(seconds).isGreaterThanOrEqualTo(0.14);
    assertThat(writeNanos[0]).isGreaterThanOrEqualTo(t0);
    for (int k = 1; k < writeNanos.length; k++) {
      assertThat(writeNanos[k]).isGreaterThanOrEqualTo(writeNanos[k - 1]);
    }
    // frame 299 is due 149.5 ms after frame 0
    assertThat(writeNanos[299] - writeNanos[0]).isGreaterThanOrEqualTo(140_000_000L);

    assertThat(sim.pushScripted("demo", 10, 0, new long[5]).failed()).isTrue();
    assertThat(sim.pushScripted("demo", 10, -1).failed()).isTrue();
  }
}
