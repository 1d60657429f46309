package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.UpdateKind;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.binance.codec.StatusMapping;
import dev.ordertracker.binance.feed.TrackerFeed;
import dev.ordertracker.binance.metrics.AdapterMetrics;
import io.vertx.core.Future;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One reconciliation of one account, spending little request weight and never all-or-nothing:
 * <ol>
 *   <li>{@code openOrders.status} for all symbols (weight 80): open orders whose status, executed quantity,
 *   quantity, client id and prevented quantity match the tracker need nothing more; open orders the tracker does not
 *   know are tracked from it;</li>
 *   <li>after a gap ({@link Sweep#looksBack()}): {@code allOrders} (weight 20 a page) over every symbol the account
 *   has had orders on, from the last time the stream was known good: orders born and maybe finished during the gap
 *   are published like any other;</li>
 *   <li>executor placeholders (an order tracked under its client id while its placement's outcome is unknown) and
 *   orders PENDING too long: {@code order.status} by client id / order id; a placeholder not found after the give-up
 *   time is LOST;</li>
 *   <li>trades of the orders that changed: per symbol, pages of 1,000 ({@code myTrades}, weight 20) from the first
 *   trade id the stream has not shown, or from the oldest such order's creation time; per order (weight 5) when only
 *   a few changed;</li>
 *   <li>{@code order.status} (weight 4) only for orders gone from the open list that their trades do not explain;</li>
 *   <li>{@link Reconciler} per order, its updates fed to the tracker in order; each order the tracker took a
 *   correction for is counted by {@link CorrectionCause} and logged.</li>
 * </ol>
 * Each query is retried on its own ({@link RetryingQueries}); an order whose query still fails is left untouched
 * until the next sweep (counted {@code unresolved}), the others are corrected. Only a failed open-orders query
 * fails the run. Every request is admitted by the {@link WeightBudget}. Owned by the verticle's context.
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

  /**
   * A reconciliation without lookback (what runs after a connect when nothing else is asked).
   *
   * @param active       the tracker's active orders of this account
   * @param tradeIdHints highest trade id the stream showed per symbol (may be empty)
   * @return the number of updates sent
   */
  public Future<Integer> run(String account, List<TrackedOrder> active, Map<String, Long> tradeIdHints) {
    return sweep(account, active, tradeIdHints, Sweep.afterConnect(System.currentTimeMillis()))
        .map(SweepResult::updates);
  }

  /** The full sweep of one account: open orders, lookback, placeholders, trades, statuses, corrections. */
  public Future<SweepResult> sweep(String account, List<TrackedOrder> active, Map<String, Long> tradeIdHints,
                                   Sweep sweep) {
    return queries.openOrders(account).compose(openList -> {
      Map<OrderKey, ExchangeOrder> open = new HashMap<>();
      Set<String> openClientIds = new java.util.HashSet<>();
      Set<String> symbols = new TreeSet<>(sweep.symbols());
      for (ExchangeOrder o : openList) {
        open.put(new OrderKey(o.symbol(), Long.toString(o.orderId())), o);
        openClientIds.add(o.symbol() + "\u0000" + o.clientOrderId());
        symbols.add(o.symbol());
      }
      Map<OrderKey, Need> needs = new LinkedHashMap<>();
      Set<OrderKey> tracked = new java.util.HashSet<>();
      List<TrackedOrder> placeholders = new ArrayList<>();
      List<TrackedOrder> pending = new ArrayList<>();
      for (TrackedOrder t : active) {
        symbols.add(t.symbol());
        if (t.status() == OrderStatus.PENDING && (isPlaceholder(t) || t.details().orderListId() == null)) {
          pending.add(t); // in-flight candidates; a pending order-list leg waits for its working leg by design
        }
        if (!isNumeric(t.orderId())) {
          // an executor placeholder: its open order (if any) is in the open list and adopts it; else ask by client id
          if (isPlaceholder(t) && !openClientIds.contains(t.symbol() + "\u0000" + t.clientOrderId())) {
            placeholders.add(t);
          }
          continue; // not a Binance order id: nothing else to reconcile
        }
        tracked.add(t.key());
        ExchangeOrder o = open.remove(t.key());
        if (!needsReconciling(t, o)) {
          misses.remove(t.key());
          continue;
        }
        needs.put(t.key(), new Need(t, o));
      }
      open.forEach((k, o) -> needs.put(k, new Need(null, o)));
      Future<Boolean> lookback = sweep.looksBack()
          ? new GapLookback(queries, account, needs, tracked).run(symbols, sweep.lookbackFromMs(), sweep.nowMs())
          : Future.succeededFuture(true);
      return lookback.compose(done -> placeholders(account, placeholders, needs, sweep)
          .compose(lost -> resolve(account, needs, tradeIdHints, sweep.cause(), lost))
          .map(t -> new SweepResult(t.updates, t.corrections, t.unresolved, done, symbols, pending)));
    });
  }

  /**
   * The in-flight check: orders PENDING too long (no NEW seen) are queried by order id, placeholders by client id.
   */
  public Future<SweepResult> checkInflight(String account, List<TrackedOrder> pending, Sweep sweep) {
    Map<OrderKey, Need> needs = new LinkedHashMap<>();
    List<TrackedOrder> placeholders = new ArrayList<>();
    for (TrackedOrder t : pending) {
      if (isNumeric(t.orderId())) {
        needs.put(t.key(), new Need(t, null));
      } else if (isPlaceholder(t)) {
        placeholders.add(t);
      }
    }
    return placeholders(account, placeholders, needs, sweep)
        .compose(lost -> resolve(account, needs, Map.of(), sweep.cause(), lost))
        .map(t -> new SweepResult(t.updates, t.corrections, t.unresolved, true, Set.of(), List.of()));
  }

  /** An order the executor tracks under its client id while the placement's outcome is unknown. */
  static boolean isPlaceholder(TrackedOrder t) {
    return t.status() == OrderStatus.PENDING && t.clientOrderId() != null && t.clientOrderId().equals(t.orderId());
  }

  /**
   * The sweep's decision for a tracked order: it needs queries (trades, status) unless it is in the open list with
   * the tracker's status, executed quantity, quantity, client id and prevented quantity. An order that left the open
   * list always does (filled, cancelled, expired, or forgotten).
   */
  static boolean needsReconciling(TrackedOrder t, ExchangeOrder openOrNull) {
    return openOrNull == null || !unchanged(t, openOrNull);
  }

  private static boolean unchanged(TrackedOrder t, ExchangeOrder o) {
    return StatusMapping.toTracker(o.status()) == t.status() && o.executedQty().compareTo(t.filledQuantity()) == 0
        && (t.quantity() == null || o.origQty().signum() <= 0 || o.origQty().compareTo(t.quantity()) == 0)
        && (t.clientOrderId() == null || o.clientOrderId() == null || o.clientOrderId().equals(t.clientOrderId()))
        && t.details().preventedCompare(o.details()) <= 0;
  }

  // ---- placeholders ----

  /** Queries each placeholder by client id: found → a need under its exchange id; not found too long → lost. */
  private Future<List<TrackedOrder>> placeholders(String account, List<TrackedOrder> list, Map<OrderKey, Need> needs,
                                                  Sweep sweep) {
    List<TrackedOrder> lost = new ArrayList<>();
    List<Future<?>> all = new ArrayList<>();
    for (TrackedOrder t : list) {
      long age = t.createdAt() == null ? Long.MAX_VALUE : sweep.nowMs() - t.createdAt().toEpochMilli();
      if (age < sweep.inflightAfterMs()) {
        continue;
      }
      all.add(queries.orderByClientId(account, t.symbol(), t.clientOrderId()).onSuccess(o -> {
        if (o != null) {
          needs.putIfAbsent(new OrderKey(o.symbol(), Long.toString(o.orderId())), Need.unknown(o));
        } else if (age >= sweep.giveUpMs()) {
          lost.add(t);
        }
      }).onFailure(e -> metrics.reconcile().unresolved(1)));
    }
    return Future.join(all).transform(ar -> Future.succeededFuture(lost));
  }

  // ---- trades, statuses, corrections ----

  private record Tally(int updates, int corrections, int unresolved) {
  }

  private Future<Tally> resolve(String account, Map<OrderKey, Need> needs, Map<String, Long> hints,
                                CorrectionCause cause, List<TrackedOrder> lostPlaceholders) {
    return fetchTrades(account, needs, hints)
        .compose(v -> fetchStatuses(account, needs))
        .compose(v -> feedUpdates(account, needs, cause, lostPlaceholders));
  }

  private Future<Void> fetchTrades(String account, Map<OrderKey, Need> needs, Map<String, Long> hints) {
    Map<String, List<Need>> bySymbol = new LinkedHashMap<>();
    for (Need n : needs.values()) {
      if (n.mayHaveTrades()) {
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
        all.add(pageTrades(account, symbol, hint != null ? hint + 1 : -1, since, byOrder)
            .onFailure(e -> list.forEach(n -> n.failed = true)));
      } else {
        for (Need n : list) {
          all.add(queries.tradesOfOrder(account, symbol, n.orderId()).onSuccess(n.trades::addAll)
              .onFailure(e -> n.failed = true));
        }
      }
    });
    return Future.join(all).transform(ar -> Future.succeededFuture());
  }

  /** Creation time of the oldest order (ms), or 0 when one is unknown: its trades can be older than any bound. */
  private static long earliestCreation(List<Need> list) {
    long min = Long.MAX_VALUE;
    for (Need n : list) {
      long t = n.createdMs();
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
      if (n.exchange != null || n.failed) {
        continue;
      }
      BigDecimal qty = n.tracked.quantity();
      if (qty != null && n.explainedQty().compareTo(qty) >= 0) {
        continue; // its trades say FILLED: no need to ask
      }
      all.add(queries.orderStatus(account, n.symbol(), n.orderId()).onSuccess(o -> n.exchange = o)
          .onFailure(e -> n.failed = true));
    }
    return Future.join(all).transform(ar -> Future.succeededFuture());
  }

  private Future<Tally> feedUpdates(String account, Map<OrderKey, Need> needs, CorrectionCause cause,
                                    List<TrackedOrder> lostPlaceholders) {
    int sent = 0;
    int unresolved = 0;
    Instant now = Instant.now();
    List<Future<Boolean>> corrected = new ArrayList<>();
    for (Map.Entry<OrderKey, Need> e : needs.entrySet()) {
      Need n = e.getValue();
      if (n.failed) {
        unresolved++; // left as it is: the next sweep asks again
        continue;
      }
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
      if (!r.updates().isEmpty()) {
        CorrectionCause c = n.tracked == null
            ? (cause == CorrectionCause.RECONNECT_GAP ? CorrectionCause.GAP_BORN : cause) : cause;
        corrected.add(apply(account, n, r.updates(), c));
        sent += r.updates().size();
      }
    }
    for (TrackedOrder t : lostPlaceholders) {
      metrics.orderLost();
      LOG.log(System.Logger.Level.WARNING, () -> "order " + t.symbol() + "/" + t.clientOrderId() + " of " + account
          + ": placement outcome unknown and not found on the exchange since " + t.createdAt() + ": LOST");
      corrected.add(apply(account, null, List.of(Reconciler.lostPlaceholder(t, account, now)), cause));
      sent++;
    }
    metrics.reconciled(sent);
    metrics.reconcile().unresolved(unresolved);
    int updates = sent;
    int left = unresolved;
    return Future.join(corrected).transform(ar -> {
      int n = 0;
      for (Future<Boolean> f : corrected) {
        n += f.succeeded() && f.result() ? 1 : 0;
      }
      return Future.succeededFuture(new Tally(updates, n, left));
    });
  }

  /** Feeds one order's updates in order; true when the tracker applied at least one (a correction, counted). */
  private Future<Boolean> apply(String account, Need n, List<OrderUpdate> updates, CorrectionCause cause) {
    List<Future<UpdateOutcome>> outcomes = new ArrayList<>(updates.size());
    for (OrderUpdate u : updates) {
      outcomes.add(feed.apply(u).onFailure(x -> {
        metrics.updateFailed();
        LOG.log(System.Logger.Level.WARNING, () -> "reconciliation update " + u.key() + " " + u.status()
            + " refused: " + x.getMessage());
      }));
    }
    return Future.join(outcomes).transform(ar -> {
      EnumSet<CorrectionCause> causes = EnumSet.noneOf(CorrectionCause.class);
      for (int i = 0; i < updates.size(); i++) {
        Future<UpdateOutcome> f = outcomes.get(i);
        if (f.succeeded() && f.result() == UpdateOutcome.APPLIED) {
          causes.add(updates.get(i).kind() == UpdateKind.AMENDMENT ? CorrectionCause.AMEND : cause);
        }
      }
      for (CorrectionCause c : causes) {
        metrics.reconcile().correction(c);
      }
      if (!causes.isEmpty()) {
        OrderUpdate last = updates.get(updates.size() - 1);
        LOG.log(System.Logger.Level.INFO, () -> "account " + account + ": corrected " + last.key() + " " + causes
            + (n != null && n.tracked != null ? " from " + n.tracked.status() : " (unknown to the tracker)")
            + " to " + last.status() + " with " + updates.size() + " update(s)");
      }
      return Future.succeededFuture(!causes.isEmpty());
    });
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
