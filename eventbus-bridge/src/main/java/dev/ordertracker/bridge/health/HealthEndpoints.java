package dev.ordertracker.bridge.health;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.Fields;
import dev.ordertracker.bridge.security.TrackerActions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

import java.util.HashSet;
import java.util.Set;

/**
 * The bridge's health endpoints, built with vertx-health-check (its procedures, its JSON shape: {@code {"status":
 * "UP"|"DOWN", "checks": [{"id", "status", "data"}], "outcome"}}, 200 when UP, 503 when DOWN):
 * <ul>
 *   <li>{@link #LIVE_PATH} — liveness: this process serves HTTP on a responsive event loop. Nothing outside the
 *       process is asked, so an exchange or a tracker that is down never gets a healthy pod restarted.</li>
 *   <li>{@link #READY_PATH} (and {@code /health}, the same) — readiness: {@code tracker} answers (in a cluster: the
 *       active tracker, wherever it runs) and none of its components (journal, replication) is DOWN, {@code adapter} reports every account subscribed (when
 *       {@code require_adapter}), {@code cluster} this node is a member (clustered Vert.x only).</li>
 * </ul>
 * Each procedure has the {@code health_timeout_ms} budget; a check that does not answer in time is DOWN.
 */
public final class HealthEndpoints {
  public static final String LIVE_PATH = "/health/live";
  public static final String READY_PATH = "/health/ready";
  /** The readiness endpoint under its historical name. */
  public static final String HEALTH_PATH = "/health";

  private HealthEndpoints() {
  }

  /** The address an exchange adapter serves its status on ({@link Addresses#adapterStatus()}). */
  public static String adapterStatusAddress(Addresses addresses) {
    return addresses.adapterStatus();
  }

  /** Liveness: answered by this event loop, asks nothing else. */
  public static HealthCheckHandler liveness(Vertx vertx) {
    return HealthCheckHandler.createWithHealthChecks(HealthChecks.create(vertx)
        .register("event-loop", promise -> promise.complete(Status.OK())));
  }

  /** Readiness: the tracker, the adapter's subscriptions (when required) and the cluster membership. */
  public static HealthCheckHandler readiness(Vertx vertx, Addresses addresses, boolean requireAdapter, long timeoutMs) {
    HealthChecks checks = HealthChecks.create(vertx)
        .register("tracker", timeoutMs, promise -> tracker(vertx, addresses, timeoutMs, promise));
    if (requireAdapter) {
      checks.register("adapter", timeoutMs, promise -> adapter(vertx, addresses, timeoutMs, promise));
    }
    if (vertx.isClustered()) {
      checks.register("cluster", timeoutMs, promise -> cluster(vertx, promise));
    }
    return HealthCheckHandler.createWithHealthChecks(checks);
  }

  private static void tracker(Vertx vertx, Addresses addresses, long timeoutMs, Promise<Status> promise) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs)
        .addHeader(TrackerActions.HEADER_ACTION, TrackerActions.GET_STATS);
    vertx.eventBus().<Object>request(addresses.tracker(), new JsonObject(), options).onComplete(ar -> {
      if (ar.failed()) {
        promise.complete(Status.KO(reason("no answer from " + addresses.tracker() + ": " + ar.cause().getMessage())));
        return;
      }
      JsonObject data = new JsonObject();
      boolean down = false;
      if (ar.result().body() instanceof JsonObject) {
        JsonObject stats = (JsonObject) ar.result().body();
        copy(stats, data, Fields.CURRENTLY_ACTIVE, Fields.LAST_SEQUENCE);
        // the tracker's own components (journal, replication): DOWN (a full backlog) makes it not ready; DEGRADED
        // (records quarantined, commits being retried) still serves, and says so in the data
        if (stats.getValue(Fields.HEALTH) instanceof JsonObject) {
          JsonObject health = stats.getJsonObject(Fields.HEALTH).copy();
          String status = String.valueOf(health.remove(Fields.STATUS));
          down = "DOWN".equals(status);
          data.put(Fields.STATUS, status).put("components", health);
        }
      }
      promise.complete(down ? Status.KO(data) : Status.OK(data));
    });
  }

  /** UP when a connection is open and every configured account is subscribed; the data names each account. */
  private static void adapter(Vertx vertx, Addresses addresses, long timeoutMs, Promise<Status> promise) {
    vertx.eventBus().<Object>request(adapterStatusAddress(addresses), new JsonObject(),
        new DeliveryOptions().setSendTimeout(timeoutMs)).onComplete(ar -> {
          if (ar.failed()) {
            promise.complete(Status.KO(reason("no answer from the adapter: " + ar.cause().getMessage())));
            return;
          }
          if (!(ar.result().body() instanceof JsonObject)) {
            promise.complete(Status.KO(reason("unexpected adapter status")));
            return;
          }
          JsonObject status = (JsonObject) ar.result().body();
          JsonObject accounts = new JsonObject();
          Set<Object> subscribed = new HashSet<>(listOf(status, "subscribed_accounts").getList());
          for (Object account : listOf(status, "accounts")) {
            accounts.put(String.valueOf(account), subscribed.contains(account) ? "SUBSCRIBED" : "NOT_SUBSCRIBED");
          }
          JsonObject data = new JsonObject().put("accounts", accounts);
          // per account, the age of the last successful reconciliation sweep (issue 14), as the adapter reports it
          if (status.getValue("reconciliation") instanceof JsonObject reconciliation) {
            data.put("reconciliation", reconciliation);
          }
          promise.complete(Boolean.TRUE.equals(status.getValue("connected")) ? Status.OK(data) : Status.KO(data));
        });
  }

  private static void cluster(Vertx vertx, Promise<Status> promise) {
    // Vert.x has no public view of the cluster manager; its internal one is the membership Hazelcast reports
    ClusterManager manager = ((VertxInternal) vertx).clusterManager();
    if (manager == null || !manager.isActive()) {
      promise.complete(Status.KO(reason("not a cluster member")));
      return;
    }
    promise.complete(Status.OK(new JsonObject().put("node", manager.getNodeId())
        .put("members", manager.getNodes().size())));
  }

  private static JsonArray listOf(JsonObject json, String key) {
    Object value = json.getValue(key);
    return value instanceof JsonArray ? (JsonArray) value : new JsonArray();
  }

  private static void copy(JsonObject from, JsonObject to, String... keys) {
    for (String key : keys) {
      if (from.containsKey(key)) {
        to.put(key, from.getValue(key));
      }
    }
  }

  private static JsonObject reason(String why) {
    return new JsonObject().put("reason", why);
  }
}
