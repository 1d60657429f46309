package dev.ordertracker.simulator.wire;

import dev.ordertracker.simulator.account.Balances;
import dev.ordertracker.simulator.matching.ExecutionReport;
import dev.ordertracker.simulator.matching.ListStatus;
import dev.ordertracker.simulator.matching.Order;
import dev.ordertracker.simulator.matching.OrderList;
import dev.ordertracker.simulator.matching.Peg;
import dev.ordertracker.simulator.matching.Prevention;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Collection;

/** Encodes user data events as Binance sends them (the inner {@code event} object). */
public final class EventEncoder {

  private EventEncoder() {
  }

  public static JsonObject executionReport(ExecutionReport r, long eventTime) {
    JsonObject e = new JsonObject()
        .put("e", "executionReport").put("E", eventTime).put("s", r.symbol()).put("c", r.clientOrderId())
        .put("S", r.side().name()).put("o", r.type().name()).put("f", r.timeInForce().name())
        .put("q", Decimals.format(r.origQty())).put("p", Decimals.format(r.price()))
        .put("P", Decimals.format(r.stopPrice())).put("F", "0.00000000").put("g", r.orderListId()).put("C", r.origClientOrderId())
        .put("x", r.executionType().name()).put("X", r.status().name()).put("r", r.rejectReason())
        .put("i", r.orderId()).put("l", Decimals.format(r.lastQty())).put("z", Decimals.format(r.cumQty()))
        .put("L", Decimals.format(r.lastPrice()))
        .put("n", r.commissionAsset() == null ? "0" : Decimals.format(r.commission()))
        .put("N", r.commissionAsset()).put("T", r.transactTime()).put("t", r.tradeId());
    Prevention stp = r.prevention();
    if (stp != null) {
      // conditional STP fields (user-data-stream.md "Conditional Fields in Execution Report")
      e.put("v", stp.preventedMatchId());
    }
    e.put("I", r.executionId()).put("w", r.working()).put("m", r.maker()).put("M", r.tradeId() >= 0)
        .put("O", r.creationTime()).put("Z", Decimals.format(r.cumQuote())).put("Y", Decimals.format(r.lastQuote()))
        .put("Q", Decimals.format(r.quoteOrderQty())).put("W", r.workingTime()).put("V", r.stpMode().name());
    if (stp != null) {
      e.put("A", Decimals.format(stp.preventedQty())).put("B", Decimals.format(stp.lastPreventedQty()))
          .put("u", stp.tradeGroupId()).put("U", stp.counterOrderId()).put("Cs", stp.counterSymbol())
          .put("pl", Decimals.format(stp.preventedExecQty())).put("pL", Decimals.format(stp.preventedExecPrice()))
          .put("pY", Decimals.format(stp.preventedExecQuote()));
    }
    Peg peg = r.peg();
    if (peg != null) {
      e.put("gP", peg.priceType());
      if (peg.offsetType() != null) {
        e.put("gOT", peg.offsetType()).put("gOV", peg.offsetValue());
      }
      e.put("gp", Decimals.format(r.peggedPrice()));
    }
    if (r.expiryReason() != null) {
      e.put("eR", r.expiryReason());
    }
    return e;
  }

  public static JsonObject listStatus(ListStatus status) {
    OrderList list = status.list();
    JsonArray orders = new JsonArray();
    for (Order o : list.orders()) {
      orders.add(new JsonObject().put("s", o.symbol()).put("i", o.orderId()).put("c", o.clientOrderId()));
    }
    return new JsonObject().put("e", "listStatus").put("E", status.time()).put("s", list.symbol())
        .put("g", list.orderListId()).put("c", list.contingencyType()).put("l", status.listStatusType())
        .put("L", status.listOrderStatus()).put("r", "NONE").put("C", list.listClientOrderId())
        .put("T", status.time()).put("O", orders);
  }

  public static JsonObject outboundAccountPosition(Balances balances, Collection<String> assets, long time) {
    JsonArray b = new JsonArray();
    for (String asset : assets) {
      Balances.Balance bal = balances.of(asset);
      b.add(new JsonObject().put("a", asset).put("f", Decimals.format(bal.free()))
          .put("l", Decimals.format(bal.locked())));
    }
    return new JsonObject().put("e", "outboundAccountPosition").put("E", time).put("u", time).put("B", b);
  }

  public static JsonObject balanceUpdate(String asset, java.math.BigDecimal delta, long time) {
    return new JsonObject().put("e", "balanceUpdate").put("E", time).put("a", asset).put("d", Decimals.format(delta))
        .put("T", time);
  }

  public static JsonObject serverShutdown(long time) {
    return new JsonObject().put("e", "serverShutdown").put("E", time);
  }

  public static JsonObject eventStreamTerminated(long time) {
    return new JsonObject().put("e", "eventStreamTerminated").put("E", time);
  }
}
