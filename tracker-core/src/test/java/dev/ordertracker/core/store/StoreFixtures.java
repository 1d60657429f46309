package dev.ordertracker.core.store;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.StatusChange;
import dev.ordertracker.api.TrackedOrder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Hand-built orders and events for the store tests, and a bounded wait for futures. */
final class StoreFixtures {
  static final Instant T0 = Instant.parse("2026-01-10T10:00:00.000Z");

  private StoreFixtures() {
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Throwable awaitFailure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("expected a failure, got a success");
  }

  static Instant at(long secondsAfterT0) {
    return T0.plusSeconds(secondsAfterT0);
  }

  /** An order placed at {@code created}; PLACED, or FILLED/PARTIALLY_FILLED with the given fills. */
  static TrackedOrder order(String symbol, String id, String account, OrderStatus status, Instant created,
                            Instant updated, String quantity, List<Fill> fills) {
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    for (Fill f : fills) {
      filled = filled.add(f.quantity());
      quote = quote.add(f.quoteQuantity());
    }
    List<StatusChange> history = new ArrayList<>();
    history.add(new StatusChange(created, null, OrderStatus.PENDING, BigDecimal.ZERO, null, null));
    history.add(new StatusChange(created, OrderStatus.PENDING, OrderStatus.PLACED, BigDecimal.ZERO, null, null));
    BigDecimal avg = filled.signum() == 0 ? null : dev.ordertracker.api.Decimals.averagePrice(quote, filled);
    if (status != OrderStatus.PLACED) {
      history.add(new StatusChange(updated, OrderStatus.PLACED, status, filled, avg,
          status == OrderStatus.FAILED ? "rejected" : null));
    }
    return new TrackedOrder(id, "c-" + id, symbol, OrderType.LIMIT, OrderSide.BUY, new BigDecimal(quantity),
        new BigDecimal("100.5"), status, filled, avg, created, updated,
        status == OrderStatus.FAILED ? "rejected" : null, history, fills,
        new JsonObject().put("raw", "x"), account);
  }

  static Fill fill(long tradeId, String qty, String price, Instant time) {
    return new Fill(tradeId, new BigDecimal(qty), new BigDecimal(price), null, new BigDecimal("0.0001"), "BNB",
        false, time);
  }

  static OrderEvent event(long sequence, TrackedOrder order) {
    EventType type = EventType.forStatus(order.status());
    return OrderEvent.of(type == null ? EventType.ORDER_PLACED : type, sequence, order,
        order.fills().isEmpty() ? null : order.fills().get(order.fills().size() - 1));
  }
}
