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
 *   <li>5xx, -1006, -1007 or no answer: the outcome is unknown and the executor never invents one (issue 14): the
 *   order is tracked PENDING under its client order id (a placeholder, {@code exchange_response} = {@code {outcome:
 *   UNKNOWN, reason}}) and {@code place} completes with it; in the background the order is queried by client id with
 *   a capped exponential backoff with jitter: found → as above (the tracker adopts the placeholder: one order, one
 *   record, whichever of the stream, the late answer or a query comes first); still unknown after
 *   {@code unknown_outcome_give_up_ms} → LOST (ORDER_LOST), never FAILED. The reconciliation loop resolves
 *   placeholders too (e.g. after a restart);</li>
 *   <li>other 4xx: FAILED with Binance's code and message (tracked under its client order id: it has no exchange
 *   id);</li>
 *   <li>429/418: the future fails with a clear error and further placements fail fast until the back-off ends.</li>
 * </ul>
 * Safe to use from one context at a time (it keeps the back-off deadline).
 */
public final class OrderExecutor {
  private static final System.Logger LOG = System.getLogger(OrderExecutor.class.getName());
  /** Without a server retry time, a 429 / 418 stops placements this long. */
  private static final long RATE_LIMIT_BACKOFF_MS = 30_000;

  private final Vertx vertx;
  private final BinanceRestClient rest;
  private final Map<String, RequestSigner> signers;
  private final TrackerFeed feed;
  private final OrderTracker tracker;
  private volatile long backoffUntilMs;
  private final long giveUpMs;
  private final long retryInitialMs;
  private final long retryMaxMs;
  private final java.util.Random random = new java.util.Random();
  private volatile long usedWeight;
  private volatile boolean closed;

  private OrderExecutor(Vertx vertx, BinanceRestClient rest, Map<String, RequestSigner> signers, TrackerFeed feed,
                        dev.ordertracker.binance.config.ReconcileLoopOptions loop) {
    this.giveUpMs = loop.getUnknownOutcomeGiveUpMs();
    this.retryInitialMs = loop.getQueryRetryInitialDelayMs();
    this.retryMaxMs = loop.getQueryRetryMaxDelayMs();
    rest.onUsedWeight(w -> usedWeight = w);
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
              options.getReconnectInitialDelayMs(), options.getReconnectMaxDelayMs()), options.reconcileLoop());
      return rest.syncClock().map(executor);
    });
  }

  /**
   * Places an order; completes with the tracked order as the exchange answered it (FAILED when rejected), or, when the
   * outcome is unknown (5xx, -1006, -1007, no answer), with its PENDING placeholder under the client order id, which
   * the stream, the late answer or a query resolves later (LOST after {@code unknown_outcome_give_up_ms}).
   */
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
      // 429 / 418 carry the server's retry time (Retry-After); a 418 is a ban until then (rest-api.md "LIMITS")
      long until = b.retryAfterMs() > 0 ? b.retryAfterMs() : System.currentTimeMillis() + RATE_LIMIT_BACKOFF_MS;
      backoffUntilMs = Math.max(backoffUntilMs, until);
      return Future.failedFuture(new BinanceApiException(b.status(), b.code(), "rate limited by Binance ("
          + b.getMessage() + "): no placements until " + Instant.ofEpochMilli(backoffUntilMs), b.retryAfterMs()));
    }
    if (b.isUnknownOutcome()) {
      long since = System.currentTimeMillis();
      return placeholder(o, b.getMessage()).onSuccess(p -> resolveLater(o, signer, since, 0));
    }
    return rejected(o, b.getMessage());
  }

  /** The order tracked PENDING under its client id, with the reason its outcome is unknown. */
  private Future<TrackedOrder> placeholder(PlaceOrder o, String reason) {
    java.math.BigDecimal qty = o.quantity() != null ? o.quantity() : o.quoteOrderQty();
    JsonObject why = new JsonObject().put("outcome", "UNKNOWN").put("reason", "placement answered " + reason
        + ": waiting for the exchange (stream or query) to tell");
    return tracker.trackOrder(new NewOrder(o.clientOrderId(), o.clientOrderId(), o.symbol(), o.type(), o.side(), qty,
        o.price(), o.account(), why, Instant.now()));
  }

  /**
   * Asks the exchange for the order by client id until it is found (then tracked from the answer: the placeholder is
   * adopted) or the give-up time passed (then LOST, unless the stream resolved it meanwhile).
   */
  private void resolveLater(PlaceOrder o, RequestSigner signer, long sinceMs, int attempt) {
    long delay = Math.max(1, dev.ordertracker.binance.reconcile.RetryingQueries.delayMs(attempt, retryInitialMs,
        retryMaxMs, random));
    vertx.setTimer(delay, t -> {
      if (closed) {
        return;
      }
      findByClientId(o, signer).onComplete(ar -> {
        if (ar.succeeded() && ar.result() != null) {
          JsonObject found = ar.result();
          tradesOf(o, signer, found).compose(trades -> accepted(o.account(), found, trades))
              .onFailure(x -> resolveLater(o, signer, sinceMs, attempt + 1));
        } else if (System.currentTimeMillis() - sinceMs >= giveUpMs) {
          giveUp(o, sinceMs);
        } else if (ar.failed() && ar.cause() instanceof BinanceApiException b && b.retryAfterMs() > 0) {
          // 429 / 418: not before the server's retry time
          vertx.setTimer(Math.max(1, b.retryAfterMs() - System.currentTimeMillis()),
              x -> resolveLater(o, signer, sinceMs, attempt + 1));
        } else {
          resolveLater(o, signer, sinceMs, attempt + 1);
        }
      });
    });
  }

  /** LOST (ORDER_LOST), only while the placeholder is still PENDING: the stream may have resolved it meanwhile. */
  private void giveUp(PlaceOrder o, long sinceMs) {
    tracker.getOrder(o.clientOrderId(), o.symbol()).onSuccess(p -> {
      if (p.status() == OrderStatus.PENDING) {
        LOG.log(System.Logger.Level.WARNING, () -> "order " + o.symbol() + "/" + o.clientOrderId() + " of "
            + o.account() + ": placement outcome unknown and not found on the exchange for " + giveUpMs + " ms: LOST");
        feed.apply(dev.ordertracker.binance.reconcile.Reconciler.lostPlaceholder(p, o.account(), Instant.now()));
      }
    });
  }

  /** The order by client id, or null when the exchange does not know it (-2013). */
  private Future<JsonObject> findByClientId(PlaceOrder o, RequestSigner signer) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("symbol", o.symbol());
    params.put("origClientOrderId", o.clientOrderId());
    return rest.signed(HttpMethod.GET, "/api/v3/order", params, signer).map(a -> (JsonObject) a)
        .recover(e -> e instanceof BinanceApiException b && b.isOrderNotFound() ? Future.succeededFuture(null)
            : Future.failedFuture(e));
  }

  /** The IP's used request weight of the minute as the last REST answer reported it ({@code X-MBX-USED-WEIGHT-1M}). */
  public long usedWeight() {
    return usedWeight;
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

  /**
   * A rejected order has no exchange id: it is tracked under its client order id and ends FAILED. When that client id
   * already names an order on the symbol (a duplicate client id), nothing is tracked: the future fails with the
   * exchange's error.
   */
  private Future<TrackedOrder> rejected(PlaceOrder o, String message) {
    java.math.BigDecimal qty = o.quantity() != null ? o.quantity() : o.quoteOrderQty();
    NewOrder newOrder = new NewOrder(o.clientOrderId(), o.clientOrderId(), o.symbol(), o.type(), o.side(), qty,
        o.price(), o.account(), null, null);
    return tracker.trackOrder(newOrder)
        .compose(t -> !t.orderId().equals(o.clientOrderId())
            ? Future.failedFuture(new IllegalStateException(message + " (client order id " + o.clientOrderId()
                + " already names order " + t.orderId() + ")"))
            : Future.succeededFuture(t))
        .compose(t -> feed.apply(OrderUpdate.builder(o.symbol(), o.clientOrderId(), OrderStatus.FAILED)
            .account(o.account()).clientOrderId(o.clientOrderId()).errorMessage(message).build()))
        .compose(v -> tracker.getOrder(o.clientOrderId(), o.symbol()));
  }

  public Future<Void> close() {
    closed = true;
    feed.close();
    return rest.close();
  }
}
