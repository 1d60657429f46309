package dev.ordertracker.binance.it;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static dev.ordertracker.binance.it.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code orders.adapter.status} (what the bridge's /health asks) follows the stream's real state. */
@ExtendWith(VertxExtension.class)
class AdapterStatusIT {

  @Test
  void statusIsConnectedWhileSubscribedAndNotWhileTheExchangeRefuses(Vertx vertx) throws Exception {
    Harness h = Harness.start(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig());
    JsonObject status = status(vertx);
    assertThat(status.getBoolean("connected")).isTrue();
    assertThat(status.getJsonArray("subscribed_accounts").getList()).containsExactly(Harness.ACCOUNT);
    assertThat(status.encode()).doesNotContain(dev.ordertracker.simulator.AccountOptions.DEMO_SECRET);
    // per account, the last successful sweep and its age (issue 14): the sweep after the connect succeeded
    await(h.adapter.lastReconciliation());
    JsonObject sweep = status(vertx).getJsonObject("reconciliation").getJsonObject(Harness.ACCOUNT);
    assertThat(sweep.getString("last_sweep_ok")).isNotNull();
    assertThat(sweep.getLong("last_sweep_age_ms")).isNotNegative();

    await(h.simulator.faults().refuseConnectionsFor(3_000));
    await(h.simulator.faults().dropConnectionsNow());
    Harness.eventually(Duration.ofSeconds(5), () -> !bool(vertx), "status connected=false while refused");
    Harness.eventually(Duration.ofSeconds(20), () -> bool(vertx), "status connected=true after reconnecting");
  }

  private static JsonObject status(Vertx vertx) throws Exception {
    Message<Object> reply = await(vertx.eventBus().request(Addresses.defaults().adapterStatus(), new JsonObject()));
    return (JsonObject) reply.body();
  }

  private static boolean bool(Vertx vertx) {
    try {
      return status(vertx).getBoolean("connected");
    } catch (Exception e) {
      return false;
    }
  }
}
