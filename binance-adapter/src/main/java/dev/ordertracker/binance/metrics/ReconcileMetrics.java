package dev.ordertracker.binance.metrics;

import dev.ordertracker.binance.reconcile.CorrectionCause;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of continuous reconciliation (issue 14): corrections by cause, sweeps, query retries and unresolved
 * orders, rate-limit back-offs, the IP's used weight as the server last reported it, and per account the time of
 * the last successful sweep. Written on the verticle's context, readable anywhere; labels bounded (cause, account).
 */
public final class ReconcileMetrics {
  private final Map<CorrectionCause, LongAdder> corrections = new EnumMap<>(CorrectionCause.class);
  private final LongAdder sweeps = new LongAdder();
  private final LongAdder sweepFailures = new LongAdder();
  private final LongAdder queryRetries = new LongAdder();
  private final LongAdder unresolved = new LongAdder();
  private final LongAdder rateLimitBackoffs = new LongAdder();
  private final LongAdder bans = new LongAdder();
  private final LongAdder weightHolds = new LongAdder();
  private final AtomicLong usedWeight = new AtomicLong();
  private final Map<String, AtomicLong> lastSweepOkMs = new ConcurrentHashMap<>();

  public ReconcileMetrics() {
    for (CorrectionCause c : CorrectionCause.values()) {
      corrections.put(c, new LongAdder());
    }
  }

  public void correction(CorrectionCause cause) {
    corrections.get(cause).increment();
  }

  public long corrections(CorrectionCause cause) {
    return corrections.get(cause).sum();
  }

  public void sweep(String account, boolean ok, long nowMs) {
    sweeps.increment();
    if (ok) {
      lastSweepOkMs.computeIfAbsent(account, a -> new AtomicLong()).set(nowMs);
    } else {
      sweepFailures.increment();
    }
  }

  public long sweeps() {
    return sweeps.sum();
  }

  public long sweepFailures() {
    return sweepFailures.sum();
  }

  /** Epoch ms of the account's last successful sweep, or -1 when none succeeded yet. */
  public long lastSweepOkMs(String account) {
    AtomicLong v = lastSweepOkMs.get(account);
    return v == null ? -1 : v.get();
  }

  public void queryRetry() {
    queryRetries.increment();
  }

  public long queryRetries() {
    return queryRetries.sum();
  }

  /** An order left for the next sweep because its queries kept failing. */
  public void unresolved(int orders) {
    unresolved.add(orders);
  }

  public long unresolved() {
    return unresolved.sum();
  }

  /** A 429 (or, {@code banned}, a 418) stopped reconciliation until the server's retry time. */
  public void rateLimited(boolean banned) {
    rateLimitBackoffs.increment();
    if (banned) {
      bans.increment();
    }
  }

  public long rateLimitBackoffs() {
    return rateLimitBackoffs.sum();
  }

  public long bans() {
    return bans.sum();
  }

  /** Reconciliation waited for the next minute: the IP's used weight was at the configured share of the limit. */
  public void weightHeld() {
    weightHolds.increment();
  }

  public long weightHolds() {
    return weightHolds.sum();
  }

  public void usedWeight(long used) {
    usedWeight.set(used);
  }

  /** The IP's used request weight of the minute, as the server last reported it. */
  public long usedWeight() {
    return usedWeight.get();
  }
}
