package dev.ordertracker.simulator.ws;

import dev.ordertracker.simulator.account.Account;
import dev.ordertracker.simulator.api.ApiException;
import dev.ordertracker.simulator.api.ExchangeApi;
import dev.ordertracker.simulator.api.RequestAuthenticator;
import dev.ordertracker.simulator.api.RequestParams;
import dev.ordertracker.simulator.api.RequestWeight;
import dev.ordertracker.simulator.faults.FailureKind;
import dev.ordertracker.simulator.faults.FaultState;
import dev.ordertracker.simulator.faults.LatePlacement;
import dev.ordertracker.simulator.faults.QueryFailure;
import dev.ordertracker.simulator.signing.KeyType;
import dev.ordertracker.simulator.signing.SigningPayloads;
import dev.ordertracker.simulator.stream.Subscription;
import dev.ordertracker.simulator.stream.UserDataHub;
import dev.ordertracker.simulator.wire.EventEncoder;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Decodes WebSocket API requests ({@code id, method, params}), runs the method and answers with Binance's
 * envelope ({@code id, status, result | error, rateLimits}). The method table is the one place that knows method
 * names. Runs on the simulator context.
 */
public final class WsApiDispatcher {

  private static final System.Logger LOG = System.getLogger(WsApiDispatcher.class.getName());

  @FunctionalInterface
  private interface Method {
    Object invoke(WsApiSession session, JsonObject params, RequestParams p, long now);
  }

  /**
   * A method's entry: handler, request weight (may depend on the parameters), whether a successful request weighs 0
   * (order placement and cancellation since 2026-04-02, CHANGELOG.md), whether it counts as an order, whether faults
   * may fail it.
   */
  private record Entry(Method method, ToIntFunction<RequestParams> weight, boolean freeOnSuccess, boolean order,
      boolean failable) {

    Entry(Method method, int weight, boolean order, boolean failable) {
      this(method, p -> weight, false, order, failable);
    }
  }

  private final Map<String, Entry> methods = new HashMap<>();
  private final ExchangeApi exchange;
  private final RequestAuthenticator authenticator;
  private final UserDataHub hub;
  private final FaultState faults;
  private final boolean streamBeforeResponse;
  private final RequestWeight requestWeight;

  public WsApiDispatcher(ExchangeApi exchange, RequestAuthenticator authenticator, UserDataHub hub, FaultState faults,
      boolean streamBeforeResponse, RequestWeight requestWeight) {
    this.exchange = exchange;
    this.authenticator = authenticator;
    this.hub = hub;
    this.faults = faults;
    this.streamBeforeResponse = streamBeforeResponse;
    this.requestWeight = requestWeight;
    methods.put("ping", new Entry((s, j, p, now) -> new JsonObject(), 1, false, false));
    methods.put("time", new Entry((s, j, p, now) -> new JsonObject().put("serverTime", now), 1, false, false));
    methods.put("exchangeInfo", new Entry((s, j, p, now) -> exchange.exchangeInfo(now), 20, false, false));
    methods.put("session.logon", new Entry(this::logon, 2, false, false));
    methods.put("session.status", new Entry((s, j, p, now) -> sessionStatus(s, now), 2, false, false));
    methods.put("session.logout", new Entry(this::logout, 2, false, false));
    methods.put("session.subscriptions", new Entry(this::listSubscriptions, 2, false, false));
    methods.put("userDataStream.subscribe", new Entry(this::subscribeLogon, 2, false, false));
    methods.put("userDataStream.subscribe.signature", new Entry(this::subscribeSignature, 2, false, false));
    methods.put("userDataStream.unsubscribe", new Entry(this::unsubscribe, 2, false, false));
    trade("order.place", (s, j, p, now) -> exchange.placeOrder(auth(s, j, p, now), p), true);
    trade("orderList.place.oco", (s, j, p, now) -> exchange.placeOco(auth(s, j, p, now), p), true);
    trade("orderList.place.oto", (s, j, p, now) -> exchange.placeOto(auth(s, j, p, now), p, false, false), true);
    trade("orderList.place.otoco", (s, j, p, now) -> exchange.placeOto(auth(s, j, p, now), p, true, false), true);
    trade("orderList.place.opo", (s, j, p, now) -> exchange.placeOto(auth(s, j, p, now), p, false, true), true);
    trade("orderList.place.opoco", (s, j, p, now) -> exchange.placeOto(auth(s, j, p, now), p, true, true), true);
    trade("orderList.cancel", (s, j, p, now) -> exchange.cancelOrderList(auth(s, j, p, now), p), false);
    trade("order.cancel", (s, j, p, now) -> exchange.cancelOrder(auth(s, j, p, now), p), false);
    // an amend weighs 0 only when it expires the order, which the simulator never does
    methods.put("order.amend.keepPriority",
        new Entry((s, j, p, now) -> exchange.amendOrder(auth(s, j, p, now), p), 4, false, true));
    methods.put("order.status", new Entry((s, j, p, now) -> exchange.orderStatus(auth(s, j, p, now), p), 4, false, true));
    methods.put("openOrders.status", new Entry((s, j, p, now) -> exchange.openOrders(auth(s, j, p, now), p),
        p -> p.has("symbol") ? 6 : 80, false, false, true));
    methods.put("myTrades", new Entry((s, j, p, now) -> exchange.myTrades(auth(s, j, p, now), p),
        p -> p.has("orderId") ? 5 : 20, false, false, true));
    methods.put("allOrders", new Entry((s, j, p, now) -> exchange.allOrders(auth(s, j, p, now), p),
        p -> 20, false, false, true));
    methods.put("account.status",
        new Entry((s, j, p, now) -> exchange.accountInfo(auth(s, j, p, now), now), 20, false, false));
  }

  /** Placement and cancellation: weight 1, 0 when successful. */
  private void trade(String name, Method method, boolean order) {
    methods.put(name, new Entry(method, p -> 1, true, order, true));
  }

  public void handle(WsApiSession session, String text) {
    long now = System.currentTimeMillis();
    JsonObject request;
    try {
      request = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      session.sendText(error(null, ApiException.malformed("Malformed request."), null).encode());
      return;
    }
    Object id = request.getValue("id");
    String methodName = request.getString("method");
    Entry entry = methodName == null ? null : methods.get(methodName);
    if (entry == null) {
      session.sendText(error(id, methodName == null ? ApiException.missing("method")
          : ApiException.unknownMethod(methodName), null).encode());
      return;
    }
    Object rawParams = request.getValue("params");
    JsonObject params = rawParams instanceof JsonObject ? (JsonObject) rawParams : new JsonObject();
    RequestParams p = RequestParams.of(params);
    int weight = entry.weight().applyAsInt(p);
    try {
      requestWeight.check(weight, now);
    } catch (ApiException e) {
      session.sendText(error(id, e, session.rateLimits().count(requestWeight.used(now), requestWeight.limit(), false,
          now)).encode());
      return;
    }
    if (QUERIES.contains(methodName)) {
      QueryFailure qf = faults.takeQueryFailure(methodName, requestKey(methodName, params));
      if (qf != null) {
        // refused before running: a query has no effect to keep; a 429/418 is not charged
        ApiException e = ApiException.injected(qf.kind(), now, now + qf.retryAfterMs());
        long used = requestWeight.add(qf.kind().rateLimited() ? 0 : weight, now);
        session.sendText(error(id, e, session.rateLimits().count(used, requestWeight.limit(), false, now)).encode());
        return;
      }
    }
    if (entry.order()) {
      LatePlacement late = faults.takeLatePlacement();
      if (late != null) {
        answerUnknownThenMaybeExecute(session, id, entry, params, p, now, late);
        return;
      }
    }
    FailureKind failure = entry.failable() ? faults.takeFailure() : null;
    if (!streamBeforeResponse) {
      hub.deferEvents();
    }
    Object result = null;
    ApiException failed = null;
    try {
      if (params.containsKey("signature") && faults.takeClockRejection()) {
        throw ApiException.timestampAhead();
      }
      result = entry.method().invoke(session, params, p, now);
    } catch (ApiException e) {
      failed = e;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "WebSocket API method " + methodName + " failed", e);
      failed = ApiException.internal();
    }
    long used = requestWeight.add(failed == null && entry.freeOnSuccess() ? 0 : weight, now);
    JsonArray limits = session.rateLimits().count(used, requestWeight.limit(), entry.order(), now);
    JsonObject response = failed == null
        ? new JsonObject().put("id", id).put("status", 200).put("result", result).put("rateLimits", limits)
        : error(id, failed, limits);
    if (failure != null) {
      response = error(id, ApiException.injected(failure, now, now + 1000), limits);
    }
    session.sendText(response.encode());
    if (!streamBeforeResponse) {
      hub.flushDeferred();
    }
  }

  /** The query methods whose answers the query faults may fail. */
  private static final java.util.Set<String> QUERIES =
      java.util.Set.of("order.status", "openOrders.status", "myTrades", "allOrders");

  /** A query's identity for the "fail each query n times" fault: method and parameters, not the signing ones. */
  static String requestKey(String method, JsonObject params) {
    java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>(params.getMap());
    sorted.keySet().removeAll(java.util.List.of("timestamp", "signature", "recvWindow", "apiKey"));
    return method + sorted;
  }

  /**
   * A placement whose answer is "execution status unknown" (5xx, -1006, -1007): answered at once, executed
   * {@code late.executeAfterMs()} later (as of the request's time, so the signature stays valid) or never.
   */
  private void answerUnknownThenMaybeExecute(WsApiSession session, Object id, Entry entry, JsonObject params,
                                             RequestParams p, long now, LatePlacement late) {
    JsonArray limits = session.rateLimits().count(requestWeight.add(1, now), requestWeight.limit(), true, now);
    session.sendText(error(id, ApiException.injected(late.kind(), now, -1), limits).encode());
    if (late.executes()) {
      io.vertx.core.Vertx.currentContext().owner().setTimer(Math.max(1, late.executeAfterMs()), t -> {
        try {
          entry.method().invoke(session, params, p, now);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.INFO, "late placement refused: " + e.getMessage());
        }
      });
    }
  }

  static JsonObject error(Object id, ApiException e, JsonArray limits) {
    JsonObject response = new JsonObject().put("id", id).put("status", e.status()).put("error", e.toWsJson());
    if (limits != null) {
      response.put("rateLimits", limits);
    }
    return response;
  }

  // --------------------------------------------------------------- authentication

  private Account auth(WsApiSession session, JsonObject params, RequestParams p, long now) {
    if (params.containsKey("apiKey") || session.logon() == null) {
      return authenticator.authenticate(p.required("apiKey"), p, SigningPayloads.wsApi(params),
          p.optional("signature"), now);
    }
    authenticator.checkTimestamp(p, now);
    return session.logon();
  }

  private Object logon(WsApiSession session, JsonObject params, RequestParams p, long now) {
    Account account = authenticator.authenticate(p.required("apiKey"), p, SigningPayloads.wsApi(params),
        p.optional("signature"), now);
    if (account.keyType() != KeyType.ED25519) {
      throw new ApiException(400, -4056, (account.keyType() == KeyType.HMAC ? "HMAC_SHA256" : "RSA")
          + " API key is not supported.");
    }
    session.logon(account, now);
    return sessionStatus(session, now);
  }

  /** Logs out; the subscriptions made through the logon ({@code userDataStream.subscribe}) end with it. */
  private Object logout(WsApiSession session, JsonObject params, RequestParams p, long now) {
    for (Subscription s : new ArrayList<>(session.subscriptions())) {
      if (s.viaLogon()) {
        terminate(session, s, now);
      }
    }
    session.logon(null, now);
    return sessionStatus(session, now);
  }

  private JsonObject sessionStatus(WsApiSession session, long now) {
    Account a = session.logon();
    return new JsonObject().put("apiKey", a == null ? null : a.apiKey())
        .put("authorizedSince", a == null ? null : session.authorizedSince())
        .put("connectedSince", session.connectedSince()).put("returnRateLimits", true).put("serverTime", now)
        .put("userDataStream", session.hasSubscriptions());
  }

  // --------------------------------------------------------------- user data stream

  private Object subscribeLogon(WsApiSession session, JsonObject params, RequestParams p, long now) {
    if (session.logon() == null) {
      throw ApiException.unauthorized();
    }
    return subscribe(session, session.logon(), true);
  }

  private Object subscribeSignature(WsApiSession session, JsonObject params, RequestParams p, long now) {
    Account account = authenticator.authenticate(p.required("apiKey"), p, SigningPayloads.wsApi(params),
        p.optional("signature"), now);
    return subscribe(session, account, false);
  }

  /** One subscription per account per connection: a second one is -2035 SUBSCRIPTION_ACTIVE. */
  private JsonObject subscribe(WsApiSession session, Account account, boolean viaLogon) {
    for (Subscription existing : session.subscriptions()) {
      if (existing.account() == account) {
        throw new ApiException(400, -2035, "User Data Stream subscription already active.");
      }
    }
    Subscription s = session.addSubscription(account, viaLogon);
    hub.subscribe(s);
    return new JsonObject().put("subscriptionId", s.id());
  }

  private Object unsubscribe(WsApiSession session, JsonObject params, RequestParams p, long now) {
    Long id = p.longValue("subscriptionId");
    List<Subscription> ended = new ArrayList<>();
    if (id == null) {
      ended.addAll(session.subscriptions());
    } else {
      Subscription s = session.subscriptions().stream().filter(x -> x.id() == id).findFirst()
          .orElseThrow(() -> new ApiException(400, -2036, "User Data Stream subscription not active."));
      ended.add(s);
    }
    for (Subscription s : ended) {
      terminate(session, s, now);
    }
    return new JsonObject();
  }

  /** Ends a subscription, telling the client with {@code eventStreamTerminated}. */
  void terminate(WsApiSession session, Subscription s, long now) {
    session.sendEvent(s.id(), EventEncoder.eventStreamTerminated(now).encode());
    session.removeSubscription(s.id());
    hub.unsubscribe(s);
  }

  private Object listSubscriptions(WsApiSession session, JsonObject params, RequestParams p, long now) {
    JsonArray a = new JsonArray();
    session.subscriptions().forEach(s -> a.add(new JsonObject().put("subscriptionId", s.id())));
    return a;
  }
}
