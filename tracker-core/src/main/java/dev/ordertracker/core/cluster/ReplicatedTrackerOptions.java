package dev.ordertracker.core.cluster;

import dev.ordertracker.api.config.ConfigReader;
import dev.ordertracker.core.OrderTrackerOptions;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * Configuration of {@link ReplicatedTrackerVerticle} (deployment config JSON). Unknown keys and bad values are
 * rejected with a message naming the key.
 *
 * <pre>
 *   tracker              object        {}                        the OrderTrackerOptions of the tracker itself
 *   state_map            string        "orders.tracker.state"    clustered AsyncMap holding the replicated state
 *   term_counter         string        "orders.tracker.term"     clustered counter of tracker activations
 *   fence_check_ms       long &gt; 0      1000                      how often an idle tracker checks it still owns the state
 *   completed_ttl_ms     long &gt;= 0     86400000                  how long completed orders stay in the map (0 = forever)
 *   lease_ms             long &gt;= 0     0                         ownership lease; after a silence this long the tracker
 *                                                                  holds commands and re-verifies (0 = off). Set it below
 *                                                                  the cluster's heartbeat timeout
 *   verify_delay_ms      long &gt;= 0     7000                      how long to hold before re-verifying: above the
 *                                                                  cluster's heartbeat timeout
 *   retry_initial_ms     long &gt; 0      100                       first retry of a failed (not fenced) commit; doubles
 *   retry_max_ms         long &gt;= initial 5000                    longest wait between retries
 *   max_backlog          int 1..10^7    100000                    records waiting for replication beyond which new
 *                                                                  commands are refused (503 replication_backlog_full)
 *   max_unpublished_events int 1..10^6 1000                     events handed to the event bus whose writes have not
 *                                                                  completed (every commit carries them, for a
 *                                                                  successor to republish) beyond which new commands
 *                                                                  are refused the same way: a stuck bus cannot make
 *                                                                  the commit record grow without bound
 * </pre>
 */
public final class ReplicatedTrackerOptions {
  public static final String TRACKER = "tracker";
  public static final String STATE_MAP = "state_map";
  public static final String TERM_COUNTER = "term_counter";
  public static final String FENCE_CHECK_MS = "fence_check_ms";
  public static final String COMPLETED_TTL_MS = "completed_ttl_ms";
  public static final String LEASE_MS = "lease_ms";
  public static final String VERIFY_DELAY_MS = "verify_delay_ms";
  public static final String RETRY_INITIAL_MS = "retry_initial_ms";
  public static final String RETRY_MAX_MS = "retry_max_ms";
  public static final String MAX_BACKLOG = "max_backlog";
  public static final String MAX_UNPUBLISHED_EVENTS = "max_unpublished_events";

  public static final String DEFAULT_STATE_MAP = "orders.tracker.state";
  public static final String DEFAULT_TERM_COUNTER = "orders.tracker.term";
  public static final long DEFAULT_FENCE_CHECK_MS = 1000;
  public static final long DEFAULT_COMPLETED_TTL_MS = 24L * 3600 * 1000;
  public static final long DEFAULT_LEASE_MS = 0;
  public static final long DEFAULT_VERIFY_DELAY_MS = 7_000;
  public static final long DEFAULT_RETRY_INITIAL_MS = 100;
  public static final long DEFAULT_RETRY_MAX_MS = 5_000;
  public static final int DEFAULT_MAX_BACKLOG = 100_000;
  public static final int DEFAULT_MAX_UNPUBLISHED_EVENTS = 1_000;

  private static final Set<String> KEYS = Set.of(TRACKER, STATE_MAP, TERM_COUNTER, FENCE_CHECK_MS, COMPLETED_TTL_MS,
      LEASE_MS, VERIFY_DELAY_MS, RETRY_INITIAL_MS, RETRY_MAX_MS, MAX_BACKLOG, MAX_UNPUBLISHED_EVENTS);

  private final OrderTrackerOptions tracker;
  private final String stateMap;
  private final String termCounter;
  private final long fenceCheckMs;
  private final long completedTtlMs;
  private final long leaseMs;
  private final long verifyDelayMs;
  private final long retryInitialMs;
  private final long retryMaxMs;
  private final int maxBacklog;
  private final int maxUnpublishedEvents;

  /** @throws IllegalArgumentException naming the key */
  public ReplicatedTrackerOptions(JsonObject json) {
    ConfigReader r = ConfigReader.of(json, "", KEYS, "replicated tracker option");
    tracker = new OrderTrackerOptions(r.has(TRACKER) ? r.object(TRACKER) : new JsonObject());
    stateMap = r.text(STATE_MAP, DEFAULT_STATE_MAP);
    termCounter = r.text(TERM_COUNTER, DEFAULT_TERM_COUNTER);
    fenceCheckMs = r.longValue(FENCE_CHECK_MS, DEFAULT_FENCE_CHECK_MS, 1, Long.MAX_VALUE);
    completedTtlMs = r.longValue(COMPLETED_TTL_MS, DEFAULT_COMPLETED_TTL_MS, 0, Long.MAX_VALUE);
    leaseMs = r.longValue(LEASE_MS, DEFAULT_LEASE_MS, 0, Long.MAX_VALUE);
    verifyDelayMs = r.longValue(VERIFY_DELAY_MS, DEFAULT_VERIFY_DELAY_MS, 0, Long.MAX_VALUE);
    retryInitialMs = r.longValue(RETRY_INITIAL_MS, DEFAULT_RETRY_INITIAL_MS, 1, Long.MAX_VALUE);
    retryMaxMs = r.longValue(RETRY_MAX_MS, DEFAULT_RETRY_MAX_MS, retryInitialMs, Long.MAX_VALUE);
    maxBacklog = r.intValue(MAX_BACKLOG, DEFAULT_MAX_BACKLOG, 1, 10_000_000);
    maxUnpublishedEvents = r.intValue(MAX_UNPUBLISHED_EVENTS, DEFAULT_MAX_UNPUBLISHED_EVENTS, 1, 1_000_000);
  }

  public OrderTrackerOptions tracker() {
    return tracker;
  }

  public String stateMap() {
    return stateMap;
  }

  public String termCounter() {
    return termCounter;
  }

  public long fenceCheckMs() {
    return fenceCheckMs;
  }

  public long completedTtlMs() {
    return completedTtlMs;
  }

  public long leaseMs() {
    return leaseMs;
  }

  public long verifyDelayMs() {
    return verifyDelayMs;
  }

  public long retryInitialMs() {
    return retryInitialMs;
  }

  public long retryMaxMs() {
    return retryMaxMs;
  }

  public int maxBacklog() {
    return maxBacklog;
  }

  public int maxUnpublishedEvents() {
    return maxUnpublishedEvents;
  }
}
