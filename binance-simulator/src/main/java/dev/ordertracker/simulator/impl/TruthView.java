package dev.ordertracker.simulator.impl;

import dev.ordertracker.simulator.SimulatedOrder;
import dev.ordertracker.simulator.SimulatedTrade;
import dev.ordertracker.simulator.matching.Fill;
import dev.ordertracker.simulator.matching.Order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Immutable snapshots of every order, published for readers on any thread. Single writer: the simulator context
 * replaces a snapshot after each change of its order; readers only ever see whole records.
 */
final class TruthView {

  private record Entry(long sequence, SimulatedOrder order) {
  }

  private final ConcurrentHashMap<String, Entry> orders = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, java.math.BigDecimal> prices = new ConcurrentHashMap<>();
  private long sequence;

  void update(Order o) {
    String key = key(o.symbol(), o.orderId());
    Entry previous = orders.get(key);
    List<SimulatedTrade> trades = new ArrayList<>(o.fills().size());
    for (Fill f : o.fills()) {
      trades.add(new SimulatedTrade(f.tradeId(), f.qty(), f.price(), f.quoteQty(), f.commission(),
          f.commissionAsset(), f.maker(), f.time()));
    }
    SimulatedOrder snapshot = new SimulatedOrder(o.account().name(), o.symbol(), o.orderId(), o.clientOrderId(),
        o.side().name(), o.type().name(), o.timeInForce().name(), o.origQty(), o.price(), o.status().name(),
        o.executedQty(), o.cumQuote(), trades, o.preventedQty(), o.orderListId());
    orders.put(key, new Entry(previous == null ? sequence++ : previous.sequence, snapshot));
  }

  List<SimulatedOrder> all() {
    List<Entry> entries = new ArrayList<>(orders.values());
    entries.sort(Comparator.comparingLong(Entry::sequence));
    List<SimulatedOrder> out = new ArrayList<>(entries.size());
    entries.forEach(e -> out.add(e.order));
    return out;
  }

  Optional<SimulatedOrder> get(String symbol, long orderId) {
    Entry e = orders.get(key(symbol, orderId));
    return e == null ? Optional.empty() : Optional.of(e.order);
  }

  private static String key(String symbol, long orderId) {
    return symbol + ':' + orderId;
  }

  void price(String symbol, java.math.BigDecimal price) {
    prices.put(symbol, price);
  }

  java.math.BigDecimal price(String symbol) {
    java.math.BigDecimal p = prices.get(symbol);
    if (p == null) {
      throw new IllegalArgumentException("unknown symbol " + symbol);
    }
    return p;
  }
}
