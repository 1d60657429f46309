package dev.ordertracker.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts simulators on 127.0.0.1:0 (price walk off unless a test asks) and closes them and their clients. */
@ExtendWith(VertxExtension.class)
abstract class SimulatorTestBase {

  protected final List<BinanceSimulator> simulators = new ArrayList<>();
  protected final List<WsTestClient> clients = new ArrayList<>();

  static SimulatorOptions quiet() {
    return new SimulatorOptions().setPriceWalkIntervalMs(0);
  }

  BinanceSimulator start(Vertx vertx, SimulatorOptions options) throws Exception {
    BinanceSimulator sim = BinanceSimulator.create(vertx, options);
    sim.start().await(WsTestClient.TIMEOUT_S, TimeUnit.SECONDS);
    simulators.add(sim);
    return sim;
  }

  WsTestClient connect(Vertx vertx, BinanceSimulator sim) throws Exception {
    WsTestClient c = WsTestClient.connect(vertx, sim);
    clients.add(c);
    return c;
  }

  static JsonObject limit(String symbol, String side, String qty, String price, String tif) {
    return new JsonObject().put("symbol", symbol).put("side", side).put("type", "LIMIT").put("quantity", qty)
        .put("price", price).put("timeInForce", tif);
  }

  static JsonObject market(String symbol, String side, String qty) {
    return new JsonObject().put("symbol", symbol).put("side", side).put("type", "MARKET").put("quantity", qty);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (WsTestClient c : clients) {
      try {
        c.close();
      } catch (RuntimeException ignored) {
        // already closed by the test
      }
    }
    for (BinanceSimulator s : simulators) {
      s.close().await(WsTestClient.TIMEOUT_S, TimeUnit.SECONDS);
    }
  }
}
