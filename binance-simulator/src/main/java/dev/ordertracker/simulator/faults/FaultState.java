package dev.ordertracker.simulator.faults;

import io.vertx.core.json.JsonObject;

/**
 * The armed faults, read and consumed by the delivery and request paths. Owned by the simulator context: only
 * touched from it (the public {@link FaultInjector} hops there first).
 */
public final class FaultState {

  private boolean paused;
  private long droppedWhilePaused;
  private int dropAfterEvents;
  private int duplicateNext;
  private int reorderNext;
  private int failNext;
  private int rejectClockNext;
  private FailureKind failKind = FailureKind.HTTP_5XX;
  private long refuseUntil;
  private int dropNextReports;
  private long droppedReports;
  /** Per query method (WebSocket API name): answers still to fail. */
  private final java.util.Map<String, Integer> failQueries = new java.util.HashMap<>();
  private QueryFailure queryFailure = new QueryFailure(FailureKind.HTTP_5XX, 0);
  /** Every distinct query fails its first {@code failEachQuery} answers; counted per request key. */
  private int failEachQuery;
  private QueryFailure eachQueryFailure = new QueryFailure(FailureKind.HTTP_5XX, 0);
  private final java.util.Map<String, Integer> failedPerQuery = new java.util.HashMap<>();
  private LatePlacement latePlacement;
  /** Every query answer fails with this probability (percent), drawn from a seeded generator. */
  private int failQueryPercent;
  private QueryFailure randomQueryFailure = new QueryFailure(FailureKind.HTTP_5XX, 0);
  private final java.util.Random random = new java.util.Random(14);

  public boolean paused() {
    return paused;
  }

  void paused(boolean paused) {
    this.paused = paused;
  }

  public void countDroppedWhilePaused() {
    droppedWhilePaused++;
  }

  void dropAfterEvents(int n) {
    dropAfterEvents = n;
  }

  /** Counts one delivered event; true when the armed drop-after-N fault fires now. */
  public boolean countDeliveredAndCheckDrop() {
    if (dropAfterEvents > 0) {
      dropAfterEvents--;
      return dropAfterEvents == 0;
    }
    return false;
  }

  void duplicateNext(int n) {
    duplicateNext = n;
  }

  /** True when this event must be delivered twice. */
  public boolean takeDuplicate() {
    if (duplicateNext > 0) {
      duplicateNext--;
      return true;
    }
    return false;
  }

  void reorderNext(int n) {
    reorderNext = n;
  }

  public int reorderPending() {
    return reorderNext;
  }

  /** Consumes one reorder slot; returns how many remain. */
  public int takeReorder() {
    return --reorderNext;
  }

  void failNext(int n, FailureKind kind) {
    failNext = n;
    failKind = kind;
  }

  /** The failure to answer this request with, or null. The request is executed anyway. */
  public FailureKind takeFailure() {
    if (failNext > 0) {
      failNext--;
      return failKind;
    }
    return null;
  }

  void rejectClockNext(int n) {
    rejectClockNext = n;
  }

  /**
   * True when this signed request is to be refused with -1021 (timestamp ahead of the server) before it runs: what
   * Binance answers a client whose clock estimate is off by more than a second.
   */
  public boolean takeClockRejection() {
    if (rejectClockNext > 0) {
      rejectClockNext--;
      return true;
    }
    return false;
  }

  void dropNextReports(int n) {
    dropNextReports = n;
  }

  /**
   * True when this event is an executionReport to be lost while the connection stays up (what streams do:
   * ccxt #27412); other events pass.
   */
  public boolean takeDroppedReport(String eventJson) {
    if (dropNextReports > 0 && eventJson.contains("\"e\":\"executionReport\"")) {
      dropNextReports--;
      droppedReports++;
      return true;
    }
    return false;
  }

  void failQueries(String method, int n, QueryFailure failure) {
    failQueries.put(method, n);
    queryFailure = failure;
  }

  void failEachQuery(int n, QueryFailure failure) {
    failEachQuery = n;
    eachQueryFailure = failure;
    failedPerQuery.clear();
  }

  /**
   * The failure to answer this query with instead of running it, or null. {@code requestKey} identifies the query
   * (method and parameters without timestamp and signature), so that a client's retry of the same query is counted.
   */
  public QueryFailure takeQueryFailure(String method, String requestKey) {
    Integer left = failQueries.get(method);
    if (left != null && left > 0) {
      failQueries.put(method, left - 1);
      return queryFailure;
    }
    if (failQueryPercent > 0 && random.nextInt(100) < failQueryPercent) {
      return randomQueryFailure;
    }
    if (failEachQuery > 0) {
      int failed = failedPerQuery.getOrDefault(requestKey, 0);
      if (failed < failEachQuery) {
        failedPerQuery.put(requestKey, failed + 1);
        return eachQueryFailure;
      }
    }
    return null;
  }

  void failQueriesAtRandom(int percent, QueryFailure failure) {
    failQueryPercent = percent;
    randomQueryFailure = failure;
  }

  void latePlacement(LatePlacement value) {
    latePlacement = value;
  }

  /** The armed placement fault (consumed), or null. */
  public LatePlacement takeLatePlacement() {
    LatePlacement p = latePlacement;
    latePlacement = null;
    return p;
  }

  void refuseUntil(long time) {
    refuseUntil = time;
  }

  public boolean refusing(long now) {
    return now < refuseUntil;
  }

  void reset() {
    paused = false;
    dropAfterEvents = 0;
    duplicateNext = 0;
    reorderNext = 0;
    failNext = 0;
    rejectClockNext = 0;
    refuseUntil = 0;
    dropNextReports = 0;
    failQueries.clear();
    failEachQuery = 0;
    failedPerQuery.clear();
    latePlacement = null;
    failQueryPercent = 0;
  }

  JsonObject toJson(long now) {
    return new JsonObject().put("paused", paused).put("droppedWhilePaused", droppedWhilePaused)
        .put("dropAfterEvents", dropAfterEvents).put("duplicateNext", duplicateNext).put("reorderNext", reorderNext)
        .put("failNextRequests", failNext).put("failKind", failKind.name())
        .put("rejectClockNext", rejectClockNext)
        .put("refusingConnectionsForMs", Math.max(0, refuseUntil - now))
        .put("dropNextReports", dropNextReports).put("droppedReports", droppedReports)
        .put("failQueries", new JsonObject(new java.util.HashMap<>(failQueries)))
        .put("failEachQuery", failEachQuery).put("failQueryPercent", failQueryPercent)
        .put("latePlacement", latePlacement == null ? null : latePlacement.kind() + " after "
            + latePlacement.executeAfterMs() + " ms");
  }
}
