package dev.ordertracker.binance.config;

import dev.ordertracker.api.config.ConfigReader;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The keys of continuous reconciliation (issue 14), part of the adapter's flat options (read and written by
 * {@link BinanceAdapterOptions}). Names follow Nautilus' {@code LiveExecEngineConfig} where it has one
 * ({@code open_check_interval_secs}, {@code inflight_check_interval_ms}, {@code inflight_check_threshold_ms},
 * {@code reconciliation_lookback_mins}), in milliseconds like every other key here.
 */
public final class ReconcileLoopOptions {
  /** A lost fill is found by the next sweep: within 30 s plus the sweep's own time, i.e. well within 60 s. */
  public static final long DEFAULT_OPEN_CHECK_INTERVAL_MS = 30_000;
  public static final long DEFAULT_INFLIGHT_CHECK_INTERVAL_MS = 2_000;
  public static final long DEFAULT_INFLIGHT_CHECK_THRESHOLD_MS = 5_000;
  /** Subtracted from the last time the stream was known good when looking back after a gap. */
  public static final long DEFAULT_LOOKBACK_MARGIN_MS = 10_000;
  /** A gap lookback never reaches further back (allOrders windows are at most 24 h each). */
  public static final long DEFAULT_LOOKBACK_MAX_MS = 24 * 3_600_000L;
  public static final int DEFAULT_QUERY_ATTEMPTS = 5;
  public static final long DEFAULT_QUERY_RETRY_INITIAL_DELAY_MS = 200;
  public static final long DEFAULT_QUERY_RETRY_MAX_DELAY_MS = 5_000;
  /** Reconciliation waits when the IP's used weight (as the server reports it) would pass this share of the limit. */
  public static final int DEFAULT_MAX_USED_WEIGHT_PERCENT = 80;
  /** An order whose placement outcome stays unknown this long is given up as LOST. */
  public static final long DEFAULT_UNKNOWN_OUTCOME_GIVE_UP_MS = 600_000;

  public static final String OPEN_CHECK_INTERVAL_MS = "open_check_interval_ms";
  public static final String INFLIGHT_CHECK_INTERVAL_MS = "inflight_check_interval_ms";
  public static final String INFLIGHT_CHECK_THRESHOLD_MS = "inflight_check_threshold_ms";
  public static final String LOOKBACK_MARGIN_MS = "reconcile_lookback_margin_ms";
  public static final String LOOKBACK_MAX_MS = "reconcile_lookback_max_ms";
  public static final String QUERY_ATTEMPTS = "query_attempts";
  public static final String QUERY_RETRY_INITIAL_DELAY_MS = "query_retry_initial_delay_ms";
  public static final String QUERY_RETRY_MAX_DELAY_MS = "query_retry_max_delay_ms";
  public static final String MAX_USED_WEIGHT_PERCENT = "max_used_weight_percent";
  public static final String UNKNOWN_OUTCOME_GIVE_UP_MS = "unknown_outcome_give_up_ms";

  static final Set<String> KEYS = Set.of(OPEN_CHECK_INTERVAL_MS, INFLIGHT_CHECK_INTERVAL_MS,
      INFLIGHT_CHECK_THRESHOLD_MS, LOOKBACK_MARGIN_MS, LOOKBACK_MAX_MS, QUERY_ATTEMPTS, QUERY_RETRY_INITIAL_DELAY_MS,
      QUERY_RETRY_MAX_DELAY_MS, MAX_USED_WEIGHT_PERCENT, UNKNOWN_OUTCOME_GIVE_UP_MS);

  private long openCheckIntervalMs = DEFAULT_OPEN_CHECK_INTERVAL_MS;
  private long inflightCheckIntervalMs = DEFAULT_INFLIGHT_CHECK_INTERVAL_MS;
  private long inflightCheckThresholdMs = DEFAULT_INFLIGHT_CHECK_THRESHOLD_MS;
  private long lookbackMarginMs = DEFAULT_LOOKBACK_MARGIN_MS;
  private long lookbackMaxMs = DEFAULT_LOOKBACK_MAX_MS;
  private int queryAttempts = DEFAULT_QUERY_ATTEMPTS;
  private long queryRetryInitialDelayMs = DEFAULT_QUERY_RETRY_INITIAL_DELAY_MS;
  private long queryRetryMaxDelayMs = DEFAULT_QUERY_RETRY_MAX_DELAY_MS;
  private int maxUsedWeightPercent = DEFAULT_MAX_USED_WEIGHT_PERCENT;
  private long unknownOutcomeGiveUpMs = DEFAULT_UNKNOWN_OUTCOME_GIVE_UP_MS;

  public ReconcileLoopOptions() {
  }

  ReconcileLoopOptions(ConfigReader in) {
    setOpenCheckIntervalMs(in.longValue(OPEN_CHECK_INTERVAL_MS, DEFAULT_OPEN_CHECK_INTERVAL_MS));
    setInflightCheckIntervalMs(in.longValue(INFLIGHT_CHECK_INTERVAL_MS,
        DEFAULT_INFLIGHT_CHECK_INTERVAL_MS));
    setInflightCheckThresholdMs(in.longValue(INFLIGHT_CHECK_THRESHOLD_MS,
        DEFAULT_INFLIGHT_CHECK_THRESHOLD_MS));
    setLookbackMarginMs(in.longValue(LOOKBACK_MARGIN_MS, DEFAULT_LOOKBACK_MARGIN_MS));
    setLookbackMaxMs(in.longValue(LOOKBACK_MAX_MS, DEFAULT_LOOKBACK_MAX_MS));
    setQueryAttempts(in.intValue(QUERY_ATTEMPTS, DEFAULT_QUERY_ATTEMPTS));
    setQueryRetryInitialDelayMs(in.longValue(QUERY_RETRY_INITIAL_DELAY_MS,
        DEFAULT_QUERY_RETRY_INITIAL_DELAY_MS));
    setQueryRetryMaxDelayMs(in.longValue(QUERY_RETRY_MAX_DELAY_MS,
        DEFAULT_QUERY_RETRY_MAX_DELAY_MS));
    setMaxUsedWeightPercent(in.intValue(MAX_USED_WEIGHT_PERCENT,
        DEFAULT_MAX_USED_WEIGHT_PERCENT));
    setUnknownOutcomeGiveUpMs(in.longValue(UNKNOWN_OUTCOME_GIVE_UP_MS,
        DEFAULT_UNKNOWN_OUTCOME_GIVE_UP_MS));
  }

  void validate() {
    if (queryRetryMaxDelayMs < queryRetryInitialDelayMs) {
      throw new IllegalArgumentException(QUERY_RETRY_MAX_DELAY_MS + ": must be >= " + QUERY_RETRY_INITIAL_DELAY_MS);
    }
  }

  void writeTo(JsonObject json) {
    json.put(OPEN_CHECK_INTERVAL_MS, openCheckIntervalMs).put(INFLIGHT_CHECK_INTERVAL_MS, inflightCheckIntervalMs)
        .put(INFLIGHT_CHECK_THRESHOLD_MS, inflightCheckThresholdMs).put(LOOKBACK_MARGIN_MS, lookbackMarginMs)
        .put(LOOKBACK_MAX_MS, lookbackMaxMs).put(QUERY_ATTEMPTS, queryAttempts)
        .put(QUERY_RETRY_INITIAL_DELAY_MS, queryRetryInitialDelayMs).put(QUERY_RETRY_MAX_DELAY_MS, queryRetryMaxDelayMs)
        .put(MAX_USED_WEIGHT_PERCENT, maxUsedWeightPercent).put(UNKNOWN_OUTCOME_GIVE_UP_MS, unknownOutcomeGiveUpMs);
  }

  private static long atLeast(String key, long min, long value) {
    if (value < min) {
      throw new IllegalArgumentException(key + ": must be >= " + min + ", was " + value);
    }
    return value;
  }

  public long getOpenCheckIntervalMs() {
    return openCheckIntervalMs;
  }

  /** How often each account's open orders are swept (an {@code openOrders.status}, weight 80). */
  public ReconcileLoopOptions setOpenCheckIntervalMs(long value) {
    this.openCheckIntervalMs = atLeast(OPEN_CHECK_INTERVAL_MS, 100, value);
    return this;
  }

  public long getInflightCheckIntervalMs() {
    return inflightCheckIntervalMs;
  }

  public ReconcileLoopOptions setInflightCheckIntervalMs(long value) {
    this.inflightCheckIntervalMs = atLeast(INFLIGHT_CHECK_INTERVAL_MS, 50, value);
    return this;
  }

  public long getInflightCheckThresholdMs() {
    return inflightCheckThresholdMs;
  }

  /** An order PENDING longer than this (placed, no NEW seen) is queried. */
  public ReconcileLoopOptions setInflightCheckThresholdMs(long value) {
    this.inflightCheckThresholdMs = atLeast(INFLIGHT_CHECK_THRESHOLD_MS, 0, value);
    return this;
  }

  public long getLookbackMarginMs() {
    return lookbackMarginMs;
  }

  public ReconcileLoopOptions setLookbackMarginMs(long value) {
    this.lookbackMarginMs = atLeast(LOOKBACK_MARGIN_MS, 0, value);
    return this;
  }

  public long getLookbackMaxMs() {
    return lookbackMaxMs;
  }

  public ReconcileLoopOptions setLookbackMaxMs(long value) {
    this.lookbackMaxMs = atLeast(LOOKBACK_MAX_MS, 1_000, value);
    return this;
  }

  public int getQueryAttempts() {
    return queryAttempts;
  }

  /** Attempts of one reconciliation query within a sweep (the first included); the next sweep tries again. */
  public ReconcileLoopOptions setQueryAttempts(int value) {
    this.queryAttempts = (int) atLeast(QUERY_ATTEMPTS, 1, value);
    return this;
  }

  public long getQueryRetryInitialDelayMs() {
    return queryRetryInitialDelayMs;
  }

  public ReconcileLoopOptions setQueryRetryInitialDelayMs(long value) {
    this.queryRetryInitialDelayMs = atLeast(QUERY_RETRY_INITIAL_DELAY_MS, 1, value);
    return this;
  }

  public long getQueryRetryMaxDelayMs() {
    return queryRetryMaxDelayMs;
  }

  public ReconcileLoopOptions setQueryRetryMaxDelayMs(long value) {
    this.queryRetryMaxDelayMs = atLeast(QUERY_RETRY_MAX_DELAY_MS, 1, value);
    return this;
  }

  public int getMaxUsedWeightPercent() {
    return maxUsedWeightPercent;
  }

  public ReconcileLoopOptions setMaxUsedWeightPercent(int value) {
    if (value < 1 || value > 100) {
      throw new IllegalArgumentException(MAX_USED_WEIGHT_PERCENT + ": must be in 1..100, was " + value);
    }
    this.maxUsedWeightPercent = value;
    return this;
  }

  public long getUnknownOutcomeGiveUpMs() {
    return unknownOutcomeGiveUpMs;
  }

  public ReconcileLoopOptions setUnknownOutcomeGiveUpMs(long value) {
    this.unknownOutcomeGiveUpMs = atLeast(UNKNOWN_OUTCOME_GIVE_UP_MS, 1, value);
    return this;
  }
}
