package dev.ordertracker.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorOptionsTest {

  @Test
  void defaults() {
    SimulatorOptions o = new SimulatorOptions(new JsonObject());
    assertThat(o.getPort()).isZero();
    assertThat(o.getHost()).isEqualTo("127.0.0.1");
    assertThat(o.getPingIntervalMs()).isEqualTo(20_000);
    assertThat(o.getPongTimeoutMs()).isEqualTo(60_000);
    assertThat(o.getMaxConnectionAgeMs()).isEqualTo(86_400_000);
    assertThat(o.isStreamBeforeResponse()).isTrue();
    assertThat(o.getForgetFinishedMarketOrdersAfterMs()).isEqualTo(-1);
    assertThat(o.effectiveAccounts()).extracting(AccountOptions::getApiKey).containsExactly(AccountOptions.DEMO_API_KEY);
    assertThat(o.getSymbols()).extracting(SymbolOptions::getSymbol).containsExactly("BTCUSDT", "ETHUSDT", "BNBUSDT");
  }

  @Test
  void roundTripsThroughJson() {
    SimulatorOptions o = new SimulatorOptions().setPort(1234).setMaxConnectionAgeMs(5000).setSeed(7)
        .addAccount(new AccountOptions().setName("x").setApiKey("abc").setSecret("s"));
    SimulatorOptions back = new SimulatorOptions(o.toJson());
    assertThat(back.toJson()).isEqualTo(o.toJson());
  }

  @Test
  void rejectsUnknownKeysAndBadValues() {
    assertThatThrownBy(() -> new SimulatorOptions(new JsonObject().put("prot", 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prot");
    assertThatThrownBy(() -> new SimulatorOptions(new JsonObject().put("pingIntervalMs", 0)))
        .hasMessageContaining("pingIntervalMs");
    assertThatThrownBy(() -> new SimulatorOptions(new JsonObject().put("accounts",
        new JsonArray().add(new JsonObject().put("name", "a").put("apiKey", "k").put("keyType", "ED25519")))))
        .hasMessageContaining("publicKeyPem");
    assertThatThrownBy(() -> new SimulatorOptions(new JsonObject().put("accounts",
        new JsonArray().add(new JsonObject().put("name", "a").put("apiKey", "k").put("secret", "s").put("x", 1)))))
        .hasMessageContaining("'x'");
    assertThatThrownBy(() -> new SimulatorOptions(new JsonObject().put("symbols", new JsonArray().add(
        new JsonObject().put("symbol", "BTCUSDT").put("baseAsset", "BTC").put("quoteAsset", "USDT")
            .put("price", "1").put("tickSize", "0.0001").put("stepSize", "0.000001")))))
        .hasMessageContaining("8 decimals");
  }
}
