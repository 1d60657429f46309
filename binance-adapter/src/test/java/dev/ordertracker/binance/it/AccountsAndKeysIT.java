package dev.ordertracker.binance.it;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.BinanceUserDataVerticle;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.binance.executor.PlaceOrder;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.SimulatorOptions;
import dev.ordertracker.simulator.signing.KeyType;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.ordertracker.binance.it.Harness.ACCOUNT;
import static dev.ordertracker.binance.it.Harness.await;
import static dev.ordertracker.binance.it.Harness.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Two accounts on one connection (HMAC + Ed25519 with session.logon) and wrong keys. */
@ExtendWith(VertxExtension.class)
class AccountsAndKeysIT {

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
        + "-----\n";
  }

  @Test
  void twoAccountsOnOneConnectionAreTaggedByTheirSubscription(Vertx vertx) throws Exception {
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    AccountOptions second = new AccountOptions().setName("ed").setApiKey("edKey0000000000000000000000000000")
        .setKeyType(KeyType.ED25519).setPublicKeyPem(pem("PUBLIC KEY", ed.getPublic().getEncoded()))
        .setBalance("USDT", new BigDecimal("100000")).setBalance("BTC", new BigDecimal("10"));
    Harness h = Harness.start(vertx, new SimulatorOptions().addAccount(second));
    JsonObject config = h.adapterConfig().put(BinanceAdapterOptions.SESSION_LOGON, true);
    config.getJsonArray(BinanceAdapterOptions.ACCOUNTS).add(new JsonObject().put("name", "ed")
        .put("api_key", second.getApiKey()).put("private_key_pem", pem("PRIVATE KEY", ed.getPrivate().getEncoded())));
    h.deployAdapter(config);
    TrackedOrder a = await(h.executor.place(PlaceOrder.limit(ACCOUNT, "BTCUSDT", OrderSide.BUY, d("0.01"),
        d("59900.00"))));
    TrackedOrder b = await(h.executor.place(PlaceOrder.limit("ed", "BTCUSDT", OrderSide.BUY, d("0.02"),
        d("59800.00"))));
    await(h.simulator.movePrice("BTCUSDT", d("59700.00")));
    h.assertTrackerEqualsTruth();
    h.assertOneEventPerChange();
    assertThat(await(h.tracker.getOrder(a.orderId(), "BTCUSDT")).account()).isEqualTo(ACCOUNT);
    assertThat(await(h.tracker.getOrder(b.orderId(), "BTCUSDT")).account()).isEqualTo("ed");
    assertThat(await(h.simulator.connectionCount())).isEqualTo(1);
  }

  @Test
  void wrongKeysFailDeploymentWithAClearErrorAndNoSecretInLogs(Vertx vertx) throws Exception {
    String wrongSecret = "WrongSecretWrongSecretWrongSecretWrongSecretWrongSecret01";
    List<String> logs = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        logs.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try {
      Harness h = Harness.start(vertx, new SimulatorOptions());
      JsonObject config = h.adapterConfig().put(BinanceAdapterOptions.ACCOUNTS, new JsonArray().add(new JsonObject()
          .put("name", ACCOUNT).put("api_key", AccountOptions.DEMO_API_KEY).put("secret", wrongSecret)));
      BinanceUserDataVerticle adapter = new BinanceUserDataVerticle();
      Throwable e = catchThrowable(() -> await(vertx.deployVerticle(adapter,
          new DeploymentOptions().setConfig(config))));
      assertThat(e).hasMessageContaining("subscribing account 'demo'").hasMessageContaining("-1022");
      assertThat(adapter.metrics().reconnects()).isZero();
      // the refused connection is closed by the adapter; the simulator sees the close a moment later (loaded machine)
      Harness.eventually(java.time.Duration.ofSeconds(5), () -> {
        try {
          return await(h.simulator.connectionCount()) == 0;
        } catch (Exception x) {
          return false;
        }
      }, "the refused connection closed");
      String all = String.join("\n", logs) + e;
      assertThat(all).doesNotContain(wrongSecret).doesNotContain(AccountOptions.DEMO_API_KEY);
      Throwable bad = catchThrowable(() -> await(vertx.deployVerticle(new BinanceUserDataVerticle(),
          new DeploymentOptions().setConfig(config.copy().put("recv_window_ms", -1)))));
      assertThat(bad).hasMessageContaining("recv_window_ms").satisfies(x -> assertThat(x.getMessage())
          .doesNotContain(wrongSecret));
    } finally {
      root.removeHandler(capture);
    }
  }

  @Test
  void executorRejectionsCarryTheExchangeCode(Vertx vertx) throws Exception {
    Harness h = Harness.start(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig());
    TrackedOrder t = await(h.executor.place(PlaceOrder.limit(ACCOUNT, "NOPEUSDT", OrderSide.BUY, d("1"), d("1"))));
    assertThat(t.status()).isEqualTo(OrderStatus.FAILED);
    assertThat(t.errorMessage()).contains("-1121");
  }
}
