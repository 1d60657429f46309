package dev.ordertracker.simulator;

import dev.ordertracker.simulator.faults.FailureKind;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The faults that exercise continuous reconciliation (issue 14): a report lost on a healthy connection, failing query
 * answers in Binance's shapes (503 -1001, 500 -1000, 503 -1006, 429/418 -1003 with retryAfter / Retry-After), an
 * order placed from elsewhere, a placement whose answer is 5xx and which executes later or never; and allOrders.
 */
class ReconcileFaultsTest extends SimulatorTestBase {

  private static final long T = 10;

  private static JsonObject status(long orderId) {
    return new JsonObject().put("symbol", "BTCUSDT").put("orderId", orderId);
  }

  @Test
  void aDroppedReportIsLostWhileTheConnectionStaysUp(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    long id = c.signed("order.place", limit("BTCUSDT", "BUY", "0.01000", "59000.00", "GTC"))
        .getJsonObject("result").getLong("orderId");
    c.await(WsTestClient.report(id, "NEW"), 1);
    sim.faults().dropNextReports(1).await(T, TimeUnit.SECONDS);
    sim.movePrice("BTCUSDT", new BigDecimal("58000.00")).await(T, TimeUnit.SECONDS);
    // the balance event of the fill still arrives: the connection is healthy, only the report is gone
    c.await(f -> WsTestClient.eventOf("outboundAccountPosition").test(f), 2);
    long next = c.signed("order.place", market("BTCUSDT", "SELL", "0.00100")).getJsonObject("result")
        .getLong("orderId");
    c.await(WsTestClient.report(next, "TRADE"), 1);
    assertThat(c.frames.stream().filter(WsTestClient.report(id, "TRADE")).count()).isZero();
    assertThat(c.signed("order.status", status(id)).getJsonObject("result").getString("status")).isEqualTo("FILLED");
    assertThat(sim.connectionCount().await(T, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(sim.faults().status().await(T, TimeUnit.SECONDS).getLong("droppedReports")).isEqualTo(1);
  }

  @Test
  void failQueriesAnswersInBinanceShapesThenRecovers(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    long id = c.signed("order.place", limit("BTCUSDT", "BUY", "0.01000", "59000.00", "GTC"))
        .getJsonObject("result").getLong("orderId");
    sim.faults().failQueries("order.status", 1, FailureKind.TOO_MANY_REQUESTS_429, 1500).await(T, TimeUnit.SECONDS);
    long before = System.currentTimeMillis();
    JsonObject r = c.signed("order.status", status(id));
    assertThat(r.getInteger("status")).isEqualTo(429);
    assertThat(r.getJsonObject("error").getInteger("code")).isEqualTo(-1003);
    assertThat(r.getJsonObject("error").getJsonObject("data").getLong("retryAfter")).isGreaterThanOrEqualTo(before + 1500);
    assertThat(r.getJsonArray("rateLimits")).isNotEmpty();
    for (FailureKind kind : new FailureKind[] {FailureKind.HTTP_5XX, FailureKind.UNKNOWN_1000,
        FailureKind.UNEXPECTED_1006, FailureKind.BANNED_418}) {
      sim.faults().failQueries("openOrders.status", 1, kind, 1000).await(T, TimeUnit.SECONDS);
      JsonObject e = c.signed("openOrders.status", new JsonObject());
      int[] expected = switch (kind) {
        case HTTP_5XX -> new int[] {503, -1001};
        case UNKNOWN_1000 -> new int[] {500, -1000};
        case UNEXPECTED_1006 -> new int[] {503, -1006};
        default -> new int[] {418, -1003};
      };
      assertThat(e.getInteger("status")).as(kind.name()).isEqualTo(expected[0]);
      assertThat(e.getJsonObject("error").getInteger("code")).as(kind.name()).isEqualTo(expected[1]);
    }
    assertThat(c.signed("order.status", status(id)).getInteger("status")).isEqualTo(200);
    // REST: 429 with Retry-After (seconds) and the used weight header
    sim.faults().failQueries("order.status", 1, FailureKind.TOO_MANY_REQUESTS_429, 2000).await(T, TimeUnit.SECONDS);
    WebClient web = WebClient.create(vertx);
    var resp = ConformanceTest.rest(web, sim, "GET", "/api/v3/order", "symbol=BTCUSDT&orderId=" + id);
    assertThat(resp.statusCode()).isEqualTo(429);
    assertThat(resp.getHeader("Retry-After")).isEqualTo("2");
    assertThat(resp.getHeader("X-MBX-USED-WEIGHT-1M")).isNotNull();
    assertThat(ConformanceTest.rest(web, sim, "GET", "/api/v3/order", "symbol=BTCUSDT&orderId=" + id)
        .statusCode()).isEqualTo(200);
    web.close();
  }

  @Test
  void failEachQueryFailsEveryDistinctQueryItsFirstNAnswers(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    long a = c.signed("order.place", limit("BTCUSDT", "BUY", "0.01000", "59000.00", "GTC"))
        .getJsonObject("result").getLong("orderId");
    long b = c.signed("order.place", limit("BTCUSDT", "BUY", "0.01000", "58000.00", "GTC"))
        .getJsonObject("result").getLong("orderId");
    sim.faults().failEachQuery(2, FailureKind.HTTP_5XX, 0).await(T, TimeUnit.SECONDS);
    for (long id : new long[] {a, b}) {
      assertThat(c.signed("order.status", status(id)).getInteger("status")).isEqualTo(503);
      assertThat(c.signed("order.status", status(id)).getInteger("status")).isEqualTo(503);
      assertThat(c.signed("order.status", status(id)).getInteger("status")).isEqualTo(200);
    }
  }

  @Test
  void failQueriesAtRandomFailsTheGivenShareOfAnswers(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    sim.faults().failQueriesAtRandom(50, FailureKind.UNEXPECTED_1006, 0).await(T, TimeUnit.SECONDS);
    int failed = 0;
    for (int i = 0; i < 40; i++) {
      JsonObject r = c.signed("openOrders.status", new JsonObject());
      if (r.getInteger("status") != 200) {
        assertThat(r.getJsonObject("error").getInteger("code")).isEqualTo(-1006);
        failed++;
      }
    }
    assertThat(failed).isBetween(8, 32);
    sim.faults().reset().await(T, TimeUnit.SECONDS);
    assertThat(c.signed("openOrders.status", new JsonObject()).getInteger("status")).isEqualTo(200);
  }

  @Test
  void aPlacementAnswered5xxExecutesLaterOrNever(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    sim.faults().failNextPlacement(FailureKind.HTTP_5XX, 300).await(T, TimeUnit.SECONDS);
    JsonObject r = c.signed("order.place", market("BTCUSDT", "BUY", "0.00100").put("newClientOrderId", "late-1"));
    assertThat(r.getInteger("status")).isEqualTo(503);
    assertThat(sim.orders()).isEmpty();
    JsonObject fill = c.await(f -> WsTestClient.eventOf("executionReport").test(f)
        && "late-1".equals(f.getJsonObject("event").getString("c")) && "FILLED".equals(
        f.getJsonObject("event").getString("X")), 1).get(0);
    assertThat(fill.getJsonObject("event").getString("X")).isEqualTo("FILLED");
    assertThat(sim.orders()).singleElement().satisfies(o -> assertThat(o.clientOrderId()).isEqualTo("late-1"));
    // never: over REST, a -1007 answer and no order
    sim.faults().failNextPlacement(FailureKind.TIMEOUT_1007, -1).await(T, TimeUnit.SECONDS);
    WebClient web = WebClient.create(vertx);
    var resp = ConformanceTest.rest(web, sim, "POST", "/api/v3/order",
        "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.00100&newClientOrderId=never-1");
    assertThat(resp.statusCode()).isEqualTo(503);
    assertThat(resp.bodyAsJsonObject().getInteger("code")).isEqualTo(-1007);
    assertThat(c.signed("order.status", new JsonObject().put("symbol", "BTCUSDT")
        .put("origClientOrderId", "never-1")).getJsonObject("error").getInteger("code")).isEqualTo(-2013);
    assertThatThrownBy(() -> sim.faults().failNextPlacement(FailureKind.BANNED_418, 0).await(T, TimeUnit.SECONDS))
        .hasMessageContaining("unknown-outcome");
    web.close();
  }

  @Test
  void anOrderPlacedElsewhereShowsInAllOrdersByUpdateTime(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    long since = System.currentTimeMillis() - 1;
    JsonObject placed = sim.faults().placeElsewhere("demo", limit("ETHUSDT", "BUY", "0.1000", "2900.00", "GTC"))
        .await(T, TimeUnit.SECONDS);
    sim.faults().placeElsewhere("demo", market("ETHUSDT", "BUY", "0.1000")).await(T, TimeUnit.SECONDS);
    WsTestClient c = connect(vertx, sim);
    JsonArray all = c.signed("allOrders", new JsonObject().put("symbol", "ETHUSDT").put("startTime", since))
        .getJsonArray("result");
    assertThat(all).hasSize(2);
    assertThat(all.getJsonObject(0).getLong("orderId")).isEqualTo(placed.getLong("orderId"));
    assertThat(all.getJsonObject(1).getString("status")).isEqualTo("FILLED");
    assertThat(c.signed("allOrders", new JsonObject().put("symbol", "ETHUSDT").put("startTime", since)
        .put("limit", 1)).getJsonArray("result")).hasSize(1);
    assertThat(c.signed("allOrders", new JsonObject().put("symbol", "ETHUSDT").put("startTime", since)
        .put("endTime", since + 90_000_000L)).getJsonObject("error").getInteger("code")).isEqualTo(-1127);
    assertThat(c.signed("allOrders", new JsonObject().put("symbol", "ETHUSDT")
        .put("startTime", System.currentTimeMillis() + 60_000)).getJsonArray("result")).isEmpty();
    assertThatThrownBy(() -> sim.faults().placeElsewhere("nobody", market("ETHUSDT", "BUY", "0.1000"))
        .await(T, TimeUnit.SECONDS)).hasMessageContaining("unknown account");
  }
}
