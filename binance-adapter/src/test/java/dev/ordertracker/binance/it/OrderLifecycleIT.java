package dev.ordertracker.binance.it;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.executor.PlaceOrder;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.ordertracker.binance.it.Harness.ACCOUNT;
import static dev.ordertracker.binance.it.Harness.await;
import static dev.ordertracker.binance.it.Harness.d;
import static org.assertj.core.api.Assertions.assertThat;

/** Every status path through the executor, the stream and the tracker, against the simulator. */
@ExtendWith(VertxExtension.class)
class OrderLifecycleIT {
  private Harness h;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    h = Harness.start(vertx, new SimulatorOptions());
    h.deployAdapter(h.adapterConfig());
  }

  @Test
  void everyStatusPathEndsEqualToTheExchange() throws Exception {
    TrackedOrder resting = await(h.executor.place(PlaceOrder.limit(ACCOUNT, "BTCUSDT", OrderSide.BUY, d("0.01"),
        d("59000.00"))));
    assertThat(resting.status()).isEqualTo(OrderStatus.PLACED);
    TrackedOrder partial = await(h.executor.place(PlaceOrder.limit(ACCOUNT, "ETHUSDT", OrderSide.BUY, d("1.0"),
        d("2900.00"))));
    TrackedOrder market = await(h.executor.place(PlaceOrder.market(ACCOUNT, "BNBUSDT", OrderSide.BUY, d("1.000"))));
    assertThat(market.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(market.fills()).isNotEmpty();
    TrackedOrder quote = await(h.executor.place(PlaceOrder.marketQuote(ACCOUNT, "BNBUSDT", OrderSide.BUY,
        d("120.00"))));
    assertThat(quote.status()).isEqualTo(OrderStatus.FILLED);
    TrackedOrder rejected = await(h.executor.place(PlaceOrder.market(ACCOUNT, "BTCUSDT", OrderSide.BUY,
        d("1000"))));
    assertThat(rejected.status()).isEqualTo(OrderStatus.FAILED);
    assertThat(rejected.errorMessage()).contains("-2010");

    await(h.simulator.movePrice("BTCUSDT", d("58000.00")));
    await(h.simulator.movePrice("ETHUSDT", d("2900.00")));
    Harness.eventually(java.time.Duration.ofSeconds(10), () -> {
      try {
        return await(h.tracker.getOrder(partial.orderId(), "ETHUSDT")).status() == OrderStatus.PARTIALLY_FILLED;
      } catch (Exception e) {
        return false;
      }
    }, "partial fill");
    TrackedOrder cancelled = await(h.executor.cancel(ACCOUNT, "ETHUSDT", partial.orderId()));
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.clientOrderId()).isEqualTo(partial.clientOrderId());

    h.assertTrackerEqualsTruth();
    h.assertOneEventPerChange();
    assertThat(h.adapter.metrics().decodeErrors()).isZero();
    assertThat(h.accountEvents).isNotEmpty();
  }
}
