package dev.ordertracker.binance.it;

import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.ordertracker.binance.it.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reconciliation whose tracker call fails is retried (with backoff) until it succeeds, never dropped: the case of a
 * cluster takeover, where the adapter's first call to the tracker finds no live tracker (issue 20).
 */
@ExtendWith(VertxExtension.class)
class ReconciliationRetryIT {

  @Test
  void aReconciliationThatFailsBecauseTheTrackerIsNotThereIsRetriedUntilItSucceeds(Vertx vertx) throws Exception {
    Harness h = Harness.startWithoutTracker(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig());
    // connected and subscribed; its reconciliation cannot reach any tracker yet
    h.deployTracker();
    Integer corrections = await(h.adapter.lastReconciliation());
    assertThat(corrections).isNotNull();
    assertThat(await(h.tracker.getActiveOrders())).isEmpty();
  }
}
