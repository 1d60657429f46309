package dev.ordertracker.examples.embedding;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class EmbeddingExampleTest {

  @Test
  void userHandlerSeesTheFillAndStatsCountIt(Vertx vertx, VertxTestContext ctx) throws Exception {
    List<OrderEvent> seen = new CopyOnWriteArrayList<>();
    EmbeddingExample.run(vertx, seen::add).onComplete(ctx.succeeding(stats -> {
      // the handler's ORDER_FILLED may arrive just after the query chain completes: wait for it, bounded
      vertx.setPeriodic(10, id -> {
        if (!seen.isEmpty()) {
          vertx.cancelTimer(id);
          ctx.verify(() -> {
            assertThat(stats.totalTracked()).isEqualTo(1);
            assertThat(stats.totalFilled()).isEqualTo(1);
            assertThat(stats.currentlyActive()).isZero();
            OrderEvent filled = seen.get(0);
            assertThat(filled.eventType()).isEqualTo(EventType.ORDER_FILLED);
            assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(filled.averagePrice()).isEqualByComparingTo(new BigDecimal("49050.0"));
            assertThat(filled.clientOrderId()).isEqualTo("my_order_1");
          });
          ctx.completeNow();
        }
      });
    }));
    assertThat(ctx.awaitCompletion(20, TimeUnit.SECONDS)).isTrue();
    if (ctx.failed()) {
      throw new AssertionError(ctx.causeOfFailure());
    }
  }
}
