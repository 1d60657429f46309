package dev.ordertracker.bridge.health;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.Fields;
import dev.ordertracker.bridge.security.TrackerActions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * GET /health: UP (200) when the tracker answers a getStats request and, when required, the exchange adapter
 * answers {@code <prefix>.adapter.status} with {@code "connected": true}, each within the timeout; otherwise
 * DOWN (503). The tracker's own components (journal, replication: the {@code health} of its getStats answer) count
 * too: one DOWN makes the tracker DOWN (503), one DEGRADED makes it DEGRADED (200, still serving). The body names
 * each component and why it is down.
 */
public final class HealthHandler implements Handler<RoutingContext> {
  /** The address an exchange adapter serves its status on ({@link Addresses#adapterStatus()}). */
  public static String adapterStatusAddress(Addresses addresses) {
    return addresses.adapterStatus();
  }

  private final Vertx vertx;
  private final Addresses addresses;
  private final boolean requireAdapter;
  private final long timeoutMs;

  public HealthHandler(Vertx vertx, Addresses addresses, boolean requireAdapter, long timeoutMs) {
    this.vertx = vertx;
    this.addresses = addresses;
    this.requireAdapter = requireAdapter;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public void handle(RoutingContext ctx) {
    check().onComplete(ar -> {
      JsonObject body = ar.result();
      boolean up = !"DOWN".equals(body.getString("status"));
      ctx.response().setStatusCode(up ? 200 : 503).putHeader("content-type", "application/json")
          .putHeader("cache-control", "no-store").end(body.encode());
    });
  }

  /** Never fails: a component that does not answer is DOWN with the reason. */
  public Future<JsonObject> check() {
    Future<JsonObject> tracker = probe(addresses.tracker(),
        new DeliveryOptions().addHeader(TrackerActions.HEADER_ACTION, TrackerActions.GET_STATS), reply -> true)
        .map(HealthHandler::withComponents);
    Future<JsonObject> adapter = requireAdapter
        ? probe(adapterStatusAddress(addresses), new DeliveryOptions(),
            reply -> reply instanceof JsonObject && Boolean.TRUE.equals(((JsonObject) reply).getValue("connected")))
        : Future.succeededFuture(new JsonObject().put("status", "NOT_REQUIRED"));
    return Future.join(tracker, adapter).transform(v -> {
      JsonObject t = tracker.result();
      JsonObject a = adapter.result();
      a.remove("answer");
      boolean up = !"DOWN".equals(t.getString("status"))
          && ("UP".equals(a.getString("status")) || "NOT_REQUIRED".equals(a.getString("status")));
      String status = !up ? "DOWN" : "DEGRADED".equals(t.getString("status")) ? "DEGRADED" : "UP";
      return Future.succeededFuture(new JsonObject().put("status", status)
          .put("tracker", t).put("adapter", a));
    });
  }

  /** The tracker's component health from its getStats answer: its status (worst component) and each one's report. */
  private static JsonObject withComponents(JsonObject probed) {
    Object answer = probed.remove("answer");
    if (answer instanceof JsonObject stats && stats.getValue(Fields.HEALTH) instanceof JsonObject health) {
      probed.put("status", health.getString(Fields.STATUS, "DOWN"));
      JsonObject components = health.copy();
      components.remove(Fields.STATUS);
      probed.put("components", components);
    }
    return probed;
  }

  private Future<JsonObject> probe(String address, DeliveryOptions options,
                                   java.util.function.Predicate<Object> healthy) {
    return vertx.eventBus().request(address, new JsonObject(), options.setSendTimeout(timeoutMs))
        .map(msg -> healthy.test(msg.body())
            ? new JsonObject().put("status", "UP").put("answer", msg.body())
            : new JsonObject().put("status", "DOWN").put("reason", "answered " + msg.body()))
        .otherwise(err -> new JsonObject().put("status", "DOWN").put("reason", String.valueOf(err.getMessage())));
  }
}
