package dev.ordertracker.bench.core;

import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Pre-built exchange reports for benchmark order lives, as the Binance adapter would hand them to the tracker:
 * PLACED (describing the order, so an unknown order starts tracking from the stream), three partial fills and the
 * final fill, each with an execution id and, for trades, the fill. Every report changes the order and publishes
 * one event. Order ids repeat every {@code orders} lives: with a history smaller than that, an id is long evicted
 * when it comes round again, so the array can be replayed forever.
 */
final class OrderLives {
  static final int UPDATES_PER_LIFE = 5;

  private OrderLives() {
  }

  static OrderUpdate[] build(int orders, String symbol) {
    OrderUpdate[] out = new OrderUpdate[orders * UPDATES_PER_LIFE];
    Instant t = Instant.parse("2024-01-15T10:30:00.000Z");
    int k = 0;
    long trade = 1;
    for (int o = 0; o < orders; o++) {
      String id = Long.toString(1_000_000_000L + o);
      // Binance-like values: lot size 0.00001, tick 0.01, varying per order, so that some averages terminate
      // (e.g. equal parts) and most do not (uneven parts at different prices), as in a real stream.
      BigDecimal[] parts = new BigDecimal[4];
      BigDecimal quantity = BigDecimal.ZERO;
      for (int f = 0; f < 4; f++) {
        parts[f] = BigDecimal.valueOf(100 + (o * 7 + f * 13) % 400, 5);
        quantity = quantity.add(parts[f]);
      }
      BigDecimal limit = BigDecimal.valueOf(5_000_000 + (o * 31) % 1000, 2);
      out[k++] = OrderUpdate.builder(symbol, id, OrderStatus.PLACED).cumulative(BigDecimal.ZERO, BigDecimal.ZERO)
          .executionId(id + "-0").order(OrderType.LIMIT, OrderSide.BUY, quantity, limit).clientOrderId("c" + id)
          .transactionTime(t).build();
      BigDecimal filled = BigDecimal.ZERO;
      BigDecimal quote = BigDecimal.ZERO;
      for (int f = 0; f < 4; f++) {
        BigDecimal price = limit.subtract(BigDecimal.valueOf((o * 17 + f * 29) % 50, 2));
        filled = filled.add(parts[f]);
        BigDecimal fillQuote = parts[f].multiply(price);
        quote = quote.add(fillQuote);
        Fill fill = new Fill(trade++, parts[f], price, fillQuote, BigDecimal.ZERO, "BNB", false, t);
        out[k++] = OrderUpdate.builder(symbol, id, f == 3 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED)
            .cumulative(filled, quote).lastFill(fill).executionId(id + "-" + (f + 1)).transactionTime(t).build();
      }
    }
    return out;
  }
}
