package dev.ordertracker.simulator.matching;

import dev.ordertracker.simulator.account.Account;
import dev.ordertracker.simulator.api.ApiException;

import java.math.BigDecimal;
import java.util.List;

/**
 * OCO order lists of a {@link MatchingEngine}: placement with one shared lock, the contingency (the first execution
 * of a leg expires the other, cancelling a leg cancels the list) and stop triggering on price moves.
 * Runs on the simulator context, as part of the engine.
 */
final class OrderLists {

  private final MatchingEngine engine;
  private long nextOrderListId = 1;

  OrderLists(MatchingEngine engine) {
    this.engine = engine;
  }

  /** Places an OCO list: a resting LIMIT_MAKER leg and an untriggered STOP_LOSS_LIMIT leg sharing one lock. */
  OrderList place(Account account, OcoRequest r) {
    SymbolBook book = engine.book(r.symbol());
    SymbolSpec spec = book.spec();
    if (r.quantity().signum() <= 0 || !spec.isStepMultiple(r.quantity())) {
      throw ApiException.filterFailure("LOT_SIZE");
    }
    for (BigDecimal p : List.of(r.limitMakerPrice(), r.stopPrice(), r.stopLimitPrice())) {
      if (p.signum() <= 0 || !spec.isTickMultiple(p)) {
        throw ApiException.filterFailure("PRICE_FILTER");
      }
    }
    BigDecimal ref = book.referencePrice();
    boolean sell = r.side() == Side.SELL;
    if (sell ? r.limitMakerPrice().compareTo(ref) <= 0 || r.stopPrice().compareTo(ref) >= 0
        : r.limitMakerPrice().compareTo(ref) >= 0 || r.stopPrice().compareTo(ref) <= 0) {
      throw new ApiException(400, -2010, "The relationship of the prices for the orders is not correct.");
    }
    String lockAsset = sell ? spec.baseAsset() : spec.quoteAsset();
    BigDecimal lock = sell ? r.quantity() : r.quantity().multiply(r.limitMakerPrice().max(r.stopLimitPrice()));
    if (!account.balances().lock(lockAsset, lock)) {
      throw ApiException.insufficientBalance();
    }
    long now = engine.now();
    Order maker = engine.newOrder(account, book, new OrderRequest(r.symbol(), r.side(), OrderType.LIMIT_MAKER,
        TimeInForce.GTC, r.quantity(), null, r.limitMakerPrice(), r.limitMakerClientOrderId()), lockAsset, now);
    maker.locked = lock;
    maker.working = true;
    Order stop = engine.newOrder(account, book, new OrderRequest(r.symbol(), r.side(), OrderType.STOP_LOSS_LIMIT,
        r.stopLimitTimeInForce(), r.quantity(), null, r.stopLimitPrice(), r.stopClientOrderId()), lockAsset, now);
    stop.stopPrice = r.stopPrice();
    stop.triggered = false;
    stop.working = false;
    OrderList list = new OrderList(nextOrderListId++, r.symbol(),
        r.listClientOrderId() != null ? r.listClientOrderId() : engine.newClientOrderId(), maker, stop, now);
    maker.list = list;
    stop.list = list;
    book.rest(maker);
    book.addStop(stop);
    for (Order leg : list.orders()) {
      engine.emit(leg, ExecutionType.NEW, null, null, null, now, null, null);
    }
    engine.listener.onListStatus(account, new ListStatus(list, "EXEC_STARTED", "EXECUTING", now));
    engine.listener.onBalancesChanged(account, List.of(lockAsset), now);
    return list;
  }

  /** Finishes the list's remaining leg and reports the list ALL_DONE. */
  private void endList(SymbolBook book, OrderList list, Order remaining, ExecutionType x, OrderStatus status,
      String cancelClientId, long now) {
    list.done = true;
    if (remaining.isOpen()) {
      engine.finish(book, remaining, x, status, cancelClientId, cancelClientId == null ? null : remaining.clientOrderId, now,
          null);
    }
    engine.listener.onListStatus(remaining.account, new ListStatus(list, "ALL_DONE", "ALL_DONE", now));
  }

  /** The price reached a stop leg: the other leg expires, the stop becomes a limit order that may trade at once. */
  private void trigger(SymbolBook book, Order stop, long now) {
    OrderList list = stop.list;
    Order other = list.other(stop);
    stop.locked = other.locked;
    other.locked = BigDecimal.ZERO;
    stop.triggered = true;
    stop.working = true;
    stop.workingTime = now;
    book.removeStop(stop);
    endList(book, list, other, ExecutionType.EXPIRED, OrderStatus.EXPIRED, null, now);
    for (SymbolBook.Level level : book.planByQuantity(stop.side, stop.remaining(), stop.price)) {
      engine.fill(book, stop, level.qty(), level.price(), false, now);
    }
    if (stop.isOpen()) {
      if (stop.timeInForce == TimeInForce.GTC) {
        book.rest(stop);
      } else {
        engine.finish(book, stop, ExecutionType.EXPIRED, OrderStatus.EXPIRED, null, null, now,
            stop.timeInForce == TimeInForce.IOC ? "UNFILLED_IOC_QUANTITY_EXPIRED" : "UNFILLED_FOK_ORDER_EXPIRED");
      }
    }
  }


  /** A leg traded (even partially): the other leg expires and the list is done. */
  void legExecuted(SymbolBook book, Order order, long now) {
    OrderList list = order.list;
    if (list != null && !list.done) {
      endList(book, list, list.other(order), ExecutionType.EXPIRED, OrderStatus.EXPIRED, null, now);
    }
  }

  /** A leg was canceled: the other leg is canceled too. */
  void legCanceled(SymbolBook book, Order order, long now) {
    OrderList list = order.list;
    if (list != null && !list.done) {
      endList(book, list, list.other(order), ExecutionType.CANCELED, OrderStatus.CANCELED,
          engine.newClientOrderId(), now);
    }
  }

  /** A leg's client id changed (amend): {@code listStatus} {@code l=UPDATED}. */
  void updated(OrderList list, long now) {
    engine.listener.onListStatus(list.orders().get(0).account, new ListStatus(list, "UPDATED", "EXECUTING", now));
  }

  void triggerStops(SymbolBook book, long now) {
    for (Order stop : book.triggeredStops()) {
      if (stop.isOpen() && !stop.triggered) {
        trigger(book, stop, now);
      }
    }
  }
}
