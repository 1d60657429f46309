package dev.ordertracker.bench.store;

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

/** Realistic order snapshots (Binance-like sizes: status history, a fill, a raw exchange response) for the benches. */
final class BenchOrders {
  static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT"};
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.000Z");

  private BenchOrders() {
  }

  static TrackedOrder active(long i) {
    Instant created = T0.plusMillis(i);
    List<StatusChange> history = List.of(
        new StatusChange(created, null, OrderStatus.PENDING, BigDecimal.ZERO, null, null),
        new StatusChange(created, OrderStatus.PENDING, OrderStatus.PLACED, BigDecimal.ZERO, null, null));
    return new TrackedOrder(Long.toString(10_000_000L + i), "web_" + Long.toHexString(i * 7919), symbol(i),
        OrderType.LIMIT, OrderSide.BUY, new BigDecimal("0.01000000"), new BigDecimal("49000.01000000"),
        OrderStatus.PLACED, BigDecimal.ZERO, null, created, created, null, history, List.of(), response(i), "main");
  }

  static TrackedOrder filled(long i) {
    Instant created = T0.plusMillis(i);
    Instant done = created.plusMillis(250);
    BigDecimal qty = new BigDecimal("0.01000000");
    BigDecimal price = new BigDecimal("49000.01000000");
    Fill fill = new Fill(900_000_000L + i, qty, price, qty.multiply(price), new BigDecimal("0.00001000"), "BNB",
        false, done);
    List<StatusChange> history = List.of(
        new StatusChange(created, null, OrderStatus.PENDING, BigDecimal.ZERO, null, null),
        new StatusChange(created, OrderStatus.PENDING, OrderStatus.PLACED, BigDecimal.ZERO, null, null),
        new StatusChange(done, OrderStatus.PLACED, OrderStatus.FILLED, qty, price, null));
    return new TrackedOrder(Long.toString(10_000_000L + i), "web_" + Long.toHexString(i * 7919), symbol(i),
        OrderType.LIMIT, OrderSide.BUY, qty, price, OrderStatus.FILLED, qty, price, created, done, null, history,
        List.of(fill), response(i), "main");
  }

  static OrderEvent event(long sequence, TrackedOrder order) {
    EventType type = EventType.forStatus(order.status());
    return OrderEvent.of(type, sequence, order, order.fills().isEmpty() ? null : order.fills().get(0));
  }

  /** {@code changes} state changes as (snapshot, event) pairs, sequences from {@code firstSequence}. */
  static void changes(long from, int changes, long firstSequence, List<TrackedOrder> orders, List<OrderEvent> events) {
    for (int k = 0; k < changes; k++) {
      long i = from + k;
      TrackedOrder o = (i % 3 == 0) ? active(i) : filled(i);
      orders.add(o);
      events.add(event(firstSequence + k, o));
    }
  }

  static List<TrackedOrder> list(int capacity) {
    return new ArrayList<>(capacity);
  }

  private static String symbol(long i) {
    return SYMBOLS[(int) (i % SYMBOLS.length)];
  }

  private static JsonObject response(long i) {
    return new JsonObject().put("symbol", symbol(i)).put("orderId", 10_000_000L + i)
        .put("clientOrderId", "web_" + Long.toHexString(i * 7919)).put("transactTime", T0.toEpochMilli() + i)
        .put("price", "49000.01000000").put("origQty", "0.01000000").put("status", "NEW").put("type", "LIMIT")
        .put("side", "BUY").put("timeInForce", "GTC");
  }

  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted.get(sorted.size() / 2);
  }
}
