package dev.ordertracker.simulator.admin;

import dev.ordertracker.simulator.faults.FailureKind;
import dev.ordertracker.simulator.faults.FaultInjector;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The admin endpoint under {@code /admin} (JSON in, JSON out): every fault of {@link FaultInjector}, the
 * reference prices, the truth view of orders and the scripted feed. Runs on the simulator context.
 *
 * <pre>
 *   POST /admin/faults/drop-connections            {}
 *   POST /admin/faults/drop-after-events           {"events": 5}
 *   POST /admin/faults/server-shutdown             {}
 *   POST /admin/faults/event-stream-terminated     {"account": "demo"}
 *   POST /admin/faults/duplicate-next              {"events": 3}
 *   POST /admin/faults/reorder-next                {"events": 3}
 *   POST /admin/faults/pause-delivery | resume-delivery
 *   POST /admin/faults/fail-next-requests          {"count": 1, "kind": "HTTP_5XX" | "TIMEOUT_1007"}
 *   POST /admin/faults/drop-next-reports          {"events": 1}  (executionReports lost, connection kept)
 *   POST /admin/faults/fail-queries               {"method": "order.status", "count": 2, "kind": "TOO_MANY_REQUESTS_429",
 *                                                  "retry_after_ms": 1000}
 *   POST /admin/faults/fail-each-query            {"count": 2, "kind": "HTTP_5XX"}
 *   POST /admin/faults/fail-queries-at-random     {"percent": 20, "kind": "HTTP_5XX"}
 *   POST /admin/faults/fail-next-placement        {"kind": "HTTP_5XX", "execute_after_ms": 3000}  (-1 = never)
 *   POST /admin/faults/place-elsewhere            {"account": "demo", "order": {"symbol", "side", "type", ...}}
 *   POST /admin/faults/reject-clock-next            {"count": 1}   (signed WS API requests answer -1021)
 *   POST /admin/faults/refuse-connections          {"ms": 5000}
 *   POST /admin/faults/inject-event               {"account": "demo", "event": {"e": "executionReport", ...}}
 *   POST /admin/faults/reset ;  GET /admin/faults
 *   POST /admin/price {"symbol": "BTCUSDT", "price": "60000.00"} ;  GET /admin/prices
 *   POST /admin/deposit {"account": "demo", "asset": "USDT", "amount": "100"}
 *   GET  /admin/orders ;  GET /admin/status
 *   POST /admin/scripted-feed {"account": "demo", "count": 100000}
 * </pre>
 */
public final class AdminApi {

  private final FaultInjector faults;
  private final AdminTarget target;

  public AdminApi(FaultInjector faults, AdminTarget target) {
    this.faults = faults;
    this.target = target;
  }

  public void mount(Router router) {
    router.route("/admin/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
    post(router, "/admin/faults/drop-connections", b -> faults.dropConnectionsNow());
    post(router, "/admin/faults/drop-after-events", b -> faults.dropAfterEvents(b.getInteger("events")));
    post(router, "/admin/faults/server-shutdown", b -> faults.sendServerShutdown());
    post(router, "/admin/faults/event-stream-terminated",
        b -> faults.sendEventStreamTerminated(b.getString("account", "demo")));
    post(router, "/admin/faults/inject-event",
        b -> faults.injectEvent(b.getString("account", "demo"), b.getJsonObject("event")));
    post(router, "/admin/faults/duplicate-next", b -> faults.duplicateNext(b.getInteger("events")));
    post(router, "/admin/faults/reorder-next", b -> faults.reorderNext(b.getInteger("events")));
    post(router, "/admin/faults/pause-delivery", b -> faults.pauseDelivery());
    post(router, "/admin/faults/resume-delivery", b -> faults.resumeDelivery());
    post(router, "/admin/faults/fail-next-requests", b -> faults.failNextRequests(b.getInteger("count", 1),
        FailureKind.valueOf(b.getString("kind", FailureKind.HTTP_5XX.name()))));
    post(router, "/admin/faults/drop-next-reports", b -> faults.dropNextReports(b.getInteger("events", 1)));
    post(router, "/admin/faults/fail-queries", b -> faults.failQueries(b.getString("method"),
        b.getInteger("count", 1), FailureKind.valueOf(b.getString("kind", FailureKind.HTTP_5XX.name())),
        b.getLong("retry_after_ms", 1000L)));
    post(router, "/admin/faults/fail-each-query", b -> faults.failEachQuery(b.getInteger("count", 1),
        FailureKind.valueOf(b.getString("kind", FailureKind.HTTP_5XX.name())), b.getLong("retry_after_ms", 1000L)));
    post(router, "/admin/faults/fail-queries-at-random", b -> faults.failQueriesAtRandom(b.getInteger("percent", 0),
        FailureKind.valueOf(b.getString("kind", FailureKind.HTTP_5XX.name())), b.getLong("retry_after_ms", 1000L)));
    post(router, "/admin/faults/fail-next-placement", b -> faults.failNextPlacement(
        FailureKind.valueOf(b.getString("kind", FailureKind.HTTP_5XX.name())), b.getLong("execute_after_ms", -1L)));
    post(router, "/admin/faults/place-elsewhere", b -> faults.placeElsewhere(b.getString("account", "demo"),
        b.getJsonObject("order")));
    post(router, "/admin/faults/reject-clock-next", b -> faults.rejectClockNext(b.getInteger("count", 1)));
    post(router, "/admin/faults/refuse-connections", b -> faults.refuseConnectionsFor(b.getLong("ms")));
    post(router, "/admin/faults/reset", b -> faults.reset());
    router.get("/admin/faults").handler(ctx -> reply(ctx, faults.status()));
    post(router, "/admin/price", b -> {
      target.setPrice(b.getString("symbol"), new BigDecimal(String.valueOf(b.getValue("price"))));
      return Future.succeededFuture();
    });
    post(router, "/admin/deposit", b -> {
      target.deposit(b.getString("account", "demo"), b.getString("asset"),
          new BigDecimal(String.valueOf(b.getValue("amount"))));
      return Future.succeededFuture();
    });
    router.get("/admin/prices").handler(ctx -> reply(ctx, Future.succeededFuture(target.prices())));
    router.get("/admin/orders").handler(ctx -> reply(ctx, Future.succeededFuture(target.orders())));
    router.get("/admin/status").handler(ctx -> reply(ctx, Future.succeededFuture(
        new JsonObject().put("connections", target.connectionCount()).put("prices", target.prices()))));
    post(router, "/admin/scripted-feed", b -> target.pushScripted(b.getString("account", "demo"),
        b.getLong("count", 1000L), b.getInteger("frames_per_second", 0))
        .map(n -> new JsonObject().put("ok", true).put("written", n)));
  }

  private void post(Router router, String path, Function<JsonObject, Future<?>> action) {
    router.post(path).handler(ctx -> {
      Future<?> result;
      try {
        String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        JsonObject json = body.isBlank() ? new JsonObject() : new JsonObject(body);
        result = action.apply(json);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      reply(ctx, result.map(r -> r instanceof JsonObject ? r : new JsonObject().put("ok", true)));
    });
  }

  private static void reply(RoutingContext ctx, Future<?> result) {
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        Object r = ar.result();
        String body = r instanceof JsonObject o ? o.encode()
            : r instanceof io.vertx.core.json.JsonArray a ? a.encode() : String.valueOf(r);
        ctx.response().putHeader("Content-Type", "application/json").end(body);
      } else {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("ok", false).put("error", String.valueOf(ar.cause().getMessage())).encode());
      }
    });
  }
}
