package dev.ordertracker.binance.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceAdapterOptionsTest {
  private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  private static JsonObject account() {
    return new JsonObject().put("name", "main").put("api_key", "vmPUZE6mv9SD5VNHk4HlWFsOr6aK").put("secret", SECRET);
  }

  @Test
  void defaultsAndParsedValues() {
    BinanceAdapterOptions o = new BinanceAdapterOptions(new JsonObject().put("accounts", new JsonArray().add(account()))
        .put("recv_window_ms", 3000).put("address_prefix", "bn.orders")).validate();
    assertThat(o.getWsApiUrl()).isEqualTo("wss://ws-api.binance.com:443/ws-api/v3");
    assertThat(o.getRestUrl()).isEqualTo("https://api.binance.com");
    assertThat(o.getRecvWindowMs()).isEqualTo(3000);
    assertThat(o.addresses().account("main")).isEqualTo("bn.orders.account.main");
    assertThat(o.getAccounts()).singleElement().extracting(AccountConfig::keyType).isEqualTo(KeyType.HMAC);
  }

  @Test
  void continuousReconciliationKeysHaveDefaultsAreReadValidatedAndWrittenBack() {
    BinanceAdapterOptions d = new BinanceAdapterOptions(new JsonObject().put("accounts", new JsonArray()
        .add(account()))).validate();
    assertThat(d.reconcileLoop().getOpenCheckIntervalMs()).isEqualTo(30_000);
    assertThat(d.reconcileLoop().getInflightCheckIntervalMs()).isEqualTo(2_000);
    assertThat(d.reconcileLoop().getInflightCheckThresholdMs()).isEqualTo(5_000);
    assertThat(d.reconcileLoop().getUnknownOutcomeGiveUpMs()).isEqualTo(600_000);
    assertThat(d.reconcileLoop().getMaxUsedWeightPercent()).isEqualTo(80);
    JsonObject json = new JsonObject().put("accounts", new JsonArray().add(account()))
        .put("open_check_interval_ms", 10_000).put("query_attempts", 7).put("max_used_weight_percent", 50)
        .put("reconcile_lookback_margin_ms", 0).put("unknown_outcome_give_up_ms", 60_000);
    BinanceAdapterOptions o = new BinanceAdapterOptions(json).validate();
    assertThat(o.reconcileLoop().getOpenCheckIntervalMs()).isEqualTo(10_000);
    assertThat(o.reconcileLoop().getQueryAttempts()).isEqualTo(7);
    assertThat(o.reconcileLoop().getLookbackMarginMs()).isZero();
    JsonObject back = o.toJson();
    assertThat(back.getLong("max_used_weight_percent")).isEqualTo(50);
    assertThat(new BinanceAdapterOptions(back.put("accounts", new JsonArray().add(account()))).reconcileLoop()
        .getUnknownOutcomeGiveUpMs()).isEqualTo(60_000);
    assertError(new JsonObject().put("open_check_interval_ms", 0), "open_check_interval_ms");
    assertError(new JsonObject().put("max_used_weight_percent", 101), "max_used_weight_percent");
    assertError(new JsonObject().put("query_attempts", "5"), "query_attempts");
    assertThatThrownBy(() -> new BinanceAdapterOptions(new JsonObject().put("accounts", new JsonArray().add(account()))
        .put("query_retry_initial_delay_ms", 500).put("query_retry_max_delay_ms", 100)).validate())
        .hasMessageContaining("query_retry_max_delay_ms");
  }

  @Test
  void badOptionsFailWithTheKeyInTheMessage() {
    assertError(new JsonObject().put("bogus", 1), "bogus");
    assertError(new JsonObject().put("ws_api_url", "http://x"), "ws_api_url");
    assertError(new JsonObject().put("rest_url", 5), "rest_url");
    assertError(new JsonObject().put("recv_window_ms", 70000), "recv_window_ms");
    assertError(new JsonObject().put("accounts", new JsonArray().add(account().copy().remove("name") == null ? 1
        : new JsonObject().put("api_key", "k").put("secret", "s"))), "accounts[0].name");
    assertError(new JsonObject().put("accounts", new JsonArray().add(account().put("private_key_pem", "x"))),
        "accounts[0]");
    assertError(new JsonObject().put("accounts", new JsonArray().add(new JsonObject().put("name", "a")
        .put("api_key", "k").put("secret", SECRET).put("extra", 1))), "accounts[0].extra");
    assertThatThrownBy(() -> new BinanceAdapterOptions(new JsonObject()).validate()).hasMessageContaining("accounts");
    // the shared strict reader: the full path, the expected type, and no int overflow passed off as a value
    assertThatThrownBy(() -> new BinanceAdapterOptions(new JsonObject().put("open_check_interval_ms", "30s")))
        .hasMessageStartingWith("open_check_interval_ms: expected an integer");
    assertThatThrownBy(() -> new BinanceAdapterOptions(new JsonObject().put("dedup_capacity", 1L << 33)))
        .hasMessageStartingWith("dedup_capacity: 8589934592 is not in");
    assertThatThrownBy(() -> new BinanceAdapterOptions(new JsonObject().put("accounts", new JsonArray()
        .add(new JsonObject().put("name", "a").put("api_key", "k").put("secret", 12345)))))
        .hasMessageStartingWith("accounts[0].secret: expected a string").hasMessageNotContaining("12345");
  }

  @Test
  void secretsNeverAppearInTextForms() {
    BinanceAdapterOptions o = new BinanceAdapterOptions(new JsonObject().put("accounts", new JsonArray()
        .add(account())));
    assertThat(o.toString()).doesNotContain(SECRET).contains("***");
    assertThat(o.toJson().encode()).doesNotContain(SECRET);
    assertThatThrownBy(() -> new BinanceAdapterOptions(new JsonObject().put("accounts", new JsonArray()
        .add(account().put("key_type", "RSA"))))).satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }

  @Test
  void environmentMapsToOneAccount(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    BinanceAdapterOptions hmac = BinanceAdapterOptions.fromEnvironment(Map.of("BINANCE_API_KEY", "key1",
        "BINANCE_SECRET_KEY", SECRET, "BINANCE_WS_API_URL", "ws://127.0.0.1:1/ws-api/v3",
        "BINANCE_REST_URL", "http://127.0.0.1:1"));
    assertThat(hmac.getAccounts()).singleElement().extracting(AccountConfig::name).isEqualTo("main");
    assertThat(hmac.getWsApiUrl()).isEqualTo("ws://127.0.0.1:1/ws-api/v3");
    Path missing = dir.resolve("nope.pem");
    BinanceAdapterOptions file = BinanceAdapterOptions.fromEnvironment(Map.of("BINANCE_API_KEY", "key1",
        "BINANCE_PRIVATE_KEY_FILE", missing.toString()));
    assertThatThrownBy(() -> KeyLoader.load(file.getAccounts().get(0))).hasMessageContaining("private_key_file");
    Files.writeString(missing, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> KeyLoader.load(file.getAccounts().get(0))).hasMessageContaining("not a PKCS#8");
    assertThatThrownBy(() -> BinanceAdapterOptions.fromEnvironment(Map.of("BINANCE_SECRET_KEY", SECRET)))
        .hasMessageContaining("BINANCE_API_KEY").satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }

  private static void assertError(JsonObject json, String key) {
    assertThatThrownBy(() -> new BinanceAdapterOptions(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key);
  }
}
