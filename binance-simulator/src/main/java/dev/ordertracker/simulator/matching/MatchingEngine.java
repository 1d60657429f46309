package dev.ordertracker.simulator.matching;

import dev.ordertracker.simulator.account.Account;
import dev.ordertracker.simulator.account.Balances;
import dev.ordertracker.simulator.api.ApiException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The exchange: one {@link SymbolBook} per symbol, order placement, cancellation, queries and the effect of
 * reference-price moves on resting orders. Every change is reported to the {@link EngineListener} as a complete
 * executionReport, followed by the changed balances. Runs on the simulator context only (no locks).
 *
 * <pre>
 *   place ─► validate ─► plan taker fills ─► lock funds ─► NEW ─► TRADE* ─► rest | EXPIRED | FILLED
 *   setPrice ─► crossed resting orders ─► TRADE (maker) ─► PARTIALLY_FILLED | FILLED
 * </pre>
 */
public final class MatchingEngine {

  private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Map<String, SymbolBook> books = new LinkedHashMap<>();
  private final Map<String, Map<Long, Order>> ordersBySymbol = new HashMap<>();
  private final Map<String, Order> byClientId = new HashMap<>();
  private final Map<String, List<Fill>> tradesByAccountSymbol = new HashMap<>();
  final EngineListener listener;
  private final BigDecimal commissionRate;
  private final long forgetAfterMs;
  private final LongSupplier clock;
  private final Random random;
  private long nextExecutionId = 1;
  private final OrderLists orderLists = new OrderLists(this);
  private final TradePrevention prevention = new TradePrevention(this);
  private final Amendments amendments = new Amendments(this);
  private final boolean bookMatching;
  private final StpMode defaultStpMode;

  public MatchingEngine(Collection<SymbolBook> symbolBooks, EngineListener listener, BigDecimal commissionRate,
      long forgetAfterMs, LongSupplier clock, Random random) {
    this(symbolBooks, listener, commissionRate, forgetAfterMs, clock, random, false, StpMode.NONE);
  }

  /**
   * @param bookMatching takers also meet the resting orders of the book (all accounts), before the synthetic
   *     liquidity at the same price; this is what makes self-trade prevention happen
   * @param defaultStpMode the symbols' {@code defaultSelfTradePreventionMode}
   */
  public MatchingEngine(Collection<SymbolBook> symbolBooks, EngineListener listener, BigDecimal commissionRate,
      long forgetAfterMs, LongSupplier clock, Random random, boolean bookMatching, StpMode defaultStpMode) {
    this.bookMatching = bookMatching;
    this.defaultStpMode = defaultStpMode;
    for (SymbolBook b : symbolBooks) {
      books.put(b.spec().symbol(), b);
      ordersBySymbol.put(b.spec().symbol(), new HashMap<>());
    }
    this.listener = listener;
    this.commissionRate = commissionRate;
    this.forgetAfterMs = forgetAfterMs;
    this.clock = clock;
    this.random = random;
  }

  public Collection<SymbolBook> books() {
    return books.values();
  }

  public SymbolBook book(String symbol) {
    SymbolBook book = books.get(symbol);
    if (book == null) {
      throw ApiException.invalidSymbol();
    }
    return book;
  }

  public StpMode defaultStpMode() {
    return defaultStpMode;
  }

  /** The execution id {@code I} of the last executionReport. */
  public long lastExecutionId() {
    return nextExecutionId - 1;
  }

  public long now() {
    return clock.getAsLong();
  }

  /** A fresh 22-character client order id, as Binance generates them. */
  public String newClientOrderId() {
    char[] c = new char[22];
    for (int i = 0; i < c.length; i++) {
      c[i] = ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length()));
    }
    return new String(c);
  }

  // ---------------------------------------------------------------- placement

  public Order place(Account account, OrderRequest request) {
    return place(account, request, null, null);
  }

  /**
   * Places an order; a leg of {@code list} (its working leg) when not null, with {@code afterNew} run after its NEW
   * report and before it meets the book (the list's pending legs are reported there).
   */
  Order place(Account account, OrderRequest request, OrderList list, Runnable afterNew) {
    if (request.stpMode() == null) {
      request = new OrderRequest(request.symbol(), request.side(), request.type(), request.timeInForce(),
          request.quantity(), request.quoteOrderQty(), request.price(), request.clientOrderId(), defaultStpMode,
          request.peg());
    }
    SymbolBook book = book(request.symbol());
    SymbolSpec spec = book.spec();
    BigDecimal origPrice = request.price();
    if (request.peg() != null) {
      if (origPrice != null) {
        validate(spec, request); // a pegged order's own price must pass the filters too
      }
      request = new OrderRequest(request.symbol(), request.side(), request.type(), request.timeInForce(),
          request.quantity(), request.quoteOrderQty(), request.peg().price(book, request.side()),
          request.clientOrderId(), request.stpMode(), request.peg());
    }
    validate(spec, request);
    String clientOrderId = request.clientOrderId() != null ? request.clientOrderId() : newClientOrderId();
    checkClientId(account, spec.symbol(), clientOrderId);
    long now = now();
    TakerPlan plan = TakerPlan.of(book, request.side(), request.type(), request.timeInForce(), request.quantity(),
        request.quoteOrderQty(), request.price(), bookMatching);
    Balances balances = account.balances();
    if (!balances.lock(plan.lockAsset(), plan.lockAmount())) {
      throw ApiException.insufficientBalance();
    }
    Order order = new Order(account, spec, book.nextOrderId(), clientOrderId, request, now);
    order.origQty = plan.qty();
    if (request.peg() != null) {
      order.origPrice = origPrice == null ? BigDecimal.ZERO : origPrice;
    }
    order.lockedAsset = plan.lockAsset();
    order.locked = plan.lockAmount();
    order.working = true;
    order.list = list;
    if (list != null) {
      list.working = order;
    }
    register(order);
    emit(order, ExecutionType.NEW, null, null, null, now, null, null);
    listener.onBalancesChanged(account, List.of(plan.lockAsset()), now);
    if (afterNew != null) {
      afterNew.run();
    }
    execute(book, order, plan.route(), now);
    return order;
  }

  /**
   * A pending leg of an order list goes to the book because its working leg filled: funds locked, NEW report, then it
   * meets the book like a new order. A leg that cannot be placed (funds, LIMIT_MAKER that would take) expires with
   * {@code eR=REJECTED}.
   */
  void activate(SymbolBook book, Order leg, long now) {
    TakerPlan plan;
    try {
      plan = TakerPlan.of(book, leg.side, leg.type, leg.timeInForce, leg.origQty, null, leg.price, bookMatching);
    } catch (ApiException e) {
      plan = null;
    }
    if (plan == null || !leg.account.balances().lock(plan.lockAsset(), plan.lockAmount())) {
      leg.lockedAsset = leg.side == Side.SELL ? book.spec().baseAsset() : book.spec().quoteAsset();
      finish(book, leg, ExecutionType.EXPIRED, OrderStatus.EXPIRED, null, null, now, "REJECTED");
      return;
    }
    transition(leg, OrderStatus.NEW, now);
    leg.lockedAsset = plan.lockAsset();
    leg.locked = plan.lockAmount();
    leg.working = true;
    leg.workingTime = now;
    emit(leg, ExecutionType.NEW, null, null, null, now, null, null);
    listener.onBalancesChanged(leg.account, List.of(plan.lockAsset()), now);
    execute(book, leg, plan.route(), now);
  }

  /** The order walks its route (trades, self-trade prevention), then rests or expires by its type's rules. */
  private void execute(SymbolBook book, Order order, List<SymbolBook.Level> route, long now) {
    for (SymbolBook.Level level : route) {
      if (!order.isOpen()) {
        break; // filled, or expired by self-trade prevention
      }
      if (level.maker() == null) {
        fill(book, order, level.qty().min(order.remaining()), level.price(), false, now);
      } else {
        meet(book, order, level, now);
      }
    }
    if (order.isOpen()) {
      if (order.type == OrderType.MARKET) {
        finish(book, order, ExecutionType.EXPIRED, OrderStatus.EXPIRED, null, null, now, "INSUFFICIENT_LIQUIDITY");
      } else if (order.timeInForce == TimeInForce.IOC) {
        finish(book, order, ExecutionType.EXPIRED, OrderStatus.EXPIRED, null, null, now,
            "UNFILLED_IOC_QUANTITY_EXPIRED");
      } else if (order.timeInForce == TimeInForce.FOK) {
        finish(book, order, ExecutionType.EXPIRED, OrderStatus.EXPIRED, null, null, now,
            "UNFILLED_FOK_ORDER_EXPIRED");
      } else {
        book.rest(order);
      }
    }
  }

  /** -2010 "Duplicate order sent." when a live order of the account already holds the client id. */
  void checkClientId(Account account, String symbol, String clientOrderId) {
    Order existing = byClientId.get(clientKey(account, symbol, clientOrderId));
    if (existing != null && existing.isLive()) {
      throw ApiException.duplicateClientOrderId();
    }
  }

  private void register(Order order) {
    ordersBySymbol.get(order.symbol()).put(order.orderId, order);
    byClientId.put(clientKey(order.account, order.symbol(), order.clientOrderId), order);
  }

  static void validate(SymbolSpec spec, OrderRequest r) {
    if (r.quantity() != null) {
      if (r.quantity().signum() <= 0 || !spec.isStepMultiple(r.quantity())) {
        throw ApiException.filterFailure("LOT_SIZE");
      }
    }
    if (r.type() != OrderType.MARKET) {
      if (r.price() == null || r.price().signum() <= 0 || !spec.isTickMultiple(r.price())) {
        throw ApiException.filterFailure("PRICE_FILTER");
      }
    }
    if (r.quoteOrderQty() != null && r.quoteOrderQty().signum() <= 0) {
      throw ApiException.filterFailure("NOTIONAL");
    }
  }

  /** The taker meets a resting order: a trade, or self-trade prevention when both belong to one account. */
  private void meet(SymbolBook book, Order taker, SymbolBook.Level level, long now) {
    Order maker = level.maker();
    if (!maker.isOpen()) {
      return;
    }
    BigDecimal qty = level.qty().min(taker.remaining()).min(maker.remaining());
    if (qty.signum() <= 0) {
      return;
    }
    StpMode mode = taker.stpMode.effective(maker.stpMode);
    if (maker.account == taker.account && mode != StpMode.NONE) {
      prevention.prevent(book, taker, maker, mode, qty, level.price(), now);
      return;
    }
    long tradeId = book.nextTradeId();
    fill(book, taker, qty, level.price(), false, now, tradeId);
    fill(book, maker, qty, level.price(), true, now, tradeId);
  }

  // ---------------------------------------------------------------- fills and finishing

  void fill(SymbolBook book, Order order, BigDecimal qty, BigDecimal price, boolean maker, long now) {
    fill(book, order, qty, price, maker, now, book.nextTradeId());
  }

  private void fill(SymbolBook book, Order order, BigDecimal qty, BigDecimal price, boolean maker, long now,
      long tradeId) {
    SymbolSpec spec = book.spec();
    BigDecimal quote = qty.multiply(price);
    Balances balances = order.account.balances();
    String commissionAsset;
    BigDecimal commission;
    if (order.side == Side.BUY) {
      BigDecimal consumed = order.type == OrderType.MARKET ? quote : qty.multiply(order.price);
      order.locked = order.locked.subtract(consumed);
      balances.spendLocked(spec.quoteAsset(), consumed);
      if (consumed.compareTo(quote) > 0) {
        balances.credit(spec.quoteAsset(), consumed.subtract(quote));
      }
      commissionAsset = spec.baseAsset();
      commission = qty.multiply(commissionRate).setScale(8, RoundingMode.DOWN);
      balances.credit(spec.baseAsset(), qty.subtract(commission));
    } else {
      order.locked = order.locked.subtract(qty);
      balances.spendLocked(spec.baseAsset(), qty);
      commissionAsset = spec.quoteAsset();
      commission = quote.multiply(commissionRate).setScale(8, RoundingMode.DOWN);
      balances.credit(spec.quoteAsset(), quote.subtract(commission));
    }
    order.executedQty = order.executedQty.add(qty);
    order.cumQuote = order.cumQuote.add(quote);
    Fill fill = new Fill(spec.symbol(), tradeId, order.orderId, price, qty, quote, commission,
        commissionAsset, now, order.side == Side.BUY, maker);
    order.fills.add(fill);
    tradesByAccountSymbol.computeIfAbsent(tradesKey(order.account, spec.symbol()), k -> new ArrayList<>()).add(fill);
    boolean full = order.remaining().signum() == 0;
    transition(order, full ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, now);
    if (full) {
      releaseLock(order);
      order.working = false;
      order.finishedAt = now;
      book.remove(order);
    }
    emit(order, ExecutionType.TRADE, fill, null, null, now, null, null);
    listener.onBalancesChanged(order.account, List.of(spec.baseAsset(), spec.quoteAsset()), now);
    orderLists.legExecuted(book, order, now);
  }

  void finish(SymbolBook book, Order order, ExecutionType x, OrderStatus status, String cancelClientId,
      String origClientId, long now, String expiryReason) {
    transition(order, status, now);
    releaseLock(order);
    order.working = false;
    order.finishedAt = now;
    book.remove(order);
    book.removeStop(order);
    order.cancelClientOrderId = cancelClientId;
    emit(order, x, null, cancelClientId, origClientId, now, null, expiryReason);
    listener.onBalancesChanged(order.account, List.of(order.lockedAsset), now);
    if (x == ExecutionType.EXPIRED && order.list != null) {
      orderLists.legEnded(book, order, now);
    }
  }

  void releaseLock(Order order) {
    if (order.locked.signum() > 0) {
      order.account.balances().unlock(order.lockedAsset, order.locked);
      order.locked = BigDecimal.ZERO;
    }
  }

  static void transition(Order order, OrderStatus next, long now) {
    if (!order.status.canBecome(next)) {
      throw new IllegalStateException("illegal transition " + order.status + " -> " + next + " of order "
          + order.symbol() + "/" + order.orderId);
    }
    order.status = next;
    order.updateTime = now;
  }

  // ---------------------------------------------------------------- cancel

  /** Cancels an open order; {@code cancelClientId} is the cancel request's own client id (may be null). */
  public Order cancel(Account account, String symbol, Long orderId, String origClientOrderId, String cancelClientId) {
    SymbolBook book = book(symbol);
    long now = now();
    Order order = lookup(account, symbol, orderId, origClientOrderId).orElseThrow(ApiException::unknownOrderOnCancel);
    if (!order.isLive()) {
      throw ApiException.unknownOrderOnCancel();
    }
    String c = cancelClientId != null ? cancelClientId : newClientOrderId();
    finish(book, order, ExecutionType.CANCELED, OrderStatus.CANCELED, c, order.clientOrderId, now, null);
    orderLists.legCanceled(book, order, c, now);
    return order;
  }

  // ---------------------------------------------------------------- amend keep priority

  /** {@code order.amend.keepPriority}: see {@link Amendments#amend}. */
  public Amendment amend(Account account, String symbol, Long orderId, String origClientOrderId,
      String newClientOrderId, BigDecimal newQty) {
    book(symbol);
    Order order = lookup(account, symbol, orderId, origClientOrderId).orElseThrow(ApiException::orderDoesNotExist);
    return amendments.amend(book(symbol), order, newClientOrderId, newQty, now());
  }

  /** True when another live order of the account holds {@code clientOrderId} on the symbol. */
  boolean clientIdTaken(Order order, String clientOrderId) {
    Order other = byClientId.get(clientKey(order.account, order.symbol(), clientOrderId));
    return other != null && other != order && other.isLive();
  }

  /** The order's client id changes: the index follows. */
  void rekey(Order order, String newClientOrderId) {
    String oldKey = clientKey(order.account, order.symbol(), order.clientOrderId);
    if (byClientId.get(oldKey) == order) {
      byClientId.remove(oldKey);
    }
    order.clientOrderId = newClientOrderId;
    byClientId.put(clientKey(order.account, order.symbol(), newClientOrderId), order);
  }

  OrderLists orderLists() {
    return orderLists;
  }

  // ---------------------------------------------------------------- OCO order lists

  /** Places an OCO list (see {@link OrderLists}). */
  public OrderList placeOco(Account account, OcoRequest request) {
    return orderLists.place(account, request);
  }

  /** Places an OTO / OTOCO / OPO / OPOCO list (see {@link OrderLists}). */
  public OrderList placeOto(Account account, OtoRequest request) {
    return orderLists.placeOto(account, request);
  }

  /** The account's order list by id or list client id (-2011 when unknown). */
  public OrderList orderList(Account account, String symbol, Long orderListId, String listClientOrderId) {
    book(symbol);
    return orderLists.find(account, symbol, orderListId, listClientOrderId);
  }

  boolean bookMatching() {
    return bookMatching;
  }

  Order newOrder(Account account, SymbolBook book, OrderRequest request, String lockAsset, long now) {
    String clientOrderId = request.clientOrderId() != null ? request.clientOrderId() : newClientOrderId();
    checkClientId(account, book.spec().symbol(), clientOrderId);
    if (request.stpMode() == null) {
      request = new OrderRequest(request.symbol(), request.side(), request.type(), request.timeInForce(),
          request.quantity(), request.quoteOrderQty(), request.price(), clientOrderId, defaultStpMode, request.peg());
    }
    Order order = new Order(account, book.spec(), book.nextOrderId(), clientOrderId, request, now);
    order.lockedAsset = lockAsset;
    register(order);
    return order;
  }

  // ---------------------------------------------------------------- price moves

  /** Moves the reference price; resting orders it reaches fill as makers at their limit price. */
  public void setPrice(String symbol, BigDecimal price) {
    SymbolBook book = book(symbol);
    book.setReferencePrice(book.spec().roundToTick(price));
    long now = now();
    List<Order> crossed = new ArrayList<>();
    List<SymbolBook.Level> fills = book.crossedOrders(crossed);
    for (int i = 0; i < crossed.size(); i++) {
      Order o = crossed.get(i);
      if (o.isOpen()) {
        fill(book, o, fills.get(i).qty().min(o.remaining()), o.price, true, now);
      }
    }
    orderLists.triggerStops(book, now);
  }

  // ---------------------------------------------------------------- queries

  /** The order as order queries see it: -2013 semantics (empty) for unknown or forgotten orders. */
  public Optional<Order> find(Account account, String symbol, Long orderId, String origClientOrderId) {
    book(symbol);
    return lookup(account, symbol, orderId, origClientOrderId).filter(o -> !o.isForgotten(now(), forgetAfterMs));
  }

  private Optional<Order> lookup(Account account, String symbol, Long orderId, String origClientOrderId) {
    Order order;
    if (orderId != null) {
      order = ordersBySymbol.get(symbol).get(orderId);
      if (order != null && origClientOrderId != null && !order.clientOrderId.equals(origClientOrderId)) {
        order = null;
      }
    } else if (origClientOrderId != null) {
      order = byClientId.get(clientKey(account, symbol, origClientOrderId));
    } else {
      throw ApiException.missing("orderId");
    }
    return Optional.ofNullable(order).filter(o -> o.account == account);
  }

  public List<Order> openOrders(Account account, String symbol) {
    List<Order> out = new ArrayList<>();
    for (Map.Entry<String, Map<Long, Order>> e : ordersBySymbol.entrySet()) {
      if (symbol != null && !symbol.equals(e.getKey())) {
        continue;
      }
      for (Order o : e.getValue().values()) {
        if (o.account == account && o.isOpen()) {
          out.add(o);
        }
      }
    }
    out.sort((a, b) -> a.createTime != b.createTime ? Long.compare(a.createTime, b.createTime)
        : Long.compare(a.orderId, b.orderId));
    return out;
  }

  public List<Fill> trades(Account account, String symbol) {
    book(symbol);
    return tradesByAccountSymbol.getOrDefault(tradesKey(account, symbol), List.of());
  }

  public Collection<Order> ordersOf(String symbol) {
    return ordersBySymbol.get(symbol).values();
  }

  // ---------------------------------------------------------------- events

  void emit(Order o, ExecutionType x, Fill fill, String cancelClientId, String origClientId, long now,
      String rejectReason, String expiryReason) {
    emit(o, x, fill, cancelClientId, origClientId, now, rejectReason, expiryReason, null);
  }

  void emit(Order o, ExecutionType x, Fill fill, String cancelClientId, String origClientId, long now,
      String rejectReason, String expiryReason, Prevention stp) {
    boolean trade = fill != null;
    ExecutionReport report = new ExecutionReport(o.symbol(), cancelClientId != null ? cancelClientId : o.clientOrderId,
        o.side, o.type, o.timeInForce, o.origQty, o.origPrice, o.stopPrice, o.orderListId(),
        origClientId == null ? "" : origClientId, x, o.status,
        rejectReason == null ? "NONE" : rejectReason, o.orderId, trade ? fill.qty() : BigDecimal.ZERO,
        o.executedQty, trade ? fill.price() : BigDecimal.ZERO, trade ? fill.commission() : BigDecimal.ZERO,
        trade ? fill.commissionAsset() : null, now, trade ? fill.tradeId() : -1, nextExecutionId++, o.working,
        trade && fill.maker(), o.createTime, o.cumQuote, trade ? fill.quoteQty() : BigDecimal.ZERO,
        o.quoteOrderQty, o.workingTime, expiryReason, o.stpMode, stp, o.peg, o.peg == null ? null : o.price);
    listener.onExecutionReport(o.account, report);
    listener.onOrderChanged(o);
  }

  private static String clientKey(Account account, String symbol, String clientOrderId) {
    return account.name() + '\u0000' + symbol + '\u0000' + clientOrderId;
  }

  private static String tradesKey(Account account, String symbol) {
    return account.name() + '\u0000' + symbol;
  }
}
