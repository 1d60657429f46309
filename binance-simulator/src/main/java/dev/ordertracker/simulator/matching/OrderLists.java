package dev.ordertracker.simulator.matching;

import dev.ordertracker.simulator.account.Account;
import dev.ordertracker.simulator.api.ApiException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Order lists of a {@link MatchingEngine}: OCO (one shared lock; the first execution of a leg expires the other with
 * {@code eR=OCO_TRIGGER}), OTO / OTOCO / OPO / OPOCO (pending legs reported {@code x=NEW X=PENDING_NEW} until the
 * working leg is fully filled, then {@code x=NEW X=NEW} as they reach the book; the working leg expiring expires them
 * with {@code eR=OTO_PHASE_ONE_EXPIRED}); cancelling any live leg cancels the list; stop triggering on price moves.
 * {@code listStatus}: EXEC_STARTED/EXECUTING on placement, UPDATED/EXECUTING when an amend changed a leg's client id,
 * ALL_DONE/ALL_DONE when the list ends (an OTO when its pending leg is placed, an OTOCO when its pair ends).
 * Runs on the simulator context, as part of the engine.
 */
final class OrderLists {

  private final MatchingEngine engine;
  private final Map<Long, OrderList> byId = new HashMap<>();
  private long nextOrderListId = 1;

  OrderLists(MatchingEngine engine) {
    this.engine = engine;
  }

  OrderList find(Account account, String symbol, Long orderListId, String listClientOrderId) {
    OrderList found = null;
    if (orderListId != null) {
      found = byId.get(orderListId);
      if (found != null && listClientOrderId != null && !found.listClientOrderId.equals(listClientOrderId)) {
        found = null;
      }
    } else if (listClientOrderId != null) {
      for (OrderList l : byId.values()) {
        if (l.listClientOrderId.equals(listClientOrderId) && l.symbol.equals(symbol)
            && l.orders().get(0).account == account && (found == null || !l.done)) {
          found = l;
        }
      }
    } else {
      throw ApiException.missing("orderListId");
    }
    if (found == null || !found.symbol.equals(symbol) || found.orders().get(0).account != account) {
      throw new ApiException(400, -2011, "Order list does not exist.");
    }
    return found;
  }

  private OrderList newList(String symbol, String listClientOrderId, String type, boolean opo, long now) {
    OrderList list = new OrderList(nextOrderListId++, symbol,
        listClientOrderId != null ? listClientOrderId : engine.newClientOrderId(), type, opo, now);
    byId.put(list.orderListId, list);
    return list;
  }

  // ---------------------------------------------------------------- OCO

  private static void validatePair(SymbolSpec spec, OcoRequest r, boolean quantity) {
    if (quantity && (r.quantity().signum() <= 0 || !spec.isStepMultiple(r.quantity()))) {
      throw ApiException.filterFailure("LOT_SIZE");
    }
    for (BigDecimal p : List.of(r.limitMakerPrice(), r.stopPrice(), r.stopLimitPrice())) {
      if (p.signum() <= 0 || !spec.isTickMultiple(p)) {
        throw ApiException.filterFailure("PRICE_FILTER");
      }
    }
  }

  private static void checkPrices(OcoRequest r, BigDecimal ref) {
    boolean sell = r.side() == Side.SELL;
    if (sell ? r.limitMakerPrice().compareTo(ref) <= 0 || r.stopPrice().compareTo(ref) >= 0
        : r.limitMakerPrice().compareTo(ref) >= 0 || r.stopPrice().compareTo(ref) <= 0) {
      throw new ApiException(400, -2010, "The relationship of the prices for the orders is not correct.");
    }
  }

  private static BigDecimal pairLock(OcoRequest r, BigDecimal qty) {
    return r.side() == Side.SELL ? qty : qty.multiply(r.limitMakerPrice().max(r.stopLimitPrice()));
  }

  /** Places an OCO list: a resting LIMIT_MAKER leg and an untriggered STOP_LOSS_LIMIT leg sharing one lock. */
  OrderList place(Account account, OcoRequest r) {
    SymbolBook book = engine.book(r.symbol());
    SymbolSpec spec = book.spec();
    validatePair(spec, r, true);
    checkPrices(r, book.referencePrice());
    String lockAsset = r.side() == Side.SELL ? spec.baseAsset() : spec.quoteAsset();
    BigDecimal lock = pairLock(r, r.quantity());
    if (!account.balances().lock(lockAsset, lock)) {
      throw ApiException.insufficientBalance();
    }
    long now = engine.now();
    OrderList list = newList(r.symbol(), r.listClientOrderId(), "OCO", false, now);
    createPair(account, book, list, r, lockAsset, now);
    startPair(book, list, lock, now);
    for (Order leg : list.orders()) {
      engine.emit(leg, ExecutionType.NEW, null, null, null, now, null, null);
    }
    engine.listener.onListStatus(account, new ListStatus(list, "EXEC_STARTED", "EXECUTING", now));
    engine.listener.onBalancesChanged(account, List.of(lockAsset), now);
    return list;
  }

  private void createPair(Account account, SymbolBook book, OrderList list, OcoRequest r, String lockAsset,
      long now) {
    Order maker = engine.newOrder(account, book, new OrderRequest(r.symbol(), r.side(), OrderType.LIMIT_MAKER,
        TimeInForce.GTC, r.quantity(), null, r.limitMakerPrice(), r.limitMakerClientOrderId(), r.stpMode(), null),
        lockAsset, now);
    Order stop = engine.newOrder(account, book, new OrderRequest(r.symbol(), r.side(), OrderType.STOP_LOSS_LIMIT,
        r.stopLimitTimeInForce(), r.quantity(), null, r.stopLimitPrice(), r.stopClientOrderId(), r.stpMode(), null),
        lockAsset, now);
    stop.stopPrice = r.stopPrice();
    stop.triggered = false;
    stop.working = false;
    maker.list = list;
    stop.list = list;
    list.limitMaker = maker;
    list.stop = stop;
  }

  /** The pair goes to the book: the LIMIT_MAKER leg rests (holding the lock), the stop leg waits for its price. */
  private static void startPair(SymbolBook book, OrderList list, BigDecimal lock, long now) {
    Order maker = list.limitMaker;
    maker.locked = lock;
    maker.working = true;
    maker.workingTime = now;
    list.stop.workingTime = now;
    book.rest(maker);
    book.addStop(list.stop);
  }

  // ---------------------------------------------------------------- OTO, OTOCO, OPO, OPOCO

  /** Places the working leg (which may trade at once) with the pending legs reported PENDING_NEW. */
  OrderList placeOto(Account account, OtoRequest r) {
    SymbolBook book = engine.book(r.symbol());
    SymbolSpec spec = book.spec();
    OrderRequest w = r.working();
    if (w.type() != OrderType.LIMIT && w.type() != OrderType.LIMIT_MAKER) {
      throw new ApiException(400, -1116, "Invalid orderType. The working order must be LIMIT or LIMIT_MAKER.");
    }
    if (r.opo() && (w.side() != Side.BUY || side(r) != Side.SELL)) {
      throw new ApiException(400, -1013, "OPO orders: only a BUY working order and SELL pending orders.");
    }
    if (r.pending() != null) {
      OrderRequest p = r.pending();
      if (p.type() != OrderType.LIMIT && p.type() != OrderType.LIMIT_MAKER && p.type() != OrderType.MARKET) {
        throw new ApiException(400, -1116, "Invalid orderType. The simulator's pending orders are LIMIT,"
            + " LIMIT_MAKER or MARKET (an OTOCO pair: LIMIT_MAKER and STOP_LOSS_LIMIT).");
      }
      if (!r.opo()) {
        MatchingEngine.validate(spec, p);
      } else if (p.type() != OrderType.MARKET && (p.price() == null || !spec.isTickMultiple(p.price()))) {
        throw ApiException.filterFailure("PRICE_FILTER");
      }
      checkFree(account, spec.symbol(), p.clientOrderId());
    } else {
      validatePair(spec, r.pendingPair(), !r.opo());
      OcoRequest pair = r.pendingPair();
      if (pair.side() == Side.SELL ? pair.limitMakerPrice().compareTo(pair.stopPrice()) <= 0
          : pair.limitMakerPrice().compareTo(pair.stopPrice()) >= 0) {
        throw new ApiException(400, -2010, "The relationship of the prices for the orders is not correct.");
      }
      checkFree(account, spec.symbol(), pair.limitMakerClientOrderId());
      checkFree(account, spec.symbol(), pair.stopClientOrderId());
    }
    // enums.md ContingencyType has OCO and OTO only: OTOCO, OPO and OPOCO lists are reported as OTO
    OrderList list = newList(r.symbol(), r.listClientOrderId(), "OTO", r.opo(), engine.now());
    engine.place(account, w, list, () -> pend(account, book, list, r));
    return list;
  }

  private static Side side(OtoRequest r) {
    return r.pending() != null ? r.pending().side() : r.pendingPair().side();
  }

  private void checkFree(Account account, String symbol, String clientOrderId) {
    if (clientOrderId != null) {
      engine.checkClientId(account, symbol, clientOrderId);
    }
  }

  /** Creates the pending legs (PENDING_NEW, not on the book, nothing locked) and reports them and the list. */
  private void pend(Account account, SymbolBook book, OrderList list, OtoRequest r) {
    long now = list.transactionTime;
    if (r.pending() != null) {
      OrderRequest p = r.pending();
      Order leg = engine.newOrder(account, book, new OrderRequest(p.symbol(), p.side(), p.type(),
          p.timeInForce(), r.opo() ? BigDecimal.ZERO : p.quantity(), null, p.price(), p.clientOrderId(),
          p.stpMode(), null), lockAsset(book.spec(), p.side()), now);
      leg.list = list;
      list.pending = leg;
    } else {
      OcoRequest pair = r.pendingPair();
      createPair(account, book, list, r.opo() ? withQuantity(pair, BigDecimal.ZERO) : pair,
          lockAsset(book.spec(), pair.side()), now);
    }
    for (Order leg : list.orders()) {
      if (leg != list.working) {
        leg.status = OrderStatus.PENDING_NEW;
        leg.working = false;
        leg.workingTime = -1;
        engine.emit(leg, ExecutionType.NEW, null, null, null, now, null, null);
      }
    }
    engine.listener.onListStatus(account, new ListStatus(list, "EXEC_STARTED", "EXECUTING", now));
  }

  private static String lockAsset(SymbolSpec spec, Side side) {
    return side == Side.SELL ? spec.baseAsset() : spec.quoteAsset();
  }

  private static OcoRequest withQuantity(OcoRequest r, BigDecimal qty) {
    return new OcoRequest(r.symbol(), r.side(), qty, r.limitMakerPrice(), r.stopPrice(), r.stopLimitPrice(),
        r.stopLimitTimeInForce(), r.listClientOrderId(), r.limitMakerClientOrderId(), r.stopClientOrderId(),
        r.stpMode());
  }

  /** The working leg is fully filled: the pending leg (OTO) or pair (OTOCO) goes to the book. */
  private void activate(SymbolBook book, OrderList list, long now) {
    if (list.opo) {
      BigDecimal received = receivedBase(list.working, book.spec());
      for (Order leg : list.orders()) {
        if (leg != list.working) {
          leg.origQty = received;
        }
      }
    }
    if (list.pending != null) {
      list.done = true; // the OTO's contingency is complete once its pending leg is placed
      engine.activate(book, list.pending, now);
      engine.listener.onListStatus(list.working.account, new ListStatus(list, "ALL_DONE", "ALL_DONE", now));
      return;
    }
    Order maker = list.limitMaker;
    Order stop = list.stop;
    SymbolSpec spec = book.spec();
    String lockAsset = maker.side == Side.SELL ? spec.baseAsset() : spec.quoteAsset();
    BigDecimal lock = maker.side == Side.SELL ? maker.origQty : maker.origQty.multiply(maker.price.max(stop.price));
    maker.lockedAsset = lockAsset;
    stop.lockedAsset = lockAsset;
    if (maker.origQty.signum() <= 0 || !maker.account.balances().lock(lockAsset, lock)) {
      list.done = true;
      engine.finish(book, maker, ExecutionType.EXPIRED, OrderStatus.EXPIRED, null, null, now, "REJECTED");
      engine.finish(book, stop, ExecutionType.EXPIRED, OrderStatus.EXPIRED, null, null, now, "REJECTED");
      engine.listener.onListStatus(maker.account, new ListStatus(list, "ALL_DONE", "ALL_DONE", now));
      return;
    }
    MatchingEngine.transition(maker, OrderStatus.NEW, now);
    MatchingEngine.transition(stop, OrderStatus.NEW, now);
    startPair(book, list, lock, now);
    for (Order leg : list.orders()) {
      if (leg != list.working) {
        engine.emit(leg, ExecutionType.NEW, null, null, null, now, null, null);
      }
    }
    engine.listener.onBalancesChanged(maker.account, List.of(lockAsset), now);
    triggerStops(book, now);
  }

  /** OPO: what the working BUY received (its fills less base-asset commission), floored to the step size. */
  private static BigDecimal receivedBase(Order working, SymbolSpec spec) {
    BigDecimal got = BigDecimal.ZERO;
    for (Fill f : working.fills) {
      got = got.add(f.qty());
      if (spec.baseAsset().equals(f.commissionAsset())) {
        got = got.subtract(f.commission());
      }
    }
    return spec.floorToStep(got.setScale(8, RoundingMode.DOWN));
  }

  // ---------------------------------------------------------------- contingencies

  /** Ends the list: every other live leg is finished as {@code x}/{@code status}; the list reports ALL_DONE. */
  private void endList(SymbolBook book, OrderList list, Order cause, ExecutionType x, OrderStatus status,
      String cancelClientId, String expiryReason, long now) {
    list.done = true;
    for (Order leg : list.orders()) {
      if (leg != cause && leg.isLive()) {
        engine.finish(book, leg, x, status, cancelClientId, cancelClientId == null ? null : leg.clientOrderId, now,
            expiryReason);
      }
    }
    engine.listener.onListStatus(cause.account, new ListStatus(list, "ALL_DONE", "ALL_DONE", now));
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
    endList(book, list, stop, ExecutionType.EXPIRED, OrderStatus.EXPIRED, null, "OCO_TRIGGER", now);
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

  /** A leg traded: a fully filled working leg places the pending legs; a pair leg expires the other leg. */
  void legExecuted(SymbolBook book, Order order, long now) {
    OrderList list = order.list;
    if (list == null || list.done) {
      return;
    }
    if (order == list.working) {
      if (order.status == OrderStatus.FILLED) {
        activate(book, list, now);
      }
    } else if (list.inActivePair(order)) {
      endList(book, list, order, ExecutionType.EXPIRED, OrderStatus.EXPIRED, null, "OCO_TRIGGER", now);
    }
  }

  /** A leg expired (IOC/FOK, self-trade prevention): a working leg takes the pending legs with it. */
  void legEnded(SymbolBook book, Order order, long now) {
    OrderList list = order.list;
    if (list == null || list.done) {
      return;
    }
    endList(book, list, order, ExecutionType.EXPIRED, OrderStatus.EXPIRED, null,
        order == list.working ? "OTO_PHASE_ONE_EXPIRED" : "OCO_TRIGGER", now);
  }

  /** A leg was canceled: the list's other live legs are canceled with the same cancel client id. */
  void legCanceled(SymbolBook book, Order order, String cancelClientId, long now) {
    OrderList list = order.list;
    if (list != null && !list.done) {
      endList(book, list, order, ExecutionType.CANCELED, OrderStatus.CANCELED, cancelClientId, null, now);
    }
  }

  /** A leg's client id changed (amend): {@code listStatus} {@code l=UPDATED}. */
  void updated(OrderList list, long now) {
    engine.listener.onListStatus(list.orders().get(0).account, new ListStatus(list, "UPDATED", "EXECUTING", now));
  }

  void triggerStops(SymbolBook book, long now) {
    for (Order stop : book.triggeredStops()) {
      if (stop.isOpen() && !stop.triggered && stop.list != null && stop.list.inActivePair(stop)) {
        trigger(book, stop, now);
      }
    }
  }
}
