package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.config.ReconcileLoopOptions;
import dev.ordertracker.binance.metrics.ReconcileMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Continuous reconciliation (issue 14), independent of connects, per account (Nautilus' {@code LiveExecEngineConfig}
 * is the anchor):
 * <ul>
 *   <li>a sweep ({@link ReconcileRun#sweep}) every {@code open_check_interval_ms}: a lost report on a healthy
 *   connection is found by the next sweep;</li>
 *   <li>after a gap ({@link #gap}: a reconnect, a renewal) a sweep at once, with a lookback from the last time the
 *   stream was known good minus {@code reconcile_lookback_margin_ms}; the lookback is asked again until one sweep
 *   completed it;</li>
 *   <li>every {@code inflight_check_interval_ms}: orders PENDING for longer than {@code inflight_check_threshold_ms}
 *   (seen by the last sweep) are queried, each again after a doubling delay;</li>
 *   <li>a failed sweep (the open-orders query or the tracker did not answer) is retried after a backoff from
 *   {@code retryInitialMs}, doubling to {@code retryMaxMs}; one account's failure never delays another's.</li>
 * </ul>
 * All state lives on the verticle's context.
 */
public final class ReconcileLoop {
  private static final System.Logger LOG = System.getLogger(ReconcileLoop.class.getName());

  private final Vertx vertx;
  private final ReconcileRun run;
  private final ReconcileLoopOptions options;
  private final ReconcileMetrics metrics;
  private final long retryInitialMs;
  private final long retryMaxMs;
  /** The account's active orders (the tracker's, filtered), asked before each sweep. */
  private final Function<String, Future<List<TrackedOrder>>> activeOrders;
  /** The highest trade id the stream showed per symbol, per account. */
  private final Function<String, Map<String, Long>> tradeIdHints;
  private final Map<String, AccountState> accounts = new LinkedHashMap<>();
  private long sweepTimer = -1;
  private long inflightTimer = -1;
  private boolean stopped;

  private static final class AccountState {
    final String name;
    boolean running;
    boolean again;
    /** Pending lookback start (epoch ms), or -1. */
    long lookbackFromMs = -1;
    boolean gapPending;
    /** Bumped by every gap: a sweep that started before the latest gap does not clear it. */
    long gapGeneration;
    final Set<String> symbols = new TreeSet<>();
    final Map<OrderKey, TrackedOrder> pending = new HashMap<>();
    final Map<OrderKey, Long> nextInflightCheck = new HashMap<>();
    final Map<OrderKey, Long> inflightDelay = new HashMap<>();
    final List<Promise<Integer>> waiting = new ArrayList<>();
    long retryDelayMs;
    long retryTimer = -1;

    AccountState(String name) {
      this.name = name;
    }
  }

  public ReconcileLoop(Vertx vertx, ReconcileRun run, ReconcileLoopOptions options, ReconcileMetrics metrics,
                       long retryInitialMs, long retryMaxMs, Iterable<String> accountNames,
                       Function<String, Future<List<TrackedOrder>>> activeOrders,
                       Function<String, Map<String, Long>> tradeIdHints) {
    this.vertx = vertx;
    this.run = run;
    this.options = options;
    this.metrics = metrics;
    this.retryInitialMs = retryInitialMs;
    this.retryMaxMs = retryMaxMs;
    this.activeOrders = activeOrders;
    this.tradeIdHints = tradeIdHints;
    for (String a : accountNames) {
      AccountState s = new AccountState(a);
      s.retryDelayMs = retryInitialMs;
      accounts.put(a, s);
    }
  }

  /** Starts the periodic sweeps and in-flight checks. */
  public void start() {
    if (sweepTimer < 0 && !stopped) {
      sweepTimer = vertx.setPeriodic(options.getOpenCheckIntervalMs(), t -> accounts.values().forEach(this::sweep));
      inflightTimer = vertx.setPeriodic(options.getInflightCheckIntervalMs(),
          t -> accounts.values().forEach(this::checkInflight));
    }
  }

  public void stop() {
    stopped = true;
    cancel(sweepTimer);
    cancel(inflightTimer);
    for (AccountState s : accounts.values()) {
      cancel(s.retryTimer);
      s.waiting.forEach(p -> p.tryFail("reconciliation stopped"));
      s.waiting.clear();
    }
  }

  /**
   * A gap: the stream may have missed reports since {@code knownGoodMs} (epoch ms; -1 when there is no earlier
   * stream, e.g. the first connect: then no lookback). Sweeps every account now; the future completes with the
   * updates sent once each account had a successful sweep started after this call.
   */
  public Future<Integer> gap(long knownGoodMs) {
    List<Future<Integer>> all = new ArrayList<>();
    for (AccountState s : accounts.values()) {
      s.gapPending = true;
      s.gapGeneration++;
      if (knownGoodMs > 0) {
        long from = Math.max(knownGoodMs - options.getLookbackMarginMs(),
            System.currentTimeMillis() - options.getLookbackMaxMs());
        s.lookbackFromMs = s.lookbackFromMs < 0 ? from : Math.min(s.lookbackFromMs, from);
      }
      Promise<Integer> p = Promise.promise();
      s.waiting.add(p);
      all.add(p.future());
      cancel(s.retryTimer);
      s.retryTimer = -1;
      sweep(s);
    }
    return Future.all(all).map(cf -> {
      int n = 0;
      for (int i = 0; i < all.size(); i++) {
        n += cf.<Integer>resultAt(i);
      }
      return n;
    });
  }

  /** Sweeps one account now (tests, operations); the answer once it is done. */
  public Future<Integer> sweepNow(String account) {
    AccountState s = accounts.get(account);
    if (s == null) {
      return Future.failedFuture(new IllegalArgumentException("unknown account " + account));
    }
    Promise<Integer> p = Promise.promise();
    s.waiting.add(p);
    sweep(s);
    return p.future();
  }

  private void sweep(AccountState s) {
    if (stopped) {
      return;
    }
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = true;
    List<Promise<Integer>> served = new ArrayList<>(s.waiting);
    s.waiting.clear();
    boolean afterGap = s.gapPending;
    long generation = s.gapGeneration;
    long lookbackFrom = s.lookbackFromMs;
    long now = System.currentTimeMillis();
    Map<String, Long> hints = tradeIdHints.apply(s.name);
    s.symbols.addAll(hints.keySet()); // symbols the stream showed trades on belong to the lookback's scope too
    Sweep sweep = new Sweep(afterGap ? CorrectionCause.RECONNECT_GAP : CorrectionCause.LOST_REPORT, lookbackFrom,
        s.symbols, now, options.getInflightCheckThresholdMs(), options.getUnknownOutcomeGiveUpMs());
    activeOrders.apply(s.name)
        .compose(active -> run.sweep(s.name, active, hints, sweep))
        .onComplete(ar -> {
          s.running = false;
          metrics.sweep(s.name, ar.succeeded(), System.currentTimeMillis());
          if (ar.succeeded()) {
            SweepResult r = ar.result();
            s.symbols.addAll(r.symbols());
            if (s.gapGeneration == generation) {
              s.gapPending = false;
            }
            if (r.lookbackDone() && s.lookbackFromMs == lookbackFrom) {
              s.lookbackFromMs = -1;
            }
            s.pending.clear();
            r.pending().forEach(o -> s.pending.put(o.key(), o));
            s.nextInflightCheck.keySet().retainAll(s.pending.keySet());
            s.inflightDelay.keySet().retainAll(s.pending.keySet());
            s.retryDelayMs = retryInitialMs;
            served.forEach(p -> p.tryComplete(r.updates()));
            if (r.corrections() > 0 || r.unresolved() > 0) {
              LOG.log(System.Logger.Level.INFO, () -> "account " + s.name + ": sweep made " + r.corrections()
                  + " correction(s), " + r.unresolved() + " order(s) left for the next sweep");
            }
          } else {
            s.waiting.addAll(0, served); // still owed a successful sweep
            long delay = s.retryDelayMs;
            s.retryDelayMs = Math.min(retryMaxMs, s.retryDelayMs * 2);
            LOG.log(System.Logger.Level.WARNING, () -> "account " + s.name + ": reconciliation failed ("
                + ar.cause().getMessage() + "); again in " + delay + " ms");
            if (!stopped && s.retryTimer < 0) {
              s.retryTimer = vertx.setTimer(delay, t -> {
                s.retryTimer = -1;
                sweep(s);
              });
            }
          }
          if (s.again) {
            s.again = false;
            sweep(s);
          }
        });
  }

  private void checkInflight(AccountState s) {
    if (stopped || s.running || s.pending.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    List<TrackedOrder> due = new ArrayList<>();
    for (TrackedOrder o : s.pending.values()) {
      long age = o.createdAt() == null ? Long.MAX_VALUE : now - o.createdAt().toEpochMilli();
      if (age >= options.getInflightCheckThresholdMs() && s.nextInflightCheck.getOrDefault(o.key(), 0L) <= now) {
        due.add(o);
        long delay = s.inflightDelay.getOrDefault(o.key(), Math.max(1, options.getInflightCheckThresholdMs()));
        s.nextInflightCheck.put(o.key(), now + delay);
        s.inflightDelay.put(o.key(), Math.min(delay * 2, options.getOpenCheckIntervalMs()));
      }
    }
    if (due.isEmpty()) {
      return;
    }
    s.running = true;
    Sweep sweep = new Sweep(CorrectionCause.LOST_REPORT, -1, Set.of(), now, options.getInflightCheckThresholdMs(),
        options.getUnknownOutcomeGiveUpMs());
    run.checkInflight(s.name, due, sweep).onComplete(ar -> {
      s.running = false;
      if (s.again) {
        s.again = false;
        sweep(s);
      }
    });
  }

  private void cancel(long timer) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
