package dev.ordertracker.core.store;

import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic stream of exchange reports (what the simulator and adapter would deliver) and its truth: the
 * final status and cumulative filled quantity of every order. Orders are placed, filled in 0..3 trades, and then
 * FILLED, CANCELLED or left active; their reports are interleaved at random (seeded), each order's in order.
 */
record ScriptedFeed(List<OrderUpdate> updates, Map<OrderKey, Truth> truth) {
  static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};

  record Truth(OrderStatus status, BigDecimal filled) {
  }

  static ScriptedFeed generate(long seed, int orders) {
    Random random = new Random(seed);
    Instant t0 = Instant.parse("2026-03-01T00:00:00.000Z");
    List<Deque<OrderUpdate>> perOrder = new ArrayList<>();
    Map<OrderKey, Truth> truth = new LinkedHashMap<>();
    long tradeId = 1;
    for (int i = 0; i < orders; i++) {
      String symbol = SYMBOLS[i % SYMBOLS.length];
      String id = "o" + i;
      BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(9)).movePointLeft(1); // 0.1 .. 0.9
      BigDecimal price = BigDecimal.valueOf(10_000 + random.nextInt(90_000)).movePointLeft(2);
      Instant created = t0.plusMillis(i * 10L);
      Deque<OrderUpdate> updates = new ArrayDeque<>();
      int n = 0;
      updates.add(base(symbol, id, OrderStatus.PLACED, qty, price, created, n++)
          .cumulative(BigDecimal.ZERO, BigDecimal.ZERO).build());
      int fills = random.nextInt(4);
      boolean fullyFilled = fills > 0 && random.nextBoolean();
      BigDecimal filled = BigDecimal.ZERO;
      BigDecimal quote = BigDecimal.ZERO;
      for (int f = 1; f <= fills; f++) {
        BigDecimal part = f == fills && fullyFilled ? qty.subtract(filled)
            : qty.subtract(filled).divide(BigDecimal.valueOf(fills - f + 2), 8, java.math.RoundingMode.DOWN);
        if (part.signum() <= 0) {
          continue;
        }
        Fill fill = new Fill(tradeId++, part, price, part.multiply(price), BigDecimal.ZERO, "BNB", false,
            created.plusMillis(f));
        filled = filled.add(part);
        quote = quote.add(fill.quoteQuantity());
        OrderStatus status = filled.compareTo(qty) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        updates.add(base(symbol, id, status, qty, price, created, n++).cumulative(filled, quote).lastFill(fill)
            .build());
      }
      OrderStatus last = updates.getLast().status();
      if (last != OrderStatus.FILLED && random.nextInt(3) == 0) {
        updates.add(base(symbol, id, OrderStatus.CANCELLED, qty, price, created, n++).cumulative(filled, quote)
            .build());
        last = OrderStatus.CANCELLED;
      }
      perOrder.add(updates);
      truth.put(new OrderKey(symbol, id), new Truth(last, filled));
    }
    List<OrderUpdate> stream = new ArrayList<>();
    List<Deque<OrderUpdate>> open = new ArrayList<>(perOrder);
    while (!open.isEmpty()) {
      int pick = random.nextInt(Math.min(open.size(), 40)); // keep the interleaving local, like a real stream
      Deque<OrderUpdate> q = open.get(pick);
      stream.add(q.removeFirst());
      if (q.isEmpty()) {
        open.remove(pick);
      }
    }
    return new ScriptedFeed(stream, truth);
  }

  private static OrderUpdate.Builder base(String symbol, String id, OrderStatus status, BigDecimal qty,
                                          BigDecimal price, Instant created, int n) {
    return OrderUpdate.builder(symbol, id, status)
        .order(OrderType.LIMIT, OrderSide.BUY, qty, price)
        .createdAt(created)
        .account("main")
        .clientOrderId("c-" + id)
        .executionId(id + "-x" + n)
        .transactionTime(created.plusMillis(n));
  }
}
