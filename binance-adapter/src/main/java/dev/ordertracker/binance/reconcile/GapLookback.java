package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.OrderKey;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a gap: every order of the account updated since the last time the stream was known good, on every symbol it
 * has had orders on ({@code allOrders}, weight 20, at most 1,000 orders and 24 h a request; "orders are filtered by
 * time of the last execution status update", web-socket-api.md "Account order history"). Windows of at most 24 h;
 * a full page is split in halves (no assumption on the answer's order). The orders the tracker does not hold active
 * become needs: orders born during the gap. One lookback, on the verticle's context.
 */
final class GapLookback {
  private static final System.Logger LOG = System.getLogger(GapLookback.class.getName());

  private final ExchangeQueries queries;
  private final String account;
  private final Map<OrderKey, Need> needs;
  private final Set<OrderKey> tracked;

  GapLookback(ExchangeQueries queries, String account, Map<OrderKey, Need> needs, Set<OrderKey> tracked) {
    this.queries = queries;
    this.account = account;
    this.needs = needs;
    this.tracked = tracked;
  }

  /**
   * Orders updated since {@code fromMs} on every symbol, in windows of at most 24 h, a full window split in halves:
   * those the tracker does not hold active become needs (gap-born orders; a finished order the tracker already has
   * is refused by it as a duplicate, so nothing is published twice). True when every window answered.
   */
  Future<Boolean> run(Set<String> symbols, long fromMs, long toMs) {
    List<Future<Boolean>> all = new ArrayList<>();
    for (String symbol : symbols) {
      for (long start = fromMs; start <= toMs; start += ExchangeQueries.ALL_ORDERS_MAX_RANGE_MS) {
        long end = Math.min(toMs, start + ExchangeQueries.ALL_ORDERS_MAX_RANGE_MS - 1);
        all.add(window(symbol, start, end));
      }
    }
    return Future.join(all).map(f -> all.stream().allMatch(x -> x.result() == Boolean.TRUE))
        .otherwise(f -> false);
  }

  private Future<Boolean> window(String symbol, long start, long end) {
    return queries.ordersUpdatedBetween(account, symbol, start, end).compose(page -> {
      if (page.size() >= ExchangeQueries.ORDERS_PAGE && end > start) {
        long mid = start + (end - start) / 2;
        return Future.join(window(symbol, start, mid), window(symbol, mid + 1, end)).map(cf -> cf.<Boolean>resultAt(0)
            && cf.<Boolean>resultAt(1)).otherwise(f -> false);
      }
      for (ExchangeOrder o : page) {
        OrderKey key = new OrderKey(o.symbol(), Long.toString(o.orderId()));
        if (!tracked.contains(key) && !needs.containsKey(key)) {
          needs.put(key, Need.unknown(o));
        }
      }
      return Future.succeededFuture(true);
    }, e -> {
      LOG.log(System.Logger.Level.WARNING, () -> "account " + account + ": order history of " + symbol
          + " not read (" + e.getMessage() + "): the lookback is repeated next sweep");
      return Future.succeededFuture(false);
    });
  }
}
