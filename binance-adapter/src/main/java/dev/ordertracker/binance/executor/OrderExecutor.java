package dev.ordertracker.binance.executor;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.clock.ServerClock;
import dev.ordertracker.binance.config.AccountConfig;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.binance.config.KeyLoader;
import dev.ordertracker.binance.feed.TrackerFeed;
import dev.ordertracker.binance.reconcile.ExchangeOrder;
import dev.ordertracker.binance.reconcile.ExchangeTrade;
import dev.ordertracker.binance.reconcile.Reconciler;
import dev.ordertracker.binance.rest.BinanceRestClient;
import dev.ordertracker.binance.signing.RequestSigner;
import dev.ordertracker.binance.ws.BinanceApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Places and cancels orders over signed REST and tracks each one at once:
 * <ul>
 *   <li>answer 200: {@code trackOrder} (merging into the order if its stream NEW came first), then the
 *   {@link Reconciler}'s updates from the answer and its fills; whatever the stream already delivered is not
 *   repeated, so no event is published twice;</li>
 *   <li>5xx, -1007 TIMEOUT or no answer: outcome unknown: the order is queried by its client id (a few times)
 *   before anything is published; found → as above; never found → FAILED "not executed";</li>
 *   <li>other 4xx: FAILED with Binance's code and message (tracked under its client order id: it has no exchange
 *   id);</li>
 *   <li>429/418: the future fails with a clear error and further placements fail fast until the back-off ends.</li>
 * </ul>
 * Safe to use from one context at a time (it keeps the back-off deadline).
 */
public final class OrderExecutor {
  private static final int UNKNOWN_OUTCOME_QUERIES = 4;
  private static final long UNKNOWN_OUTCOME_DELAY_MS = 250;
  private static final long RATE_LIMIT_BACKOFF_MS = 30_000;

  private final Vertx vertx;
  private final BinanceRestClient rest;
  private final Map<String, RequestSigner> signers;
  private final TrackerFeed feed;
  private final OrderTracker tracker;
  private volatile long backoffUntilMs;

  private OrderExecutor(Vertx vertx, BinanceRestClient rest, Map<String, RequestSigner> signers, TrackerFeed feed) {
    this.vertx = vertx;
    this.rest = rest;
    this.signers = signers;
    this.feed = feed;
    this.tracker = feed.tracker();
  }

  /** Loads the accounts' keys off the event loop and syncs the clock with the exchange. */
  public static Future<OrderExecutor> create(Vertx vertx, BinanceAdapterOptions options) {
    options.validate();
    List<AccountConfig> accounts = options.getAccounts();
    return vertx.executeBlocking(() -> {
      Map<String, RequestSigner> loaded = new LinkedHashMap<>();
      for (AccountConfig a : accounts) {
        loaded.put(a.name(), KeyLoader.load(a));
      }
      return loaded;
    }, false).compose(signers -> {
      Addresses addresses = options.addresses();
      BinanceRestClient rest = new BinanceRestClient(vertx, options.getRestUrl(), new ServerClock(),
          options.getRecvWindowMs(), options.getRequestTimeoutMs());
      OrderExecutor executor = new OrderExecutor(vertx, rest,
          signers, new TrackerFeed(vertx, addresses, true, options.getRequestTimeoutMs(),
              options.getReconnectInitialDelayMs(), options.getReconnectMaxDelayMs()));
      return rest.syncClock().map(executor);
    });
  }

  /** Places an order; completes with the tracked order as the exchange answered it (FAILED when rejected). */
  public Future<TrackedOrder> place(PlaceOrder order) {
    RequestSigner signer = signers.get(order.account());
    if (signer == null) {
      return Future.failedFuture(new IllegalArgumentException("account: unknown account '" + order.account() + "'"));
    }
    long now = System.currentTimeMillis();
    if (now < backoffUntilMs) {
      return Future.failedFuture(new BinanceApiException(429, 0, "rate limited: no orders until "
          + Instant.ofEpochMilli(backoffUntilMs)));
    }
    PlaceOrder o = order.clientOrderId() != null ? order
        : order.withClientOrderId("vot-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("symbol", o.symbol());
    params.put("side", o.side().name());
    params.put("type", o.type().name());
    if (o.type() == dev.ordertracker.api.OrderType.LIMIT) {
      params.put("timeInForce", o.timeInForce() == null ? "GTC" : o.timeInForce());
      params.put("price", o.price().toPlainString());
    }
    if (o.quantity() != null) {
      params.put("quantity", o.quantity().toPlainString());
    } else {
      params.put("quoteOrderQty", o.quoteOrderQty().toPlainString());
    }
    params.put("newClientOrderId", o.clientOrderId());
    params.put("newOrderRespType", "FULL");
    return rest.signed(HttpMethod.POST, "/api/v3/order", params, signer)
        .compose(answer -> accepted(o.account(), (JsonObject) answer, fills((JsonObject) answer)))
        .recover(e -> failedPlacement(o, signer, e));
  }

  /** Cancels an order; completes with the tracked order after the cancel answer. */
  public Future<TrackedOrder> cancel(String account, String symbol, String orderId) {
    RequestSigner signer = signers.get(account);
    if (signer == null) {
      return Future.failedFuture(new IllegalArgumentException("account: unknown account '" + account + "'"));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("symbol", symbol);
    params.put("orderId", orderId);
    return rest.signed(HttpMethod.DELETE, "/api/v3/order", params, signer)
        .compose(answer -> {
          JsonObject json = ((JsonObject) answer).copy();
          // a cancel answer's clientOrderId is the cancel request's; the order's is origClientOrderId
          json.put("clientOrderId", json.getString("origClientOrderId", json.getString("clientOrderId")));
          return accepted(account, json, List.of());
        });
  }

  private Future<TrackedOrder> accepted(String account, JsonObject answer, List<ExchangeTrade> trades) {
    ExchangeOrder exchange = ExchangeOrder.fromJson(answer);
    String orderId = Long.toString(exchange.orderId());
    NewOrder newOrder = new NewOrder(orderId, exchange.clientOrderId(), exchange.symbol(), exchange.type(),
        exchange.side(), exchange.origQty().signum() > 0 ? exchange.origQty() : exchange.executedQty().signum() > 0
        ? exchange.executedQty() : java.math.BigDecimal.ONE, exchange.price(), account, answer,
        exchange.time() > 0 ? Instant.ofEpochMilli(exchange.time()) : null);
    return tracker.trackOrder(newOrder).compose(tracked -> {
      List<OrderUpdate> updates = Reconciler.reconcile(tracked, exchange, trades, account, 0, 1, Instant.now())
          .updates();
      Future<?> chain = Future.succeededFuture();
      for (OrderUpdate u : updates) {
        chain = chain.compose(v -> feed.apply(u));
      }
      return chain.compose(v -> tracker.getOrder(orderId, exchange.symbol()));
    });
  }

  private static List<ExchangeTrade> fills(JsonObject answer) {
    JsonArray fills = answer.getJsonArray("fills");
    List<ExchangeTrade> out = new ArrayList<>();
    if (fills != null) {
      long time = answer.getLong("transactTime", 0L);
      for (int i = 0; i < fills.size(); i++) {
        out.add(ExchangeTrade.fromResponseFill(fills.getJsonObject(i), answer.getString("symbol"),
            answer.getLong("orderId"), time));
      }
    }
    return out;
  }

  private Future<TrackedOrder> failedPlacement(PlaceOrder o, RequestSigner signer, Throwable e) {
    if (!(e instanceof BinanceApiException b)) {
      return Future.failedFuture(e);
    }
    if (b.isRateLimited()) {
      backoffUntilMs = System.currentTimeMillis() + RATE_LIMIT_BACKOFF_MS;
      return Future.failedFuture(new BinanceApiException(b.status(), b.code(), "rate limited by Binance ("
          + b.getMessage() + "): backing off " + RATE_LIMIT_BACKOFF_MS / 1000 + " s"));
    }
    if (b.isUnknownOutcome()) {
      return findByClientId(o, signer, UNKNOWN_OUTCOME_QUERIES).compose(found -> found != null
          ? tradesOf(o, signer, found).compose(trades -> accepted(o.account(), found, trades))
          : rejected(o, "unknown outcome (" + b.getMessage() + "), not found on the exchange after "
              + UNKNOWN_OUTCOME_QUERIES + " queries: not executed"));
    }
    return rejected(o, b.getMessage());
  }

  private Future<JsonObject> findByClientId(PlaceOrder o, RequestSigner signer, int attemptsLeft) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("symbol", o.symbol());
    params.put("origClientOrderId", o.clientOrderId());
    return rest.signed(HttpMethod.GET, "/api/v3/order", params, signer).map(a -> (JsonObject) a)
        .recover(e -> {
          boolean notFound = e instanceof BinanceApiException b && b.isOrderNotFound();
          if (attemptsLeft <= 1) {
            return notFound ? Future.succeededFuture(null) : Future.failedFuture(e);
          }
          Promise<Void> later = Promise.promise();
          vertx.setTimer(UNKNOWN_OUTCOME_DELAY_MS, t -> later.complete());
          return later.future().compose(v -> findByClientId(o, signer, attemptsLeft - 1));
        });
  }

  private Future<List<ExchangeTrade>> tradesOf(PlaceOrder o, RequestSigner signer, JsonObject found) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("symbol", o.symbol());
    params.put("orderId", found.getLong("orderId"));
    return rest.signed(HttpMethod.GET, "/api/v3/myTrades", params, signer).map(a -> {
      JsonArray array = (JsonArray) a;
      List<ExchangeTrade> out = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        out.add(ExchangeTrade.fromJson(array.getJsonObject(i)));
      }
      return out;
    });
  }

  /** A rejected order has no exchange id: it is tracked under its client order id and ends FAILED. */
  private Future<TrackedOrder> rejected(PlaceOrder o, String message) {
    java.math.BigDecimal qty = o.quantity() != null ? o.quantity() : o.quoteOrderQty();
    NewOrder newOrder = new NewOrder(o.clientOrderId(), o.clientOrderId(), o.symbol(), o.type(), o.side(), qty,
        o.price(), o.account(), null, null);
    return tracker.trackOrder(newOrder)
        .compose(t -> feed.apply(OrderUpdate.builder(o.symbol(), o.clientOrderId(), OrderStatus.FAILED)
            .account(o.account()).clientOrderId(o.clientOrderId()).errorMessage(message).build()))
        .compose(v -> tracker.getOrder(o.clientOrderId(), o.symbol()));
  }

  public Future<Void> close() {
    feed.close();
    return rest.close();
  }
}
