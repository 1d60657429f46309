package dev.ordertracker.binance.ws;

import dev.ordertracker.binance.clock.ServerClock;
import dev.ordertracker.binance.reconcile.ExchangeOrder;
import dev.ordertracker.binance.reconcile.ExchangeQueries;
import dev.ordertracker.binance.reconcile.ExchangeTrade;
import dev.ordertracker.binance.reconcile.WeightBudget;
import dev.ordertracker.binance.signing.RequestSigner;
import dev.ordertracker.binance.signing.SignedParams;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link ExchangeQueries} over the WebSocket API connection: signed requests, each admitted by the
 * {@link WeightBudget}; a -1021 (clock) answer re-syncs the {@link ServerClock} with {@code time} and retries once;
 * a 429 / 418 stops the budget until the answer's {@code retryAfter}. Retries of other failures are the
 * {@link dev.ordertracker.binance.reconcile.RetryingQueries}' job.
 */
public final class WsApiQueries implements ExchangeQueries {
  private final Supplier<WsApiConnection> connection;
  private final Map<String, RequestSigner> signers;
  private final ServerClock clock;
  private final long recvWindowMs;
  private final WeightBudget budget;
  private final java.util.function.Consumer<Boolean> rateLimited;

  public WsApiQueries(Supplier<WsApiConnection> connection, Map<String, RequestSigner> signers, ServerClock clock,
                      long recvWindowMs, WeightBudget budget) {
    this(connection, signers, clock, recvWindowMs, budget, banned -> { });
  }

  /** @param rateLimited told of every 429 (false) or 418 (true) answer (metrics) */
  public WsApiQueries(Supplier<WsApiConnection> connection, Map<String, RequestSigner> signers, ServerClock clock,
                      long recvWindowMs, WeightBudget budget, java.util.function.Consumer<Boolean> rateLimited) {
    this.rateLimited = rateLimited;
    this.connection = connection;
    this.signers = signers;
    this.clock = clock;
    this.recvWindowMs = recvWindowMs;
    this.budget = budget;
  }

  /** Measures the clock offset with the {@code time} method. */
  public static Future<Void> syncClock(WsApiConnection c, ServerClock clock) {
    long sent = clock.localMs();
    return c.requestObject("time", null).map(r -> {
      clock.update(r.getLong("serverTime"), sent, clock.localMs());
      return null;
    });
  }

  @Override
  public Future<List<ExchangeOrder>> openOrders(String account) {
    return signed(account, "openOrders.status", new JsonObject(), WEIGHT_OPEN_ORDERS_ALL)
        .map(r -> list((JsonArray) r, ExchangeOrder::fromJson));
  }

  @Override
  public Future<ExchangeOrder> orderStatus(String account, String symbol, long orderId) {
    return signed(account, "order.status", new JsonObject().put("symbol", symbol).put("orderId", orderId),
        WEIGHT_ORDER_STATUS)
        .map(r -> ExchangeOrder.fromJson((JsonObject) r))
        .recover(e -> e instanceof BinanceApiException b && b.isOrderNotFound() ? Future.succeededFuture(null)
            : Future.failedFuture(e));
  }

  @Override
  public Future<ExchangeOrder> orderByClientId(String account, String symbol, String clientOrderId) {
    return signed(account, "order.status", new JsonObject().put("symbol", symbol)
        .put("origClientOrderId", clientOrderId), WEIGHT_ORDER_STATUS)
        .map(r -> ExchangeOrder.fromJson((JsonObject) r))
        .recover(e -> e instanceof BinanceApiException b && b.isOrderNotFound() ? Future.succeededFuture(null)
            : Future.failedFuture(e));
  }

  @Override
  public Future<List<ExchangeOrder>> ordersUpdatedBetween(String account, String symbol, long startMs, long endMs) {
    return signed(account, "allOrders", new JsonObject().put("symbol", symbol).put("startTime", startMs)
        .put("endTime", endMs).put("limit", ORDERS_PAGE), WEIGHT_ALL_ORDERS)
        .map(r -> list((JsonArray) r, ExchangeOrder::fromJson));
  }

  @Override
  public Future<List<ExchangeTrade>> tradesOfOrder(String account, String symbol, long orderId) {
    return signed(account, "myTrades", new JsonObject().put("symbol", symbol).put("orderId", orderId),
        WEIGHT_MY_TRADES_BY_ORDER).map(r -> list((JsonArray) r, ExchangeTrade::fromJson));
  }

  @Override
  public Future<List<ExchangeTrade>> tradesFrom(String account, String symbol, long fromId, long startTimeMs) {
    JsonObject params = new JsonObject().put("symbol", symbol).put("limit", TRADES_PAGE);
    if (fromId >= 0) {
      params.put("fromId", fromId);
    } else {
      params.put("startTime", startTimeMs);
    }
    return signed(account, "myTrades", params, WEIGHT_MY_TRADES_PAGE)
        .map(r -> list((JsonArray) r, ExchangeTrade::fromJson));
  }

  private Future<Object> signed(String account, String method, JsonObject params, int weight) {
    return budget.acquire(weight).compose(v -> send(account, method, params)
        .recover(e -> {
          if (e instanceof BinanceApiException b && b.isClockError()) {
            WsApiConnection c = connection.get();
            return c == null ? Future.failedFuture(e)
                : syncClock(c, clock).compose(x -> send(account, method, params));
          }
          if (e instanceof BinanceApiException b && b.isRateLimited()) {
            // 429: back off until the server's retry time; 418: banned until then. Nothing is sent meanwhile.
            budget.pauseUntil(b.retryAfterMs() > 0 ? b.retryAfterMs() : System.currentTimeMillis() + 60_000);
            rateLimited.accept(b.isBanned());
          }
          return Future.failedFuture(e);
        })
        .andThen(ar -> budget.release()));
  }

  private Future<Object> send(String account, String method, JsonObject params) {
    WsApiConnection c = connection.get();
    RequestSigner signer = signers.get(account);
    if (c == null || c.isClosed()) {
      return Future.failedFuture(new BinanceApiException(BinanceApiException.NO_ANSWER, 0, "not connected"));
    }
    if (signer == null) {
      return Future.failedFuture(new IllegalArgumentException("unknown account " + account));
    }
    return c.request(method, SignedParams.wsApi(signer, clock, recvWindowMs, params));
  }

  private static <T> List<T> list(JsonArray array, Function<JsonObject, T> reader) {
    List<T> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(reader.apply(array.getJsonObject(i)));
    }
    return out;
  }
}
