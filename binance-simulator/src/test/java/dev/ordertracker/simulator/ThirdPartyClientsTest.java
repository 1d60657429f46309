package dev.ordertracker.simulator;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Real third-party clients, unchanged, against the simulator: ccxt 4.5.x and the binance npm SDK 3.x run as Node.js
 * scripts from {@code js/test/simulator/}; each subscribes, places orders and prints the executionReports it saw.
 * Needs {@code js/node_modules} ({@code npm ci --prefix js}).
 */
class ThirdPartyClientsTest extends SimulatorTestBase {

  private static final long SCRIPT_TIMEOUT_S = 90;

  private static List<String> runNode(String script, int port) throws Exception {
    Path root = BinanceFixtures.repoRoot();
    Path js = root.resolve("js");
    for (String module : new String[] {"ccxt", "binance", "ws"}) {
      if (!Files.isDirectory(js.resolve("node_modules").resolve(module))) {
        fail("js/node_modules/" + module + " is missing: run `npm ci --prefix js` in " + root + " first");
      }
    }
    File out = Files.createTempFile("simulator-" + script, ".log").toFile();
    Process process = new ProcessBuilder("node", "js/test/simulator/" + script, String.valueOf(port))
        .directory(root.toFile()).redirectErrorStream(true).redirectOutput(out).start();
    boolean exited = process.waitFor(SCRIPT_TIMEOUT_S, TimeUnit.SECONDS);
    List<String> lines = Files.readAllLines(out.toPath());
    if (!exited) {
      process.destroyForcibly();
      fail(script + " did not finish within " + SCRIPT_TIMEOUT_S + " s; output:\n" + String.join("\n", lines));
    }
    assertThat(process.exitValue()).as(script + " output:\n" + String.join("\n", lines)).isZero();
    out.delete();
    return lines;
  }

  @Test
  void ccxtSubscribesPlacesAndSeesItsOrders(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    List<String> lines = runNode("ccxt-client.mjs", sim.port());
    assertThat(lines).contains("SUBSCRIBED", "DONE");
    assertThat(lines).anyMatch(l -> l.matches("executionReport id=\\d+ status=open filled=0"));
    assertThat(lines).anyMatch(l -> l.matches("executionReport id=\\d+ status=closed filled=0.002 trades=3"));
    assertThat(sim.orders()).extracting(SimulatedOrder::status).containsExactly("NEW", "FILLED");
  }

  @Test
  void binanceSdkSubscribesPlacesAndSeesItsExecutionReports(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    List<String> lines = runNode("binance-sdk-client.mjs", sim.port());
    assertThat(lines).contains("SUBSCRIBED {\"subscriptionId\":0}", "DONE");
    assertThat(lines).contains("executionReport i=1 x=NEW X=NEW z=0.00000000");
    assertThat(lines).contains("executionReport i=2 x=TRADE X=FILLED z=0.00200000");
    assertThat(sim.orders()).extracting(SimulatedOrder::status).containsExactly("NEW", "FILLED");
  }
}
