package dev.ordertracker.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documented request weights, REQUEST_WEIGHT and connection-attempt limits (429 / -1003 / retryAfter). The weight
 * window is the current minute: a measurement that straddles a minute boundary is repeated.
 */
class RateLimitTest extends SimulatorTestBase {

  private static long used(JsonObject answer) {
    JsonArray limits = answer.getJsonArray("rateLimits");
    for (int i = 0; i < limits.size(); i++) {
      JsonObject l = limits.getJsonObject(i);
      if ("REQUEST_WEIGHT".equals(l.getString("rateLimitType"))) {
        return l.getLong("count");
      }
    }
    throw new AssertionError("no REQUEST_WEIGHT in " + answer);
  }

  /** The weight a call added, measured against a ping (weight 1) just before it. */
  private static long weightOf(WsTestClient c, Callable<JsonObject> call) throws Exception {
    for (int attempt = 0; attempt < 3; attempt++) {
      long before = used(c.call("ping", null));
      long after = used(call.call());
      if (after >= before) {
        return after - before;
      }
    }
    throw new AssertionError("minute boundary three times in a row");
  }

  @Test
  void webSocketApiWeightsAsDocumented(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    JsonObject sym = new JsonObject().put("symbol", "BTCUSDT");
    assertThat(weightOf(c, () -> c.signed("openOrders.status", new JsonObject()))).isEqualTo(80);
    assertThat(weightOf(c, () -> c.signed("openOrders.status", sym.copy()))).isEqualTo(6);
    assertThat(weightOf(c, () -> c.signed("myTrades", sym.copy()))).isEqualTo(20);
    assertThat(weightOf(c, () -> c.signed("myTrades", sym.copy().put("orderId", 1)))).isEqualTo(5);
    assertThat(weightOf(c, () -> c.signed("order.status", sym.copy().put("orderId", 1)))).isEqualTo(4);
    assertThat(weightOf(c, () -> c.signed("exchangeInfo", new JsonObject()))).isEqualTo(20);
    assertThat(weightOf(c, () -> c.signed("order.place", market("BTCUSDT", "BUY", "0.00100"))))
        .as("a successful placement weighs 0").isEqualTo(0);
    assertThat(weightOf(c, () -> c.signed("order.place", market("BTCUSDT", "BUY", "1000.00000"))))
        .as("a failed placement weighs 1").isEqualTo(1);
    assertThat(weightOf(c, () -> c.call("session.status", null))).isEqualTo(2);
  }

  @Test
  void requestWeightLimitAnswers429WithRetryAfter(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet().setRequestWeightPerMinute(100));
    WsTestClient c = connect(vertx, sim);
    JsonObject refused = null;
    for (int i = 0; i < 4 && refused == null; i++) {
      JsonObject r = c.signed("openOrders.status", new JsonObject());
      if (r.getInteger("status") == 429) {
        refused = r;
      }
    }
    assertThat(refused).as("two 80-weight requests cannot fit in 100 within one minute").isNotNull();
    JsonObject error = refused.getJsonObject("error");
    assertThat(error.getInteger("code")).isEqualTo(-1003);
    assertThat(error.getString("msg")).startsWith("Too much request weight used; current limit is 100");
    long retryAfter = error.getJsonObject("data").getLong("retryAfter");
    assertThat(retryAfter).isGreaterThan(error.getJsonObject("data").getLong("serverTime"));
    assertThat(used(refused)).isLessThanOrEqualTo(100);
    assertThat(refused.getJsonArray("rateLimits").getJsonObject(0).getInteger("limit")).isEqualTo(100);

    WebClient web = WebClient.create(vertx);
    HttpResponse<Buffer> rest = null;
    for (int i = 0; i < 4; i++) {
      rest = ConformanceTest.rest(web, sim, "GET", "/api/v3/openOrders", "");
      if (rest.statusCode() == 429) {
        break;
      }
    }
    assertThat(rest.statusCode()).isEqualTo(429);
    assertThat(rest.bodyAsJsonObject().getInteger("code")).isEqualTo(-1003);
    assertThat(Integer.parseInt(rest.getHeader("Retry-After"))).isBetween(1, 60);
    web.close();
  }

  @Test
  void connectionAttemptsBeyondTheLimitAreRefusedWith429(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet().setConnectionsPerFiveMinutes(2));
    int refused = 0;
    // at most 2 per 5-minute window: of 5 attempts (one window boundary at most) at least one is refused
    for (int i = 0; i < 5; i++) {
      try {
        connect(vertx, sim);
      } catch (UpgradeRejectedException e) {
        assertThat(e.getStatus()).isEqualTo(429);
        refused++;
      }
    }
    assertThat(refused).isGreaterThanOrEqualTo(1);
  }
}
