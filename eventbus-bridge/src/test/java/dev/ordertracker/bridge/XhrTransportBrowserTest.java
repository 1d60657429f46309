package dev.ordertracker.bridge;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 7 in a real browser: headless Chromium forced onto SockJS's xhr-polling transport sends a request
 * through the bridge and gets its answer (before the fix xhr_send answered 500: no body handler); and the dashboard
 * removes its token from the address bar once loaded (Low). Script: js/test/bridge/xhr-transport.mjs.
 */
@ExtendWith(VertxExtension.class)
class XhrTransportBrowserTest {

  @Test
  void aBrowserOnTheXhrTransportSendsAndIsAnswered(Vertx vertx) {
    NodeProcess.requireChromium();
    NodeProcess.requireNodeModules("playwright-core");
    BridgeTestBed bed = BridgeTestBed.start(vertx);
    bed.place("XHR-1", "BTCUSDT", "alice");
    String url = bed.bridge.dashboardUrl(bed.token("browser"));
    try (NodeProcess node = NodeProcess.start("test/bridge/xhr-transport.mjs", url)) {
      String shown = node.awaitLine("URL ", 60);
      assertThat(shown).doesNotContain("token=").endsWith("/");
      assertThat(node.awaitLine("TRANSPORT ", 30)).isEqualTo("TRANSPORT xhr-polling");
      assertThat(node.awaitLine("RESULT ", 30)).startsWith("RESULT OK").contains("\"currently_active\":1");
      assertThat(node.awaitExit(20)).isZero();
    }
  }
}
