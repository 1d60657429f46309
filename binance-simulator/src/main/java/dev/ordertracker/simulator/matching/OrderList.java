package dev.ordertracker.simulator.matching;

import java.util.List;

/** An OCO order list: two legs, one of which cancels the other once it executes. Owned by the simulator context. */
public final class OrderList {

  final long orderListId;
  final String symbol;
  final String listClientOrderId;
  final Order limitMaker;
  final Order stop;
  final long transactionTime;
  final String contingencyType;
  boolean done;

  OrderList(long orderListId, String symbol, String listClientOrderId, Order limitMaker, Order stop, long now) {
    this.orderListId = orderListId;
    this.symbol = symbol;
    this.listClientOrderId = listClientOrderId;
    this.limitMaker = limitMaker;
    this.stop = stop;
    this.transactionTime = now;
    this.contingencyType = "OCO";
  }

  boolean isOco() {
    return "OCO".equals(contingencyType);
  }

  /** {@code c} / {@code contingencyType}: OCO, OTO, OTOCO, OPO or OPOCO. */
  public String contingencyType() {
    return contingencyType;
  }

  Order other(Order leg) {
    return leg == limitMaker ? stop : limitMaker;
  }

  public long orderListId() {
    return orderListId;
  }

  public String symbol() {
    return symbol;
  }

  public String listClientOrderId() {
    return listClientOrderId;
  }

  public long transactionTime() {
    return transactionTime;
  }

  public boolean isDone() {
    return done;
  }

  /** Legs in Binance's order: the one below the price first. */
  public List<Order> orders() {
    return limitMaker.side == Side.SELL ? List.of(stop, limitMaker) : List.of(limitMaker, stop);
  }
}
