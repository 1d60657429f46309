package dev.ordertracker.bridge;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real headless Chromium loads the dashboard, sees an order appear and then show FILLED; a screenshot is saved
 * under target/screenshots/. The order's life is driven through the real tracker's service after the page
 * reports that it is connected.
 */
@ExtendWith(VertxExtension.class)
class DashboardBrowserTest {

  @Test
  void theDashboardShowsAnOrderFromPlacedToFilled(Vertx vertx) {
    NodeProcess.requireChromium();
    NodeProcess.requireNodeModules("playwright-core");
    BridgeTestBed bed = BridgeTestBed.start(vertx);
    bed.place("WARMUP-1", "ETHUSDT", "alice"); // an active order already there when the page loads
    Path screenshot = Path.of("target", "screenshots", "dashboard.png").toAbsolutePath();
    String url = bed.bridge.dashboardUrl(bed.token("dashboard"));
    try (NodeProcess node = NodeProcess.start("test/bridge/dashboard.mjs", url, "BROWSER-1", screenshot.toString())) {
      node.awaitLine("READY", 60);
      bed.place("BROWSER-1", "BTCUSDT", "alice");
      assertThat(node.awaitLine("SEEN", 30)).isEqualTo("SEEN PLACED");
      bed.fill("BROWSER-1", "BTCUSDT");
      assertThat(node.awaitLine("RESULT", 45)).isEqualTo("RESULT OK " + screenshot);
      assertThat(node.awaitExit(20)).isZero();
    }
    assertThat(screenshot).exists();
    assertThat(sizeOf(screenshot)).isGreaterThan(10_000L);
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
