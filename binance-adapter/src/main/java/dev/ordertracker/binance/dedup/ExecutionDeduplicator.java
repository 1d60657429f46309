package dev.ordertracker.binance.dedup;

import dev.ordertracker.binance.codec.ExecutionReport;

import java.util.HashMap;
import java.util.Map;

/**
 * The adapter's cheap edge filter for repeated executions (old/new connection overlap, replays): an execution is
 * dropped when its (account, symbol, execution id {@code I}) or, for trades, its (account, symbol, order id, trade
 * id) was seen before. Never by trade id alone: both legs of a self-trade carry the same trade id on two orders.
 * Memory is bounded: each set forgets its oldest keys beyond {@code capacity} (the tracker still dedups behind us).
 * (account, symbol) pairs are numbered once, so that the keys are tuples of longs in flat arrays
 * ({@link BoundedLongTupleSet}): no allocation per execution, nothing for the garbage collector to copy.
 * Not thread-safe: owned by the user-data verticle's context.
 */
public final class ExecutionDeduplicator {
  private final BoundedLongTupleSet executions;
  private final BoundedLongTupleSet trades;
  /** account → symbol → scope number */
  private final Map<String, Map<String, Long>> scopes = new HashMap<>();
  private int scopeCount;
  private Map<String, Long> lastAccountScopes;
  private String lastAccount;
  private String lastSymbol;
  private long lastScope;
  private long dropped;

  public ExecutionDeduplicator(int capacity) {
    this.executions = new BoundedLongTupleSet(2, capacity);
    this.trades = new BoundedLongTupleSet(3, capacity);
  }

  /** True the first time this execution is seen; false (and counted) for a repeat. */
  public boolean firstSeen(String account, ExecutionReport r) {
    long scope = scope(account, r.symbol());
    if (!executions.add(scope, r.executionId(), 0)) {
      dropped++;
      return false;
    }
    if (r.isTrade() && !trades.add(scope, r.orderId(), r.tradeId())) {
      dropped++;
      return false;
    }
    return true;
  }

  public long dropped() {
    return dropped;
  }

  public int size() {
    return executions.size();
  }

  /**
   * The number of (account, symbol). Symbols interleave from frame to frame, so the account's own symbol map is kept
   * at hand (accounts change far less often) and a symbol is found by its cached String hash: no key object per frame.
   */
  private long scope(String account, String symbol) {
    if (lastAccountScopes != null && account == lastAccount && symbol == lastSymbol) {
      return lastScope;
    }
    if (lastAccountScopes == null || account != lastAccount) {
      lastAccountScopes = scopes.computeIfAbsent(account, a -> new HashMap<>());
      lastAccount = account;
    }
    Long id = lastAccountScopes.get(symbol);
    if (id == null) {
      id = (long) scopeCount++;
      lastAccountScopes.put(symbol, id);
    }
    lastSymbol = symbol;
    lastScope = id;
    return id;
  }
}
