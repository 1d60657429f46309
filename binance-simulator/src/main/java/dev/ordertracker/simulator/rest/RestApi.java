package dev.ordertracker.simulator.rest;

import dev.ordertracker.simulator.account.Account;
import dev.ordertracker.simulator.api.ApiException;
import dev.ordertracker.simulator.api.ExchangeApi;
import dev.ordertracker.simulator.api.RequestWeight;
import dev.ordertracker.simulator.api.RequestAuthenticator;
import dev.ordertracker.simulator.api.RequestParams;
import dev.ordertracker.simulator.faults.FailureKind;
import dev.ordertracker.simulator.faults.FaultState;
import dev.ordertracker.simulator.faults.LatePlacement;
import dev.ordertracker.simulator.faults.QueryFailure;
import dev.ordertracker.simulator.signing.SigningPayloads;
import dev.ordertracker.simulator.stream.UserDataHub;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

/**
 * REST endpoints under {@code /api/v3}: order (POST/DELETE/GET), openOrders, myTrades, account, time, ping,
 * exchangeInfo. Signed endpoints take the key from {@code X-MBX-APIKEY} and check the signature over the query
 * string followed by the body, exactly as sent. Runs on the simulator context.
 */
public final class RestApi {

  private static final System.Logger LOG = System.getLogger(RestApi.class.getName());

  private final ExchangeApi exchange;
  private final RequestAuthenticator authenticator;
  private final UserDataHub hub;
  private final FaultState faults;
  private final boolean streamBeforeResponse;
  private final RequestWeight requestWeight;

  public RestApi(ExchangeApi exchange, RequestAuthenticator authenticator, UserDataHub hub, FaultState faults,
      boolean streamBeforeResponse, RequestWeight requestWeight) {
    this.requestWeight = requestWeight;
    this.exchange = exchange;
    this.authenticator = authenticator;
    this.hub = hub;
    this.faults = faults;
    this.streamBeforeResponse = streamBeforeResponse;
  }

  public void mount(Vertx vertx, Router router) {
    router.route("/api/v3/*").handler(BodyHandler.create().setBodyLimit(1 << 20));
    router.get("/api/v3/ping").handler(ctx -> json(ctx, 200, "{}"));
    router.get("/api/v3/time").handler(ctx -> json(ctx, 200, "{\"serverTime\":" + System.currentTimeMillis() + "}"));
    router.get("/api/v3/exchangeInfo").handler(ctx -> json(ctx, 200,
        exchange.exchangeInfo(System.currentTimeMillis()).encode()));
    // weights as documented; placements and cancellations weigh 0 when successful (CHANGELOG.md 2026-04-02)
    signed(router, HttpMethod.POST, "/api/v3/order", FREE, (a, p) -> exchange.placeOrder(a, p));
    signed(router, HttpMethod.DELETE, "/api/v3/order", FREE, (a, p) -> exchange.cancelOrder(a, p));
    signed(router, HttpMethod.POST, "/api/v3/orderList/oco", FREE, (a, p) -> exchange.placeOco(a, p));
    signed(router, HttpMethod.POST, "/api/v3/orderList/oto", FREE, (a, p) -> exchange.placeOto(a, p, false, false));
    signed(router, HttpMethod.POST, "/api/v3/orderList/otoco", FREE, (a, p) -> exchange.placeOto(a, p, true, false));
    signed(router, HttpMethod.POST, "/api/v3/orderList/opo", FREE, (a, p) -> exchange.placeOto(a, p, false, true));
    signed(router, HttpMethod.POST, "/api/v3/orderList/opoco", FREE, (a, p) -> exchange.placeOto(a, p, true, true));
    signed(router, HttpMethod.DELETE, "/api/v3/orderList", FREE, (a, p) -> exchange.cancelOrderList(a, p));
    signed(router, HttpMethod.PUT, "/api/v3/order/amend/keepPriority", p -> 4, (a, p) -> exchange.amendOrder(a, p));
    signed(router, HttpMethod.GET, "/api/v3/order", p -> 4, (a, p) -> exchange.orderStatus(a, p));
    signed(router, HttpMethod.GET, "/api/v3/openOrders", p -> p.has("symbol") ? 6 : 80,
        (a, p) -> exchange.openOrders(a, p));
    signed(router, HttpMethod.GET, "/api/v3/myTrades", p -> p.has("orderId") ? 5 : 20,
        (a, p) -> exchange.myTrades(a, p));
    signed(router, HttpMethod.GET, "/api/v3/allOrders", p -> 20, (a, p) -> exchange.allOrders(a, p));
    signed(router, HttpMethod.GET, "/api/v3/account", p -> 20,
        (a, p) -> exchange.accountInfo(a, System.currentTimeMillis()));
  }

  /** Marks a placement or cancellation: weight 1, 0 when successful. */
  private static final ToIntFunction<RequestParams> FREE = p -> -1;

  private void signed(Router router, HttpMethod method, String path, ToIntFunction<RequestParams> weightOf,
      BiFunction<Account, RequestParams, Object> action) {
    boolean failable = !path.equals("/api/v3/account");
    router.route(method, path).handler(ctx -> {
      long now = System.currentTimeMillis();
      String query = ctx.request().query();
      String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
      String rawSignature = SigningPayloads.rawSignature(query);
      if (rawSignature == null) {
        rawSignature = SigningPayloads.rawSignature(body);
      }
      String queryName = method == HttpMethod.GET ? QUERY_NAMES.get(path) : null;
      if (queryName != null) {
        Map<String, String> raw = decode(query, body);
        raw.keySet().removeAll(java.util.List.of("timestamp", "signature", "recvWindow"));
        QueryFailure qf = faults.takeQueryFailure(queryName, queryName + new java.util.TreeMap<>(raw));
        if (qf != null) {
          answer(ctx, ApiException.injected(qf.kind(), now, now + qf.retryAfterMs()), now,
              qf.kind().rateLimited() ? 0 : Math.abs(weightOf.applyAsInt(RequestParams.of(raw))));
          return;
        }
      }
      LatePlacement late = method == HttpMethod.POST && path.equals("/api/v3/order") ? faults.takeLatePlacement()
          : null;
      if (late != null) {
        // execution status unknown: answered now, executed later (as of the request's time) or never
        answer(ctx, ApiException.injected(late.kind(), now, -1), now, 1);
        if (late.executes()) {
          ctx.vertx().setTimer(Math.max(1, late.executeAfterMs()), t -> {
            try {
              RequestParams params = RequestParams.of(decode(query, body));
              String signature = SigningPayloads.rawSignature(query) == null ? null
                  : URLDecoder.decode(SigningPayloads.rawSignature(query), StandardCharsets.UTF_8);
              action.apply(authenticator.authenticate(ctx.request().getHeader("X-MBX-APIKEY"), params,
                  SigningPayloads.rest(query, body), signature, now), params);
            } catch (RuntimeException e) {
              LOG.log(System.Logger.Level.INFO, "late placement refused: " + e.getMessage());
            }
          });
        }
        return;
      }
      FailureKind failure = failable ? faults.takeFailure() : null;
      if (!streamBeforeResponse) {
        hub.deferEvents();
      }
      int status = 200;
      String response;
      int weight = 1;
      boolean free = false;
      try {
        RequestParams params = RequestParams.of(decode(query, body));
        weight = weightOf.applyAsInt(params);
        free = weight < 0;
        weight = Math.abs(weight);
        requestWeight.check(weight, now);
        String signature = rawSignature == null ? null : URLDecoder.decode(rawSignature, StandardCharsets.UTF_8);
        Account account = authenticator.authenticate(ctx.request().getHeader("X-MBX-APIKEY"), params,
            SigningPayloads.rest(query, body), signature, now);
        response = String.valueOf(encode(action.apply(account, params)));
      } catch (ApiException e) {
        status = e.status();
        response = e.toJson().encode();
        free = false;
        if (e.retryAfter() >= 0) {
          weight = 0; // refused for its weight: not charged
          ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, (e.retryAfter() - now + 999) / 1000)));
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "REST " + method + " " + path + " failed", e);
        ApiException internal = ApiException.internal();
        status = internal.status();
        response = internal.toJson().encode();
      }
      if (failure != null) {
        ApiException e = ApiException.injected(failure, now, now + 1000);
        status = e.status();
        response = e.toJson().encode();
      }
      long used = requestWeight.add(status == 200 && free ? 0 : weight, now);
      ctx.response().putHeader("X-MBX-USED-WEIGHT-1M", String.valueOf(used));
      json(ctx, status, response);
      if (!streamBeforeResponse) {
        hub.flushDeferred();
      }
    });
  }

  /** REST query paths by the WebSocket API method name the query faults use. */
  private static final Map<String, String> QUERY_NAMES = Map.of("/api/v3/order", "order.status",
      "/api/v3/openOrders", "openOrders.status", "/api/v3/myTrades", "myTrades", "/api/v3/allOrders", "allOrders");

  /** An error answer with {@code Retry-After} (seconds) when rate limited and the used weight header. */
  private void answer(RoutingContext ctx, ApiException e, long now, int weight) {
    if (e.retryAfter() >= 0) {
      ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, (e.retryAfter() - now + 999) / 1000)));
    }
    ctx.response().putHeader("X-MBX-USED-WEIGHT-1M", String.valueOf(requestWeight.add(weight, now)));
    json(ctx, e.status(), e.toJson().encode());
  }

  private static Object encode(Object result) {
    if (result instanceof io.vertx.core.json.JsonObject o) {
      return o.encode();
    }
    if (result instanceof io.vertx.core.json.JsonArray a) {
      return a.encode();
    }
    return result;
  }

  static Map<String, String> decode(String query, String body) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String raw : new String[] {query, body}) {
      if (raw == null || raw.isEmpty()) {
        continue;
      }
      for (String part : raw.split("&")) {
        if (part.isEmpty()) {
          continue;
        }
        int eq = part.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
        values.put(name, value);
      }
    }
    return values;
  }

  private static void json(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=UTF-8").end(body);
  }
}
