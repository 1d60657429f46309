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
