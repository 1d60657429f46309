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
  int TRADES_PAGE = 1000;

  /** Every open order of the account (all symbols). */
  Future<List<ExchangeOrder>> openOrders(String account);

  /** One order, or null when the exchange does not know it (-2013). */
  Future<ExchangeOrder> orderStatus(String account, String symbol, long orderId);

  Future<List<ExchangeTrade>> tradesOfOrder(String account, String symbol, long orderId);

  /**
   * Up to {@link #TRADES_PAGE} trades of the symbol, oldest first: with id >= {@code fromId}, or when
   * {@code fromId} is negative, from {@code startTimeMs} on.
   */
  Future<List<ExchangeTrade>> tradesFrom(String account, String symbol, long fromId, long startTimeMs);
}
