package dev.ordertracker.simulator;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorLifecycleTest extends SimulatorTestBase {

  @Test
  void verticleDeploysFromJsonConfigAndRejectsBadConfig(Vertx vertx) throws Exception {
    SimulatorVerticle verticle = new SimulatorVerticle();
    String id = vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(new JsonObject()
        .put("port", 0).put("priceWalkIntervalMs", 0))).await(10, TimeUnit.SECONDS);
    BinanceSimulator sim = verticle.simulator();
    assertThat(sim.port()).isPositive();
    assertThat(sim.wsApiUrl()).isEqualTo("ws://127.0.0.1:" + sim.port() + "/ws-api/v3");
    assertThat(sim.restUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
    WsTestClient c = WsTestClient.connect(vertx, sim);
    clients.add(c);
    assertThat(c.call("ping", null).getInteger("status")).isEqualTo(200);
    vertx.undeploy(id).await(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> vertx.deployVerticle(new SimulatorVerticle(), new DeploymentOptions()
        .setConfig(new JsonObject().put("pingIntervalMillis", 5))).await(10, TimeUnit.SECONDS))
        .hasMessageContaining("pingIntervalMillis");
  }

  @Test
  void autoTraderMakesTheStreamLive(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, new SimulatorOptions().setPriceWalkIntervalMs(50)
        .setAutoTrader(new AutoTraderOptions().setEnabled(true).setOrdersPerSecond(200)));
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    List<JsonObject> reports = c.await(WsTestClient.eventOf("executionReport"), 20);
    assertThat(reports).hasSizeGreaterThanOrEqualTo(20);
    assertThat(sim.orders()).isNotEmpty();
  }

  @Test
  void finishedMarketOrdersCanBeForgottenWhileTheirTradesRemain(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet().setForgetFinishedMarketOrdersAfterMs(0));
    WsTestClient c = connect(vertx, sim);
    long id = c.signed("order.place", market("BTCUSDT", "BUY", "0.01000")).getJsonObject("result")
        .getLong("orderId");
    JsonObject status = c.signed("order.status", new JsonObject().put("symbol", "BTCUSDT").put("orderId", id));
    assertThat(status.getJsonObject("error").getInteger("code")).isEqualTo(-2013);
    JsonArray trades = c.signed("myTrades", new JsonObject().put("symbol", "BTCUSDT").put("orderId", id))
        .getJsonArray("result");
    assertThat(trades).hasSize(3);
    assertThat(sim.order("BTCUSDT", id)).get().extracting(SimulatedOrder::status).isEqualTo("FILLED");
  }
}
