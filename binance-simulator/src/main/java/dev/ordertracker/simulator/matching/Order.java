package dev.ordertracker.simulator.matching;

import dev.ordertracker.simulator.account.Account;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One order inside the engine (mutable). Owned by the simulator context; changed only by {@link MatchingEngine}. */
public final class Order {

  final Account account;
  final SymbolSpec spec;
  final long orderId;
  String clientOrderId;
  final Side side;
  final OrderType type;
  final TimeInForce timeInForce;
  BigDecimal origQty;
  /** The price in use: the limit, or for a pegged order the pegged price. */
  BigDecimal price;
  /** The price the order was placed with ({@code p}); zero when unset (pegged orders). */
  BigDecimal origPrice;
  final Peg peg;
  final StpMode stpMode;
  /** Quantity removed by self-trade prevention ({@code A}, {@code preventedQuantity}). */
  BigDecimal preventedQty = BigDecimal.ZERO;
  long preventedMatchId = -1;
  int amendments;
  /** The client id of the cancel that ended the order (null unless canceled). */
  String cancelClientOrderId;
  final BigDecimal quoteOrderQty;
  final long createTime;
  long workingTime;
  long updateTime;
  long finishedAt = -1;
  OrderStatus status = OrderStatus.NEW;
  BigDecimal executedQty = BigDecimal.ZERO;
  BigDecimal cumQuote = BigDecimal.ZERO;
  boolean working;
  String lockedAsset;
  BigDecimal locked = BigDecimal.ZERO;
  final List<Fill> fills = new ArrayList<>(2);
  BigDecimal stopPrice = BigDecimal.ZERO;
  OrderList list;
  /** False for an untriggered stop leg (not on the book yet). */
  boolean triggered = true;

  Order(Account account, SymbolSpec spec, long orderId, String clientOrderId, OrderRequest request, long now) {
    this.account = account;
    this.spec = spec;
    this.orderId = orderId;
    this.clientOrderId = clientOrderId;
    this.side = request.side();
    this.type = request.type();
    this.timeInForce = request.timeInForce();
    this.origQty = request.quantity() == null ? BigDecimal.ZERO : request.quantity();
    this.price = request.price() == null ? BigDecimal.ZERO : request.price();
    this.origPrice = this.price;
    this.peg = request.peg();
    this.stpMode = request.stpMode() == null ? StpMode.NONE : request.stpMode();
    this.quoteOrderQty = request.quoteOrderQty() == null ? BigDecimal.ZERO : request.quoteOrderQty();
    this.createTime = now;
    this.workingTime = now;
    this.updateTime = now;
  }

  public Account account() {
    return account;
  }

  public String symbol() {
    return spec.symbol();
  }

  public SymbolSpec spec() {
    return spec;
  }

  public long orderId() {
    return orderId;
  }

  public String clientOrderId() {
    return clientOrderId;
  }

  public Side side() {
    return side;
  }

  public OrderType type() {
    return type;
  }

  public TimeInForce timeInForce() {
    return timeInForce;
  }

  public BigDecimal origQty() {
    return origQty;
  }

  public BigDecimal price() {
    return price;
  }

  public BigDecimal quoteOrderQty() {
    return quoteOrderQty;
  }

  public long createTime() {
    return createTime;
  }

  public long workingTime() {
    return workingTime;
  }

  public long updateTime() {
    return updateTime;
  }

  public OrderStatus status() {
    return status;
  }

  public BigDecimal executedQty() {
    return executedQty;
  }

  public BigDecimal cumQuote() {
    return cumQuote;
  }

  public boolean isWorking() {
    return working;
  }

  public List<Fill> fills() {
    return Collections.unmodifiableList(fills);
  }

  public BigDecimal stopPrice() {
    return stopPrice;
  }

  public String cancelClientOrderId() {
    return cancelClientOrderId;
  }

  /** Null unless the order is a leg of an order list. */
  public OrderList orderList() {
    return list;
  }

  public long orderListId() {
    return list == null ? -1 : list.orderListId;
  }

  public BigDecimal origPrice() {
    return origPrice;
  }

  /** Null unless pegged. */
  public Peg peg() {
    return peg;
  }

  public StpMode stpMode() {
    return stpMode;
  }

  public BigDecimal preventedQty() {
    return preventedQty;
  }

  /** -1 unless self-trade prevention touched the order. */
  public long preventedMatchId() {
    return preventedMatchId;
  }

  /** Quantity available for further execution: q - z - A. */
  public BigDecimal remaining() {
    return origQty.subtract(executedQty).subtract(preventedQty);
  }

  public boolean isOpen() {
    return status == OrderStatus.NEW || status == OrderStatus.PARTIALLY_FILLED;
  }

  /** Open, or a pending leg of an order list (may be amended or canceled). */
  public boolean isLive() {
    return isOpen() || status == OrderStatus.PENDING_NEW;
  }

  /** Finished MARKET / IOC / FOK orders that the exchange no longer reports (option forgetFinishedMarketOrdersAfterMs). */
  boolean isForgotten(long now, long forgetAfterMs) {
    return forgetAfterMs >= 0 && finishedAt >= 0
        && (type == OrderType.MARKET || timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK)
        && now - finishedAt >= forgetAfterMs;
  }
}
