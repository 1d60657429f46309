package dev.ordertracker.binance.reconcile;

import io.vertx.core.Future;

import java.util.List;

/** The exchange reads reconciliation needs, per account. Implemented over the WebSocket API or REST. */
public interface ExchangeQueries {
  /** Weights Binance charges (WebSocket API and REST agree). */
  int WEIGHT_OPEN_ORDERS_ALL = 80;
  int WEIGHT_ORDER_STATUS = 4;
  int WEIGHT_MY_TRADES_BY_ORDER = 5;
  int WEIGHT_MY_TRADES_PAGE = 20;
  /** {@code allOrders}: weight 20, at most 1,000 orders, a time range of at most 24 h (web-socket-api.md). */
  int WEIGHT_ALL_ORDERS = 20;
  int TRADES_PAGE = 1000;
  int ORDERS_PAGE = 1000;
  long ALL_ORDERS_MAX_RANGE_MS = 24 * 3_600_000L;

  /** Every open order of the account (all symbols). */
  Future<List<ExchangeOrder>> openOrders(String account);

  /** One order, or null when the exchange does not know it (-2013). */
  Future<ExchangeOrder> orderStatus(String account, String symbol, long orderId);

  /** One order by the client order id its placer chose, or null when the exchange does not know it. */
  Future<ExchangeOrder> orderByClientId(String account, String symbol, String clientOrderId);

  /**
   * Up to {@link #ORDERS_PAGE} orders of the symbol whose last status update is within [startMs, endMs] (at most
   * {@link #ALL_ORDERS_MAX_RANGE_MS} apart): {@code allOrders}, "orders are filtered by time of the last execution
   * status update" (web-socket-api.md "Account order history").
   */
  Future<List<ExchangeOrder>> ordersUpdatedBetween(String account, String symbol, long startMs, long endMs);

  Future<List<ExchangeTrade>> tradesOfOrder(String account, String symbol, long orderId);

  /**
   * Up to {@link #TRADES_PAGE} trades of the symbol, oldest first: with id >= {@code fromId}, or when
   * {@code fromId} is negative, from {@code startTimeMs} on.
   */
  Future<List<ExchangeTrade>> tradesFrom(String account, String symbol, long fromId, long startTimeMs);
}
