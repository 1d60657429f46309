package dev.ordertracker.binance.it;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.ordertracker.binance.it.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription refused with -1021 (our timestamp ahead of the exchange's: a slow round trip skewed the clock
 * estimate, as seen on a loaded machine) re-syncs the clock and is signed again, once, instead of failing the start.
 */
@ExtendWith(VertxExtension.class)
class ClockSkewIT {

  @Test
  void aSubscriptionRefusedForItsTimestampResyncsAndSubscribes(Vertx vertx) throws Exception {
    Harness h = Harness.start(vertx, new SimulatorOptions());
    await(h.simulator.faults().rejectClockNext(1));
    h.deployAdapter(h.adapterConfig());
    Message<Object> reply = await(vertx.eventBus().request(Addresses.defaults().adapterStatus(), new JsonObject()));
    JsonObject status = (JsonObject) reply.body();
    assertThat(status.getBoolean("connected")).isTrue();
    assertThat(status.getJsonArray("subscribed_accounts").getList()).containsExactly(Harness.ACCOUNT);
    JsonObject faults = await(h.simulator.faults().status());
    assertThat(faults.getInteger("rejectClockNext")).isZero(); // the refusal did happen
  }
}
