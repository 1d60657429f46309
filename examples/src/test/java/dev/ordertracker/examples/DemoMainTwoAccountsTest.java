package dev.ordertracker.examples;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.examples.config.ConfigLoader;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A two-account single node ({@code order-tracker run}) from the environment, against the simulator on loopback: both
 * accounts are subscribed on one WebSocket API connection and the events of both arrive.
 */
class DemoMainTwoAccountsTest {
  private static final String MAIN_SECRET = "main-secret-0123456789abcdefghijklmnopqrstuvwxyz";
  private static final String SECOND_SECRET = "second-secret-0123456789abcdefghijklmnopqrstuvwxy";

  @Test
  void bothAccountsOfTheEnvironmentAreTrackedOnOneConnection() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      BinanceSimulator simulator = BinanceSimulator.create(vertx, new SimulatorOptions().setPort(0)
          .setIncludeDemoAccount(false)
          .addAccount(account("main", "mainApiKey0123456789", MAIN_SECRET))
          .addAccount(account("second", "secondApiKey0123456789", SECOND_SECRET)));
      await(simulator.start());
      Map<String, String> env = Map.of(
          "BINANCE_ACCOUNTS", "main,second",
          "BINANCE_MAIN_API_KEY", "mainApiKey0123456789", "BINANCE_MAIN_SECRET_KEY", MAIN_SECRET,
          "BINANCE_SECOND_API_KEY", "secondApiKey0123456789", "BINANCE_SECOND_SECRET_KEY", SECOND_SECRET,
          "BINANCE_WS_API_URL", simulator.wsApiUrl(), "BINANCE_REST_URL", simulator.restUrl(),
          "BRIDGE_JWT_SECRET", "bridge-secret-0123456789abcdefghijkl", "DATA_DIR", "none");
      DemoMain.DemoSettings settings = DemoMain.DemoSettings.from(ConfigLoader.loadNow(null, env,
          Map.of("http-port", "0", "tcp-port", "0")));
      assertThat(settings.simulated()).isFalse();

      Set<String> accounts = ConcurrentHashMap.newKeySet();
      CountDownLatch both = new CountDownLatch(1);
      for (EventType type : EventType.values()) {
        vertx.eventBus().<JsonObject>consumer(Addresses.defaults().event(type), m -> {
          accounts.add(m.body().getString(Fields.ACCOUNT));
          if (accounts.containsAll(Set.of("main", "second"))) {
            both.countDown();
          }
        });
      }
      DemoMain.Running running = await(DemoMain.start(vertx, settings));
      assertThat(running.exchange()).isEqualTo(simulator.wsApiUrl());
      assertThat(running.token()).startsWith("(a key is configured"); // the demo invents no key here
      assertThat(await(simulator.connectionCount())).isEqualTo(1);

      await(Future.all(simulator.pushScripted("main", 3), simulator.pushScripted("second", 3)));
      assertThat(both.await(60, TimeUnit.SECONDS)).as("events of both accounts, got %s", accounts).isTrue();
      assertThat(await(simulator.connectionCount())).isEqualTo(1);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static AccountOptions account(String name, String apiKey, String secret) {
    return new AccountOptions().setName(name).setApiKey(apiKey).setSecret(secret)
        .setBalance("USDT", new BigDecimal("100000")).setBalance("BTC", new BigDecimal("10"));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
