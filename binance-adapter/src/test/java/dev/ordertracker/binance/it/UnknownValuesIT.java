package dev.ordertracker.binance.it;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.codec.UnknownValue;
import dev.ordertracker.binance.executor.PlaceOrder;
import dev.ordertracker.binance.support.Resources;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static dev.ordertracker.binance.it.Harness.ACCOUNT;
import static dev.ordertracker.binance.it.Harness.await;
import static dev.ordertracker.binance.it.Harness.d;
import static dev.ordertracker.binance.it.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enum values Binance adds are survived (issue 13), over real sockets: the simulator delivers executionReports with
 * values this version does not know ({@code FaultInjector.injectEvent}) for an order it is not trading. A fill whose
 * execution type is new is applied from the fields that can be read; a report whose order status is new is skipped
 * (it waits for reconciliation); each is counted by kind, none is a decode error, and the stream goes on.
 */
@ExtendWith(VertxExtension.class)
class UnknownValuesIT {

  @Test
  void anUnknownExecutionTypeStillUpdatesTheOrderAndAnUnknownStatusWaits(Vertx vertx) throws Exception {
    Harness h = Harness.start(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig());
    JsonObject base = new JsonObject(Resources.text("event-executionReport.json")).getJsonObject("event")
        .put("s", "ETHUSDT").put("i", 777_000_001L).put("c", "from-elsewhere");
    await(h.simulator.faults().injectEvent(ACCOUNT, base.copy()));
    await(h.simulator.faults().injectEvent(ACCOUNT, base.copy().put("x", "TRADE_SOMEHOW")
        .put("X", "PARTIALLY_FILLED").put("l", "0.40000000").put("z", "0.40000000").put("L", "0.10000000")
        .put("t", 9).put("I", 8641985).put("Z", "0.04000000").put("Y", "0.04000000")));
    await(h.simulator.faults().injectEvent(ACCOUNT, base.copy().put("x", "TRADE").put("X", "HALTED_FOR_REVIEW")
        .put("I", 8641986)));
    eventually(Duration.ofSeconds(10), () -> {
      try {
        return await(h.tracker.getOrder("777000001", "ETHUSDT")).status() == OrderStatus.PARTIALLY_FILLED;
      } catch (Exception e) {
        return false;
      }
    }, "the fill with an unknown execution type applied");
    eventually(Duration.ofSeconds(10),
        () -> h.adapter.metrics().unknownValues(UnknownValue.Kind.ORDER_STATUS) == 1, "the unknown status counted");

    TrackedOrder order = await(h.tracker.getOrder("777000001", "ETHUSDT"));
    assertThat(order.filledQuantity()).isEqualByComparingTo("0.4");
    assertThat(order.averagePrice()).isEqualByComparingTo("0.1");
    assertThat(order.fills()).singleElement().satisfies(f -> assertThat(f.tradeId()).isEqualTo(9));
    assertThat(order.details().executionType()).isEqualTo("TRADE_SOMEHOW");
    assertThat(h.adapter.metrics().unknownValues(UnknownValue.Kind.EXECUTION_TYPE)).isEqualTo(1);
    assertThat(h.adapter.metrics().decodeErrors()).isZero();

    // the stream goes on: a real order placed and filled afterwards ends equal to the exchange
    TrackedOrder placed = await(h.executor.place(PlaceOrder.limit(ACCOUNT, "ETHUSDT", OrderSide.BUY, d("0.5000"),
        d("2900.00"))));
    await(h.simulator.movePrice("ETHUSDT", d("2899.00")));
    eventually(Duration.ofSeconds(10), () -> {
      try {
        return await(h.tracker.getOrder(placed.orderId(), "ETHUSDT")).status() == OrderStatus.FILLED;
      } catch (Exception e) {
        return false;
      }
    }, "a later order filled");
    h.assertTrackerEqualsTruth();
    assertThat(h.adapter.metrics().reconnects()).isZero();
  }
}
