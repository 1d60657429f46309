package dev.ordertracker.examples.config;

import dev.ordertracker.binance.config.AccountConfig;
import dev.ordertracker.examples.DemoMain.DemoSettings;
import dev.ordertracker.examples.cluster.ClusterNodeOptions;
import dev.ordertracker.examples.cluster.NodeRole;
import dev.ordertracker.examples.launcher.OrderTrackerCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One configuration for run and node: the file, then the environment (a map here), then flags; validated once. */
class LauncherConfigTest {
  /** The documented example file of the repository (tests run in examples/). */
  private static final Path EXAMPLE = Path.of("..", "config", "order-tracker.example.yaml");

  @TempDir
  Path dir;

  @Test
  void theDocumentedExampleFileLoadsForRunAndForNode() {
    LauncherConfig config = ConfigLoader.loadNow(EXAMPLE, Map.of(), Map.of());
    assertThat(config.binanceOptions().getAccounts()).extracting(AccountConfig::name).containsExactly("main", "second");
    assertThat(config.simulated()).isFalse();
    assertThat(config.bridgeOptions().getHttpPort()).isEqualTo(8080);
    assertThat(DemoSettings.from(config).storeDescription()).isEqualTo("SQLite in data/");

    ClusterNodeOptions node = ClusterNodeOptions.parse(new String[] {"--config", EXAMPLE.toString(),
        "--cluster-port", "5801"}, Map.of());
    assertThat(node.roles()).containsExactlyInAnyOrder(NodeRole.TRACKER, NodeRole.ADAPTER, NodeRole.BRIDGE);
    assertThat(node.members()).hasSize(3);
    assertThat(node.haQuorum()).isEqualTo(2);
    assertThat(node.clusterPort()).isEqualTo(5801);
    assertThat(node.trackerConfig().getLong("completed_ttl_ms")).isEqualTo(86_400_000L);
    assertThat(node.trackerConfig().getJsonObject("tracker").getInteger("max_history_size")).isEqualTo(1000);
    assertThat(node.adapterConfig().getJsonArray("accounts")).hasSize(2);
  }

  @Test
  void flagsOverrideTheEnvironmentWhichOverridesTheFile() throws IOException {
    Path file = write("precedence.yaml", """
        bridge:
          host: 127.0.0.2
          http_port: 1111
          tcp_port: 2222
        simulator:
          port: 3333
        """);
    Map<String, String> env = Map.of("HTTP_PORT", "4444", "TCP_BRIDGE_PORT", "5555");

    LauncherConfig run = ConfigLoader.loadNow(file, env, Map.of("http-port", "6666"));
    assertThat(run.bridgeOptions().getHost()).isEqualTo("127.0.0.2");       // file
    assertThat(run.simulatorPort()).isEqualTo(3333);                        // file
    assertThat(run.bridgeOptions().getTcpPort()).isEqualTo(5555);           // env over file
    assertThat(run.bridgeOptions().getHttpPort()).isEqualTo(6666);          // flag over env

    // node: the same keys, through its command line
    ClusterNodeOptions node = ClusterNodeOptions.parse(new String[] {"--config", file.toString(),
        "--http-port=6666"}, env);
    assertThat(node.config().bridgeOptions().getTcpPort()).isEqualTo(5555);
    assertThat(node.httpPort()).isEqualTo(6666);
    assertThat(node.bridgeConfig().getString("host")).isEqualTo("127.0.0.2");
  }

  @Test
  void aBadKeyIsNamedByItsPath() throws IOException {
    assertThatThrownBy(() -> ConfigLoader.loadNow(write("a.yaml", "bridge:\n  http_prot: 1\n"), Map.of(), Map.of()))
        .hasMessageStartingWith("bridge.http_prot: unknown bridge option");
    assertThatThrownBy(() -> ConfigLoader.loadNow(write("b.yaml", "trackr: {}\n"), Map.of(), Map.of()))
        .hasMessageStartingWith("trackr: unknown section");
    assertThatThrownBy(() -> ConfigLoader.loadNow(write("c.json", "{\"tracker\": {\"max_histroy_size\": 5}}"),
        Map.of(), Map.of()))
        .hasMessageStartingWith("tracker.max_histroy_size: unknown tracker option");
    assertThatThrownBy(() -> ConfigLoader.loadNow(write("d.yaml", "tracker:\n  store: {type: sqlite, dta_dir: x}\n"),
        Map.of(), Map.of()))
        .hasMessageStartingWith("tracker.store.dta_dir: unknown store option");
    assertThatThrownBy(() -> ConfigLoader.loadNow(write("e.yaml", "simulator:\n  port: \"80\"\n"), Map.of(),
        Map.of()))
        .hasMessageStartingWith("simulator.port: expected an integer");
    assertThatThrownBy(() -> ConfigLoader.loadNow(write("f.yaml", "cluster:\n  rolez: [tracker]\n"), Map.of(),
        Map.of()))
        .hasMessageStartingWith("cluster.rolez: unknown cluster option");
    assertThatThrownBy(() -> ConfigLoader.loadNow(null, Map.of("HTTP_PORT", "eighty"), Map.of()))
        .hasMessageContaining("HTTP_PORT").hasMessageContaining("bridge.http_port");
    assertThatThrownBy(() -> ConfigLoader.loadNow(dir.resolve("missing.yaml"), Map.of(), Map.of()))
        .hasMessageContaining("missing.yaml");
    assertThatThrownBy(() -> OrderTrackerCommand.nodeConfig(new String[] {"--htp-port", "1"}, Map.of()))
        .hasMessageContaining("--htp-port");
  }

  @Test
  void aFileThatDoesNotParseIsNamedWithoutQuotingItsSecrets() throws IOException {
    String secret = "s3cr3t-0123456789-abcdefghijklmnop";
    Path json = write("broken.json", "{\"binance\": {\"accounts\": [{\"secret\": \"" + secret + "\" oops}]}}");
    assertThatThrownBy(() -> ConfigLoader.loadNow(json, Map.of(), Map.of()))
        .hasMessageStartingWith("--config " + json).hasMessageNotContaining(secret);
    Path yaml = write("broken.yaml", "binance:\n  accounts:\n    - secret: " + secret + "\n   bad: [\n");
    assertThatThrownBy(() -> ConfigLoader.loadNow(yaml, Map.of(), Map.of()))
        .hasMessageStartingWith("--config " + yaml).hasMessageNotContaining(secret);
    assertThatThrownBy(() -> ConfigLoader.loadNow(null, Map.of("ADAPTER_CONFIG", "{\"secret\": \"" + secret + "\""),
        Map.of()))
        .hasMessageContaining("ADAPTER_CONFIG").hasMessageNotContaining(secret);
  }

  @Test
  void severalAccountsFromTheEnvironmentNameUpperCased() {
    LauncherConfig config = ConfigLoader.loadNow(EXAMPLE, Map.of(
        "BINANCE_ACCOUNTS", "main, hedge-2",
        "BINANCE_MAIN_API_KEY", "k1", "BINANCE_MAIN_SECRET_KEY", "s1",
        "BINANCE_HEDGE_2_API_KEY", "k2", "BINANCE_HEDGE_2_PRIVATE_KEY_FILE", "/keys/hedge.pem"), Map.of());
    // the environment's accounts replace the file's
    assertThat(config.binanceOptions().getAccounts()).extracting(AccountConfig::name)
        .containsExactly("main", "hedge-2");
    assertThat(config.binance().getJsonArray("accounts").getJsonObject(0).getString("secret")).isEqualTo("s1");
    assertThat(config.binance().getJsonArray("accounts").getJsonObject(1).getString("private_key_file"))
        .isEqualTo("/keys/hedge.pem");

    assertThatThrownBy(() -> ConfigLoader.loadNow(null, Map.of("BINANCE_ACCOUNTS", "main,second",
        "BINANCE_MAIN_API_KEY", "k1", "BINANCE_MAIN_SECRET_KEY", "s1", "BINANCE_SECOND_SECRET_KEY", "s2"), Map.of()))
        .hasMessageStartingWith("BINANCE_SECOND_API_KEY: required");
    assertThatThrownBy(() -> ConfigLoader.loadNow(null, Map.of("BINANCE_ACCOUNTS", "main",
        "BINANCE_API_KEY", "k"), Map.of()))
        .hasMessageContaining("set one or the other");
  }

  @Test
  void theSingleAccountVariablesKeepWorking() {
    LauncherConfig config = ConfigLoader.loadNow(null, Map.of("BINANCE_API_KEY", "k", "BINANCE_SECRET_KEY", "s",
        "BINANCE_ACCOUNT_NAME", "desk"), Map.of());
    assertThat(config.binanceOptions().getAccounts()).extracting(AccountConfig::name).containsExactly("desk");
    assertThatThrownBy(() -> ConfigLoader.loadNow(null, Map.of("BINANCE_API_KEY", "k"), Map.of()))
        .hasMessageContaining("BINANCE_SECRET_KEY or BINANCE_PRIVATE_KEY_FILE");
  }

  @Test
  void withoutAnythingRunIsTheZeroConfigDemoAndDataDirNoneMeansMemory() {
    DemoSettings demo = DemoSettings.from(ConfigLoader.loadNow(null, Map.of(), Map.of()));
    assertThat(demo.simulated()).isTrue();
    assertThat(demo.tracker().getJsonObject("store").getString("data_dir")).isEqualTo("data");
    DemoSettings memory = DemoSettings.from(ConfigLoader.loadNow(EXAMPLE, Map.of("DATA_DIR", "none"), Map.of()));
    assertThat(memory.tracker().containsKey("store")).isFalse();
    assertThat(memory.storeDescription()).startsWith("none");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
