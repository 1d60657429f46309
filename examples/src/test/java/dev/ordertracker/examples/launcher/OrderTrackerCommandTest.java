package dev.ordertracker.examples.launcher;

import dev.ordertracker.bridge.BridgeOptions;
import dev.ordertracker.bridge.security.ClientClaims;
import dev.ordertracker.bridge.security.TokenAuthenticator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The order-tracker command line: its commands, and a token the bridge accepts with the claims asked for. */
class OrderTrackerCommandTest {
  private static final Map<String, String> ENV = Map.of("BRIDGE_JWT_SECRET", "0123456789abcdef0123456789abcdef");

  @Test
  void helpListsEveryCommand() {
    StringWriter out = new StringWriter();
    CommandLine cl = OrderTrackerCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString()).contains("run", "node", "simulator", "replay", "token");
  }

  @Test
  void aMintedTokenIsAcceptedByTheBridgeWithItsClaims() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    CommandLine cl = OrderTrackerCommand.commandLine();
    TokenCommand token = cl.getSubcommands().get("token").getCommand();
    token.env = ENV;
    token.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    assertThat(cl.execute("token", "--sub", "desk-1", "--accounts", "main,second", "--ttl", "PT1H")).isZero();
    String jwt = printed.toString(StandardCharsets.UTF_8).trim();

    Vertx vertx = Vertx.vertx();
    try {
      TokenAuthenticator bridge = TokenAuthenticator.create(vertx, BridgeOptions.fromEnvironment(ENV).getJwt(),
          Clock.systemUTC());
      ClientClaims claims = bridge.authenticate(jwt).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      assertThat(claims.subject()).isEqualTo("desk-1");
      assertThat(claims.accounts()).isEqualTo(Set.of("main", "second"));
      assertThat(claims.symbols()).isNull();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void withoutAKeyNoTokenIsInventedAndTheVariableIsNamed() {
    StringWriter err = new StringWriter();
    CommandLine cl = OrderTrackerCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    TokenCommand token = cl.getSubcommands().get("token").getCommand();
    token.env = Map.of();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    token.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    assertThat(cl.execute("token", "--sub", "x")).isNotZero();
    assertThat(err.toString()).contains("BRIDGE_JWT_SECRET");
    assertThat(printed.size()).isZero();
  }

  @Test
  void replayWritesTheFinalStatesAskedForAndRefusesAnUnknownFormat(@TempDir Path dir) throws Exception {
    JsonObject event = new JsonObject().put("e", "executionReport").put("E", 1).put("s", "BTCUSDT")
        .put("c", "client-1").put("S", "BUY").put("o", "LIMIT").put("f", "GTC").put("q", "1.00000000")
        .put("p", "100.00000000").put("x", "NEW").put("X", "NEW").put("i", 42).put("l", "0").put("z", "0")
        .put("L", "0").put("n", "0").put("T", 1).put("t", -1).put("w", true).put("m", false).put("O", 1)
        .put("Z", "0").put("Y", "0").put("Q", "0").put("I", 7);
    Path input = Files.writeString(dir.resolve("frames.jsonl"),
        new JsonObject().put("subscriptionId", 0).put("event", event).encode() + "\n");
    Path output = dir.resolve("states.jsonl");
    CommandLine cl = OrderTrackerCommand.commandLine();
    assertThat(cl.execute("replay", "--input", input.toString(), "--output", output.toString(), "--account", "main",
        "--format", "states")).isZero();
    JsonObject state = new JsonObject(Files.readAllLines(output).get(0));
    assertThat(state.getString("order_id")).isEqualTo("42");
    assertThat(state.getString("status")).isEqualTo("PLACED");
    assertThat(state.containsKey("status_history")).isFalse();

    StringWriter err = new StringWriter();
    cl = OrderTrackerCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("replay", "--input", input.toString(), "--output", output.toString(), "--format", "xml"))
        .isNotZero();
    assertThat(err.toString()).contains("--format must be orders or states, not xml");
  }

  @Test
  void runAndNodeRefuseABadKeyNamingItBeforeStartingAnything(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "bridge:\n  http_prot: 8081\n");
    for (String command : new String[] {"run", "node"}) {
      StringWriter err = new StringWriter();
      CommandLine cl = OrderTrackerCommand.commandLine();
      cl.setErr(new PrintWriter(err));
      assertThat(cl.execute(command, "--config", file.toString())).isEqualTo(OrderTrackerCommand.EXIT_CONFIG);
      assertThat(err.toString()).contains(command + ": bridge.http_prot: unknown bridge option");
    }
  }

  @Test
  void runTakesTheConfigurationFlagsButNotTheClusterOnes() {
    CommandLine cl = OrderTrackerCommand.commandLine();
    assertThat(cl.getSubcommands().get("run").getCommandSpec().findOption("--http-port")).isNotNull();
    assertThat(cl.getSubcommands().get("run").getCommandSpec().findOption("--roles")).isNull();
    assertThat(cl.getSubcommands().get("node").getCommandSpec().findOption("--roles")).isNotNull();
    assertThat(cl.getSubcommands().get("node").getCommandSpec().findOption("--http-port")).isNotNull();
  }
}
