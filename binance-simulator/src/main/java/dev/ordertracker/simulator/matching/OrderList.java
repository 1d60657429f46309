package dev.ordertracker.simulator.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * An order list. OCO: a pair (a LIMIT_MAKER leg and a STOP_LOSS_LIMIT leg) of which the first to execute expires the
 * other. OTO: a working leg and a pending leg placed when the working leg fills. OTOCO: a working leg and a pending
 * OCO pair. OPO / OPOCO are OTO / OTOCO whose pending quantity is what the working leg received. All but OCO are
 * reported with contingency type OTO (enums.md lists OCO and OTO only). Owned by the simulator context.
 */
public final class OrderList {

  final long orderListId;
  final String symbol;
  final String listClientOrderId;
  final String contingencyType;
  final boolean opo;
  final long transactionTime;
  /** The working leg of an OTO/OTOCO (null for an OCO). */
  Order working;
  /** The pending leg of an OTO (null otherwise). */
  Order pending;
  /** The OCO pair (of an OCO, or the pending pair of an OTOCO); null for an OTO. */
  Order limitMaker;
  Order stop;
  boolean done;

  OrderList(long orderListId, String symbol, String listClientOrderId, String contingencyType, boolean opo,
      long now) {
    this.orderListId = orderListId;
    this.symbol = symbol;
    this.listClientOrderId = listClientOrderId;
    this.contingencyType = contingencyType;
    this.opo = opo;
    this.transactionTime = now;
  }

  boolean isOco() {
    return "OCO".equals(contingencyType);
  }

  /** True for a leg of the OCO pair while the pair's contingency applies (an OTOCO's pair once it is placed). */
  boolean inActivePair(Order leg) {
    return (leg == limitMaker || leg == stop) && (working == null || working.status == OrderStatus.FILLED);
  }

  /** The other leg of the OCO pair. */
  Order other(Order leg) {
    return leg == limitMaker ? stop : limitMaker;
  }

  /** {@code c} / {@code contingencyType}: OCO or OTO. */
  public String contingencyType() {
    return contingencyType;
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

  /** Legs in Binance's order: the working leg first; of a pair, the one below the price first. */
  public List<Order> orders() {
    List<Order> out = new ArrayList<>(3);
    if (working != null) {
      out.add(working);
    }
    if (pending != null) {
      out.add(pending);
    }
    if (limitMaker != null) {
      if (limitMaker.side == Side.SELL) {
        out.add(stop);
        out.add(limitMaker);
      } else {
        out.add(limitMaker);
        out.add(stop);
      }
    }
    return out;
  }
}
