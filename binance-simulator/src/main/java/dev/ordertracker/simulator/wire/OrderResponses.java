package dev.ordertracker.simulator.wire;

import dev.ordertracker.simulator.matching.Amendment;
import dev.ordertracker.simulator.matching.Fill;
import dev.ordertracker.simulator.matching.Order;
import dev.ordertracker.simulator.matching.OrderList;
import dev.ordertracker.simulator.matching.OrderStatus;
import dev.ordertracker.simulator.matching.Peg;
import dev.ordertracker.simulator.matching.OrderType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Order-shaped responses of the REST and WebSocket APIs (long field names, as Binance spells them). */
public final class OrderResponses {

  /** {@code newOrderRespType}. */
  public enum ResponseType {
    ACK, RESULT, FULL
  }

  private OrderResponses() {
  }

  /** Default response type: FULL for MARKET and LIMIT, ACK for other types (as Binance documents). */
  public static ResponseType defaultFor(OrderType type) {
    return type == OrderType.MARKET || type == OrderType.LIMIT ? ResponseType.FULL : ResponseType.ACK;
  }

  public static JsonObject placed(Order o, ResponseType type, long transactTime) {
    JsonObject j = new JsonObject().put("symbol", o.symbol()).put("orderId", o.orderId())
        .put("orderListId", o.orderListId())
        .put("clientOrderId", o.clientOrderId()).put("transactTime", transactTime);
    if (type == ResponseType.ACK) {
      return j;
    }
    j.put("price", Decimals.format(o.origPrice()));
    withPeg(o, j).put("origQty", Decimals.format(o.origQty()))
        .put("executedQty", Decimals.format(o.executedQty()))
        .put("origQuoteOrderQty", Decimals.format(o.quoteOrderQty()))
        .put("cummulativeQuoteQty", Decimals.format(o.cumQuote())).put("status", o.status().name())
        .put("timeInForce", o.timeInForce().name()).put("type", o.type().name()).put("side", o.side().name())
        .put("workingTime", o.workingTime()).put("selfTradePreventionMode", o.stpMode().name());
    if (type == ResponseType.FULL) {
      JsonArray fills = new JsonArray();
      for (Fill f : o.fills()) {
        fills.add(new JsonObject().put("price", Decimals.format(f.price())).put("qty", Decimals.format(f.qty()))
            .put("commission", Decimals.format(f.commission())).put("commissionAsset", f.commissionAsset())
            .put("tradeId", f.tradeId()));
      }
      j.put("fills", fills);
    }
    return j;
  }

  public static JsonObject canceled(Order o, String cancelClientId, long transactTime) {
    JsonObject j = new JsonObject().put("symbol", o.symbol()).put("origClientOrderId", o.clientOrderId())
        .put("orderId", o.orderId()).put("orderListId", o.orderListId()).put("clientOrderId", cancelClientId)
        .put("transactTime", transactTime).put("price", Decimals.format(o.origPrice()));
    return withPeg(o, j).put("origQty", Decimals.format(o.origQty())).put("executedQty", Decimals.format(o.executedQty()))
        .put("origQuoteOrderQty", Decimals.format(o.quoteOrderQty()))
        .put("cummulativeQuoteQty", Decimals.format(o.cumQuote())).put("status", o.status().name())
        .put("timeInForce", o.timeInForce().name()).put("type", o.type().name()).put("side", o.side().name())
        .put("selfTradePreventionMode", o.stpMode().name());
  }

  public static JsonObject status(Order o) {
    JsonObject j = new JsonObject().put("symbol", o.symbol()).put("orderId", o.orderId())
        .put("orderListId", o.orderListId())
        .put("clientOrderId", o.clientOrderId()).put("price", Decimals.format(o.origPrice()));
    withPeg(o, j).put("origQty", Decimals.format(o.origQty())).put("executedQty", Decimals.format(o.executedQty()))
        .put("cummulativeQuoteQty", Decimals.format(o.cumQuote())).put("status", o.status().name())
        .put("timeInForce", o.timeInForce().name()).put("type", o.type().name()).put("side", o.side().name())
        .put("stopPrice", Decimals.format(o.stopPrice())).put("icebergQty", "0.00000000")
        .put("time", o.createTime())
        .put("updateTime", o.updateTime()).put("isWorking", o.isWorking()).put("workingTime", o.workingTime())
        .put("origQuoteOrderQty", Decimals.format(o.quoteOrderQty()))
        .put("selfTradePreventionMode", o.stpMode().name());
    return withPrevention(o, j);
  }

  /** {@code pegPriceType, pegOffsetType, pegOffsetValue, peggedPrice}: only for pegged orders. */
  private static JsonObject withPeg(Order o, JsonObject j) {
    Peg peg = o.peg();
    if (peg != null) {
      j.put("pegPriceType", peg.priceType());
      if (peg.offsetType() != null) {
        j.put("pegOffsetType", peg.offsetType()).put("pegOffsetValue", peg.offsetValue());
      }
      j.put("peggedPrice", Decimals.format(o.price()));
    }
    return j;
  }

  /** {@code preventedMatchId} and {@code preventedQuantity}: only for orders self-trade prevention touched. */
  private static JsonObject withPrevention(Order o, JsonObject j) {
    if (o.preventedMatchId() >= 0) {
      j.put("preventedMatchId", o.preventedMatchId()).put("preventedQuantity", Decimals.format(o.preventedQty()));
    }
    return j;
  }

  /** Answer of {@code order.amend.keepPriority} / {@code PUT /api/v3/order/amend/keepPriority}. */
  public static JsonObject amended(Amendment a) {
    Order o = a.order();
    JsonObject order = new JsonObject().put("symbol", o.symbol()).put("orderId", o.orderId())
        .put("orderListId", o.orderListId()).put("origClientOrderId", a.origClientOrderId())
        .put("clientOrderId", o.clientOrderId()).put("price", Decimals.format(o.origPrice()))
        .put("qty", Decimals.format(o.origQty())).put("executedQty", Decimals.format(o.executedQty()))
        .put("preventedQty", Decimals.format(o.preventedQty()))
        .put("quoteOrderQty", Decimals.format(o.quoteOrderQty()))
        .put("cumulativeQuoteQty", Decimals.format(o.cumQuote())).put("status", o.status().name())
        .put("timeInForce", o.timeInForce().name()).put("type", o.type().name()).put("side", o.side().name())
        .put("workingTime", o.workingTime()).put("selfTradePreventionMode", o.stpMode().name());
    JsonObject j = new JsonObject().put("transactTime", a.transactTime()).put("executionId", a.executionId())
        .put("amendedOrder", order);
    OrderList list = o.orderList();
    if (list != null) {
      j.put("listStatus", new JsonObject().put("orderListId", list.orderListId())
          .put("contingencyType", list.contingencyType()).put("listOrderStatus", list.isDone() ? "ALL_DONE" : "EXECUTING")
          .put("listClientOrderId", list.listClientOrderId()).put("symbol", list.symbol())
          .put("orders", legs(list)));
    }
    return j;
  }

  private static JsonArray legs(OrderList list) {
    JsonArray orders = new JsonArray();
    for (Order o : list.orders()) {
      orders.add(new JsonObject().put("symbol", o.symbol()).put("orderId", o.orderId())
          .put("clientOrderId", o.clientOrderId()));
    }
    return orders;
  }

  /** Answer of an order-list placement ({@code orderList.place.oco|oto|otoco|opo|opoco}). */
  public static JsonObject orderList(OrderList list) {
    JsonArray reports = new JsonArray();
    for (Order o : list.orders()) {
      JsonObject report = placed(o, ResponseType.RESULT, list.transactionTime());
      if (o.stopPrice().signum() > 0) {
        report.put("stopPrice", Decimals.format(o.stopPrice()));
      }
      if (o.status() == OrderStatus.PENDING_NEW && o.origQty().signum() == 0) {
        report.remove("origQty"); // a pending OPO leg has no quantity yet (web-socket-api.md, OPO)
      }
      reports.add(report);
    }
    return listHead(list, "EXEC_STARTED", "EXECUTING", list.transactionTime()).put("orderReports", reports);
  }

  /**
   * Answer of a cancel that ended a list. {@code order.cancel} of a leg: each report as a single cancel answer
   * ({@code origClientOrderId}, {@code clientOrderId} = the cancel's id); {@code orderList.cancel}: the reports
   * carry the orders' own {@code clientOrderId} and no {@code origClientOrderId} (web-socket-api.md).
   */
  public static JsonObject canceledList(OrderList list, long transactTime, boolean legCancel) {
    JsonArray reports = new JsonArray();
    for (Order o : list.orders()) {
      JsonObject report = canceled(o, legCancel && o.cancelClientOrderId() != null ? o.cancelClientOrderId()
          : o.clientOrderId(), transactTime);
      if (!legCancel) {
        report.remove("origClientOrderId");
      }
      if (o.stopPrice().signum() > 0) {
        report.put("stopPrice", Decimals.format(o.stopPrice()));
      }
      reports.add(report);
    }
    return listHead(list, "ALL_DONE", "ALL_DONE", transactTime).put("orderReports", reports);
  }

  private static JsonObject listHead(OrderList list, String statusType, String orderStatus, long time) {
    return new JsonObject().put("orderListId", list.orderListId()).put("contingencyType", list.contingencyType())
        .put("listStatusType", statusType).put("listOrderStatus", orderStatus)
        .put("listClientOrderId", list.listClientOrderId()).put("transactionTime", time)
        .put("symbol", list.symbol()).put("orders", legs(list));
  }

  public static JsonArray statuses(List<Order> orders) {
    JsonArray a = new JsonArray();
    orders.forEach(o -> a.add(status(o)));
    return a;
  }

  public static JsonObject trade(Fill f) {
    return new JsonObject().put("symbol", f.symbol()).put("id", f.tradeId()).put("orderId", f.orderId())
        .put("orderListId", -1).put("price", Decimals.format(f.price())).put("qty", Decimals.format(f.qty()))
        .put("quoteQty", Decimals.format(f.quoteQty())).put("commission", Decimals.format(f.commission()))
        .put("commissionAsset", f.commissionAsset()).put("time", f.time()).put("isBuyer", f.buyer())
        .put("isMaker", f.maker()).put("isBestMatch", true);
  }
}
