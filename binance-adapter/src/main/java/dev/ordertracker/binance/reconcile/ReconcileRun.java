package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.codec.StatusMapping;
import dev.ordertracker.binance.feed.TrackerFeed;
import dev.ordertracker.binance.metrics.AdapterMetrics;
import io.vertx.core.Future;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reconciliation of one account after a (re)connect, spending little request weight:
 * <ol>
 *   <li>{@code openOrders.status} for all symbols (weight 80): open orders whose status, executed quantity,
 *   quantity, client id and prevented quantity match the tracker need nothing more (an amend or a self-trade
 *   prevention missed while disconnected changes only the last three); open orders the tracker does not know are tracked from it;</li>
 *   <li>trades of the orders that changed: per symbol, pages of 1,000 trades ({@code myTrades}, weight 20 a page)
 *   from the first trade id the stream has not shown, or from the oldest such order's creation time; per order
 *   (weight 5) when only a few orders of the symbol changed;</li>
 *   <li>{@code order.status} (weight 4) only for orders gone from the open list that their trades do not explain
 *   (cancelled, expired, forgotten);</li>
 *   <li>{@link Reconciler} per order, its updates fed to the tracker in order.</li>
 * </ol>
 * Every request is admitted by the {@link WeightBudget}. Owned by the verticle's context.
 */
public final class ReconcileRun {
  private static final System.Logger LOG = System.getLogger(ReconcileRun.class.getName());
  /** Above this many orders of one symbol needing trades, pages of the symbol's trades are cheaper. */
  private static final int BULK_THRESHOLD = 4;

  private final ExchangeQueries queries;
  private final TrackerFeed feed;
  private final AdapterMetrics metrics;
  private final int lostAfterMisses;
  private final Map<OrderKey, Integer> misses;

  /** @param misses consecutive "not found" counts per order, kept by the caller across runs */
  public ReconcileRun(ExchangeQueries queries, TrackerFeed feed, AdapterMetrics metrics, int lostAfterMisses,
                      Map<OrderKey, Integer> misses) {
    this.queries = queries;
    this.feed = feed;
    this.metrics = metrics;
    this.lostAfterMisses = lostAfterMisses;
    this.misses = misses;
  }

  private static final class Need {
    final TrackedOrder tracked;
    final ExchangeOrder open;
    ExchangeOrder exchange;
    final List<ExchangeTrade> trades = new ArrayList<>();

    Need(TrackedOrder tracked, ExchangeOrder open) {
      this.tracked = tracked;
      this.open = open;
      this.exchange = open;
    }

    String symbol() {
      return tracked != null ? tracked.symbol() : open.symbol();
    }

    long orderId() {
      return tracked != null ? Long.parseLong(tracked.orderId()) : open.orderId();
    }

    BigDecimal explainedQty() {
      BigDecimal q = tracked == null ? BigDecimal.ZERO : tracked.filledQuantity();
      java.util.Set<Long> known = new java.util.HashSet<>();
      if (tracked != null) {
        tracked.fills().forEach(f -> known.add(f.tradeId()));
      }
      for (ExchangeTrade t : trades) {
        if (known.add(t.id())) {
          q = q.add(t.qty());
        }
      }
      return q;
    }
  }

  /**
   * @param active       the tracker's active orders of this account
   * @param tradeIdHints highest trade id the stream showed per symbol (may be empty)
   * @return the number of updates sent
   */
  public Future<Integer> run(String account, List<TrackedOrder> active, Map<String, Long> tradeIdHints) {
    return queries.openOrders(account).compose(openList -> {
      Map<OrderKey, ExchangeOrder> open = new HashMap<>();
      openList.forEach(o -> open.put(new OrderKey(o.symbol(), Long.toString(o.orderId())), o));
      Map<OrderKey, Need> needs = new LinkedHashMap<>();
      for (TrackedOrder t : active) {
        if (!isNumeric(t.orderId())) {
          continue; // not a Binance order id: not ours to reconcile
        }
        ExchangeOrder o = open.remove(t.key());
        if (o != null && unchanged(t, o)) {
          misses.remove(t.key());
          continue;
        }
        needs.put(t.key(), new Need(t, o));
      }
      open.forEach((k, o) -> needs.put(k, new Need(null, o)));
      return fetchTrades(account, needs, tradeIdHints)
          .compose(v -> fetchStatuses(account, needs))
          .map(v -> feedUpdates(account, needs));
    });
  }

  private static boolean unchanged(TrackedOrder t, ExchangeOrder o) {
    return StatusMapping.toTracker(o.status()) == t.status() && o.executedQty().compareTo(t.filledQuantity()) == 0
        && (t.quantity() == null || o.origQty().signum() <= 0 || o.origQty().compareTo(t.quantity()) == 0)
        && (t.clientOrderId() == null || o.clientOrderId() == null || o.clientOrderId().equals(t.clientOrderId()))
        && t.details().preventedCompare(o.details()) <= 0;
  }

  private Future<Void> fetchTrades(String account, Map<OrderKey, Need> needs, Map<String, Long> hints) {
    Map<String, List<Need>> bySymbol = new LinkedHashMap<>();
    for (Need n : needs.values()) {
      boolean mayHaveTrades = n.exchange == null
          || n.exchange.executedQty().compareTo(n.tracked == null ? BigDecimal.ZERO : n.tracked.filledQuantity()) > 0;
      if (mayHaveTrades) {
        bySymbol.computeIfAbsent(n.symbol(), s -> new ArrayList<>()).add(n);
      }
    }
    List<Future<?>> all = new ArrayList<>();
    bySymbol.forEach((symbol, list) -> {
      Long hint = hints.get(symbol);
      long since = earliestCreation(list);
      if (list.size() > BULK_THRESHOLD && (hint != null || since > 0)) {
        Map<Long, Need> byOrder = new HashMap<>();
        list.forEach(n -> byOrder.put(n.orderId(), n));
        all.add(pageTrades(account, symbol, hint != null ? hint + 1 : -1, since, byOrder));
      } else {
        for (Need n : list) {
          all.add(queries.tradesOfOrder(account, symbol, n.orderId()).onSuccess(n.trades::addAll));
        }
      }
    });
    return Future.all(all).mapEmpty();
  }

  /** Creation time of the oldest order (ms), or 0 when one is unknown: its trades can be older than any bound. */
  private static long earliestCreation(List<Need> list) {
    long min = Long.MAX_VALUE;
    for (Need n : list) {
      Instant created = n.tracked != null ? n.tracked.createdAt() : null;
      long t = created != null ? created.toEpochMilli() : n.open != null ? n.open.time() : -1;
      if (t <= 0) {
        return 0;
      }
      min = Math.min(min, t);
    }
    return min == Long.MAX_VALUE ? 0 : min;
  }

  private Future<Void> pageTrades(String account, String symbol, long fromId, long since, Map<Long, Need> byOrder) {
    return queries.tradesFrom(account, symbol, fromId, since).compose(page -> {
      long maxId = fromId - 1;
      for (ExchangeTrade t : page) {
        Need n = byOrder.get(t.orderId());
        if (n != null) {
          n.trades.add(t);
        }
        maxId = Math.max(maxId, t.id());
      }
      return page.size() < ExchangeQueries.TRADES_PAGE ? Future.succeededFuture()
          : pageTrades(account, symbol, maxId + 1, since, byOrder);
    });
  }

  private Future<Void> fetchStatuses(String account, Map<OrderKey, Need> needs) {
    List<Future<?>> all = new ArrayList<>();
    for (Need n : needs.values()) {
      if (n.exchange != null) {
        continue;
      }
      BigDecimal qty = n.tracked.quantity();
      if (qty != null && n.explainedQty().compareTo(qty) >= 0) {
        continue; // its trades say FILLED: no need to ask
      }
      all.add(queries.orderStatus(account, n.symbol(), n.orderId()).onSuccess(o -> n.exchange = o));
    }
    return Future.all(all).mapEmpty();
  }

  private int feedUpdates(String account, Map<OrderKey, Need> needs) {
    int sent = 0;
    Instant now = Instant.now();
    for (Map.Entry<OrderKey, Need> e : needs.entrySet()) {
      Need n = e.getValue();
      Reconciliation r = Reconciler.reconcile(n.tracked, n.exchange, n.trades, account,
          misses.getOrDefault(e.getKey(), 0), lostAfterMisses, now);
      if (r.misses() > 0 && !r.lost()) {
        misses.put(e.getKey(), r.misses());
      } else {
        misses.remove(e.getKey());
      }
      if (r.lost()) {
        metrics.orderLost();
        LOG.log(System.Logger.Level.WARNING, () -> "order " + e.getKey() + " of " + account + " is lost after "
            + r.misses() + " queries: the exchange no longer knows it and no trade explains its end");
      }
      for (OrderUpdate u : r.updates()) {
        feed.apply(u).onFailure(x -> {
          metrics.updateFailed();
          LOG.log(System.Logger.Level.WARNING, () -> "reconciliation update " + u.key() + " " + u.status()
              + " refused: " + x.getMessage());
        });
        sent++;
      }
    }
    metrics.reconciled(sent);
    return sent;
  }

  private static boolean isNumeric(String id) {
    if (id.isEmpty() || id.length() > 18) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (!Character.isDigit(id.charAt(i))) {
        return false;
      }
    }
    return true;
  }

}
