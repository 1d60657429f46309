package dev.ordertracker.examples.executor;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class ExecutorExampleTest {

  @Test
  void marketFillsAtOnceAndLimitFillsWhenThePriceCrosses(Vertx vertx, VertxTestContext ctx) throws Exception {
    List<OrderEvent> events = new CopyOnWriteArrayList<>();
    ExecutorExample.run(vertx, events::add).onComplete(ctx.succeeding(placed -> {
      long deadline = System.currentTimeMillis() + 15_000;
      vertx.setPeriodic(20, id -> {
        long filled = events.stream().filter(e -> e.eventType() == EventType.ORDER_FILLED).count();
        if (filled < 2 && System.currentTimeMillis() < deadline) {
          return;
        }
        vertx.cancelTimer(id);
        ctx.verify(() -> {
          assertThat(placed.get(0).status()).isEqualTo(OrderStatus.FILLED); // MARKET
          assertThat(placed.get(1).status()).isEqualTo(OrderStatus.PLACED); // LIMIT rests at first
          assertThat(events).filteredOn(e -> e.eventType() == EventType.ORDER_FILLED)
              .extracting(OrderEvent::orderType).containsExactlyInAnyOrder(OrderType.MARKET, OrderType.LIMIT);
          OrderEvent limitFilled = events.stream().filter(e -> e.eventType() == EventType.ORDER_FILLED
              && e.orderType() == OrderType.LIMIT).findFirst().orElseThrow();
          assertThat(limitFilled.averagePrice()).isEqualByComparingTo("59000.00");
          // exactly one ORDER_PLACED for the LIMIT order although NEW reaches the stream before the response
          assertThat(events).filteredOn(e -> e.eventType() == EventType.ORDER_PLACED
              && e.orderId().equals(placed.get(1).orderId()) && e.symbol().equals("BTCUSDT")).hasSize(1);
        });
        ctx.completeNow();
      });
    }));
    assertThat(ctx.awaitCompletion(40, TimeUnit.SECONDS)).isTrue();
    if (ctx.failed()) {
      throw new AssertionError(ctx.causeOfFailure());
    }
  }
}
