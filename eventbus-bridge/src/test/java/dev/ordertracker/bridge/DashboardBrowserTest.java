package dev.ordertracker.bridge;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.BinanceUserDataVerticle;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.binance.executor.OrderExecutor;
import dev.ordertracker.binance.executor.PlaceOrder;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real headless Chromium loads the dashboard and sees an order placed on the Binance simulator appear and then
 * show FILLED; a screenshot is saved under target/screenshots/. Everything is real and on loopback: simulator
 * (WebSocket API + REST), adapter (user-data stream into the tracker), tracker, bridge, browser.
 */
@ExtendWith(VertxExtension.class)
class DashboardBrowserTest {
  private static final String CLIENT_ORDER_ID = "browser-test-1";

  @Test
  void anOrderPlacedOnTheSimulatorAppearsAndThenShowsFilled(Vertx vertx) {
    NodeProcess.requireChromium();
    NodeProcess.requireNodeModules("playwright-core");
    BinanceSimulator simulator = BinanceSimulator.create(vertx, new SimulatorOptions().setPriceWalkIntervalMs(0));
    await(simulator.start());
    BridgeTestBed bed = BridgeTestBed.start(vertx);
    JsonObject adapterConfig = new JsonObject()
        .put(BinanceAdapterOptions.WS_API_URL, simulator.wsApiUrl())
        .put(BinanceAdapterOptions.REST_URL, simulator.restUrl())
        .put(BinanceAdapterOptions.ACCOUNTS, new JsonArray().add(new JsonObject().put("name", AccountOptions.DEMO_NAME)
            .put("api_key", AccountOptions.DEMO_API_KEY).put("secret", AccountOptions.DEMO_SECRET)));
    await(vertx.deployVerticle(new BinanceUserDataVerticle(), new DeploymentOptions().setConfig(adapterConfig)));
    OrderExecutor executor = await(OrderExecutor.create(vertx, new BinanceAdapterOptions(adapterConfig)));
    bed.place("WARMUP-1", "ETHUSDT", "alice"); // an active order already there when the page loads

    Path screenshot = Path.of("target", "screenshots", "dashboard.png").toAbsolutePath();
    String url = bed.bridge.dashboardUrl(bed.token("dashboard"));
    try (NodeProcess node = NodeProcess.start("test/bridge/dashboard.mjs", url, CLIENT_ORDER_ID,
        screenshot.toString())) {
      node.awaitLine("READY", 60);
      // a buy limit under the market price rests on the book: PLACED
      TrackedOrder placed = await(executor.place(PlaceOrder.limit(AccountOptions.DEMO_NAME, "BTCUSDT", OrderSide.BUY,
          new BigDecimal("0.01"), new BigDecimal("59000.00")).withClientOrderId(CLIENT_ORDER_ID)));
      assertThat(placed.status()).isEqualTo(OrderStatus.PLACED);
      assertThat(node.awaitLine("SEEN", 30)).isEqualTo("SEEN PLACED");
      // the market falls through the limit: the simulator fills it, the adapter reports it, the tracker publishes
      await(simulator.movePrice("BTCUSDT", new BigDecimal("58000.00")));
      assertThat(node.awaitLine("RESULT", 45)).isEqualTo("RESULT OK " + screenshot);
      assertThat(node.awaitExit(20)).isZero();
      assertThat(await(bed.tracker.getOrder(placed.orderId(), "BTCUSDT")).status()).isEqualTo(OrderStatus.FILLED);
    } finally {
      await(executor.close());
    }
    assertThat(screenshot).exists();
    assertThat(sizeOf(screenshot)).isGreaterThan(10_000L);
  }

  @Test
  void theDashboardReconnectsOnItsOwnAndCatchesUp(Vertx vertx) {
    NodeProcess.requireChromium();
    NodeProcess.requireNodeModules("playwright-core");
    BridgeTestBed bed = BridgeTestBed.start(vertx);
    Path screenshot = Path.of("target", "screenshots", "dashboard-after-reconnect.png").toAbsolutePath();
    String url = bed.bridge.dashboardUrl(bed.token("dashboard"));
    try (NodeProcess node = NodeProcess.start("test/bridge/dashboard.mjs", url, "GAP-1", screenshot.toString(),
        "--reconnect")) {
      node.awaitLine("READY", 60);
      int port = bed.bridge.httpPort();
      bed.stopBridge();
      node.awaitLine("DISCONNECTED", 30);
      // placed while the page had no connection: it only learns about it by re-querying on reconnect
      bed.place("GAP-1", "BTCUSDT", "alice");
      bed.restartBridge();
      assertThat(bed.bridge.httpPort()).isEqualTo(port);
      node.awaitLine("RECONNECTED", 45);
      assertThat(node.awaitLine("SEEN", 30)).isEqualTo("SEEN PLACED");
      bed.fill("GAP-1", "BTCUSDT");
      assertThat(node.awaitLine("RESULT", 45)).isEqualTo("RESULT OK " + screenshot);
      assertThat(node.awaitExit(20)).isZero();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
