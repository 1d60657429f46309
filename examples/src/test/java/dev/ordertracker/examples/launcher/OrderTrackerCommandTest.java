package dev.ordertracker.examples.launcher;

import dev.ordertracker.bridge.BridgeOptions;
import dev.ordertracker.bridge.security.ClientClaims;
import dev.ordertracker.bridge.security.TokenAuthenticator;
import io.vertx.core.Vertx;
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
