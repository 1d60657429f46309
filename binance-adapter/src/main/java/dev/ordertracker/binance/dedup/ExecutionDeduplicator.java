package dev.ordertracker.binance.dedup;

import dev.ordertracker.binance.codec.ExecutionReport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The adapter's cheap edge filter for repeated executions (old/new connection overlap, replays): an execution is
 * dropped when its (account, symbol, execution id {@code I}) or, for trades, its (account, symbol, order id, trade
 * id) was seen before. Never by trade id alone: both legs of a self-trade carry the same trade id on two orders.
 * Memory is bounded: each set forgets its oldest keys beyond {@code capacity} (the tracker still dedups behind us).
 * Not thread-safe: owned by the user-data verticle's context.
 */
public final class ExecutionDeduplicator {
  private final BoundedSet<ExecutionKey> executions;
  private final BoundedSet<TradeKey> trades;
  private long dropped;

  public ExecutionDeduplicator(int capacity) {
    this.executions = new BoundedSet<>(capacity);
    this.trades = new BoundedSet<>(capacity);
  }

  /** True the first time this execution is seen; false (and counted) for a repeat. */
  public boolean firstSeen(String account, ExecutionReport r) {
    ExecutionKey e = new ExecutionKey(account, r.symbol(), r.executionId());
    if (executions.contains(e)) {
      dropped++;
      return false;
    }
    if (r.isTrade()) {
      TradeKey t = new TradeKey(account, r.symbol(), r.orderId(), r.tradeId());
      if (!trades.add(t)) {
        dropped++;
        executions.add(e);
        return false;
      }
    }
    executions.add(e);
    return true;
  }

  public long dropped() {
    return dropped;
  }

  public int size() {
    return executions.size();
  }

  record ExecutionKey(String account, String symbol, long executionId) {
  }

  record TradeKey(String account, String symbol, long orderId, long tradeId) {
  }

  private static final class BoundedSet<K> extends LinkedHashMap<K, Boolean> {
    private static final long serialVersionUID = 1L;
    private final int capacity;

    BoundedSet(int capacity) {
      super(Math.min(capacity, 1 << 16), 0.75f, false);
      this.capacity = capacity;
    }

    boolean contains(K key) {
      return containsKey(key);
    }

    boolean add(K key) {
      return put(key, Boolean.TRUE) == null;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
      return size() > capacity;
    }
  }
}
