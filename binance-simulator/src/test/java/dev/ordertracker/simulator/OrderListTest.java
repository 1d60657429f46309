package dev.ordertracker.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** OTO, OTOCO, OPO, list-shaped cancels and OCO expiry reasons over the WebSocket API (ETHUSDT at 3000.00). */
class OrderListTest extends SimulatorTestBase {

  private BinanceSimulator sim;
  private WsTestClient c;

  private void startSim(Vertx vertx) throws Exception {
    sim = start(vertx, quiet());
    c = connect(vertx, sim);
    c.subscribeDemo();
  }

  private static JsonObject oto(String pendingType) {
    JsonObject p = new JsonObject().put("symbol", "ETHUSDT").put("listClientOrderId", "my-oto")
        .put("workingType", "LIMIT").put("workingSide", "BUY").put("workingPrice", "2990.00")
        .put("workingQuantity", "1.0000").put("workingTimeInForce", "GTC").put("workingClientOrderId", "w-1")
        .put("pendingType", pendingType).put("pendingSide", "SELL").put("pendingClientOrderId", "p-1");
    if (!"MARKET".equals(pendingType)) {
      p.put("pendingPrice", "3100.00").put("pendingTimeInForce", "GTC");
    }
    return p;
  }

  private JsonObject report(long orderId, String x, String status) throws Exception {
    return c.await(f -> WsTestClient.report(orderId, x).test(f)
        && status.equals(f.getJsonObject("event").getString("X")), 1).get(0).getJsonObject("event");
  }

  private List<JsonObject> listStatuses(int n) throws Exception {
    return c.await(WsTestClient.eventOf("listStatus"), n).stream().map(f -> f.getJsonObject("event")).toList();
  }

  private void move(String price) throws Exception {
    sim.movePrice("ETHUSDT", new BigDecimal(price)).await(10, TimeUnit.SECONDS);
  }

  @Test
  void otoPendingLegIsPendingNewUntilTheWorkingLegFillsThenNewThenFills(Vertx vertx) throws Exception {
    startSim(vertx);
    JsonObject answer = c.signed("orderList.place.oto", oto("LIMIT").put("pendingQuantity", "1.0000"));
    assertThat(answer.getInteger("status")).as(answer.encode()).isEqualTo(200);
    JsonObject r = answer.getJsonObject("result");
    assertThat(r.getString("contingencyType")).isEqualTo("OTO");
    assertThat(r.getString("listStatusType")).isEqualTo("EXEC_STARTED");
    assertThat(r.getString("listOrderStatus")).isEqualTo("EXECUTING");
    assertThat(r.getString("listClientOrderId")).isEqualTo("my-oto");
    long listId = r.getLong("orderListId");
    JsonArray reports = r.getJsonArray("orderReports");
    assertThat(reports.getJsonObject(0).getString("status")).isEqualTo("NEW");
    assertThat(reports.getJsonObject(1).getString("status")).isEqualTo("PENDING_NEW");
    assertThat(reports.getJsonObject(1).getLong("workingTime")).isEqualTo(-1);
    long working = reports.getJsonObject(0).getLong("orderId");
    long pending = reports.getJsonObject(1).getLong("orderId");

    JsonObject w = report(working, "NEW", "NEW");
    assertThat(w.getLong("g")).isEqualTo(listId);
    JsonObject p = report(pending, "NEW", "PENDING_NEW");
    assertThat(p.getLong("g")).isEqualTo(listId);
    assertThat(p.getBoolean("w")).isFalse();
    assertThat(p.getString("c")).isEqualTo("p-1");
    JsonObject started = listStatuses(1).get(0);
    assertThat(started.getString("c")).isEqualTo("OTO");
    assertThat(started.getString("l")).isEqualTo("EXEC_STARTED");
    assertThat(started.getString("L")).isEqualTo("EXECUTING");
    assertThat(started.getString("C")).isEqualTo("my-oto");
    assertThat(started.getJsonArray("O")).hasSize(2);
    assertThat(c.signed("order.status", new JsonObject().put("symbol", "ETHUSDT").put("orderId", pending))
        .getJsonObject("result").getString("status")).isEqualTo("PENDING_NEW");

    move("2989.00");
    assertThat(report(working, "TRADE", "FILLED").getLong("g")).isEqualTo(listId);
    JsonObject placed = report(pending, "NEW", "NEW");
    assertThat(placed.getBoolean("w")).isTrue();
    assertThat(placed.getLong("g")).isEqualTo(listId);
    JsonObject done = listStatuses(2).get(1);
    assertThat(done.getString("l")).isEqualTo("ALL_DONE");
    assertThat(done.getString("L")).isEqualTo("ALL_DONE");
    move("3101.00");
    JsonObject filled = report(pending, "TRADE", "FILLED");
    assertThat(filled.getString("z")).isEqualTo("1.00000000");
    assertThat(filled.getLong("g")).isEqualTo(listId);
  }

  @Test
  void cancellingAPendingLegCancelsTheListWithAListShapedAnswer(Vertx vertx) throws Exception {
    startSim(vertx);
    JsonObject r = c.signed("orderList.place.oto", oto("LIMIT").put("pendingQuantity", "1.0000"))
        .getJsonObject("result");
    long working = r.getJsonArray("orderReports").getJsonObject(0).getLong("orderId");
    long pending = r.getJsonArray("orderReports").getJsonObject(1).getLong("orderId");
    JsonObject cancel = c.signed("order.cancel", new JsonObject().put("symbol", "ETHUSDT").put("orderId", pending)
        .put("newClientOrderId", "cxl-1"));
    assertThat(cancel.getInteger("status")).as(cancel.encode()).isEqualTo(200);
    JsonObject result = cancel.getJsonObject("result");
    assertThat(result.fieldNames()).containsExactlyInAnyOrder("orderListId", "contingencyType", "listStatusType",
        "listOrderStatus", "listClientOrderId", "transactionTime", "symbol", "orders", "orderReports");
    assertThat(result.getString("listStatusType")).isEqualTo("ALL_DONE");
    assertThat(result.getString("listOrderStatus")).isEqualTo("ALL_DONE");
    assertThat(result.getJsonArray("orderReports")).hasSize(2).allSatisfy(o -> {
      JsonObject rep = (JsonObject) o;
      assertThat(rep.getString("status")).isEqualTo("CANCELED");
      assertThat(rep.getString("clientOrderId")).isEqualTo("cxl-1");
    });
    assertThat(result.getJsonArray("orderReports").getJsonObject(0).getString("origClientOrderId")).isEqualTo("w-1");
    JsonObject wc = report(working, "CANCELED", "CANCELED");
    assertThat(wc.getString("c")).isEqualTo("cxl-1");
    assertThat(wc.getString("C")).isEqualTo("w-1");
    report(pending, "CANCELED", "CANCELED");
    assertThat(listStatuses(2).get(1).getString("L")).isEqualTo("ALL_DONE");
    // an order outside a list still gets the single-order answer
    long single = c.signed("order.place", limit("ETHUSDT", "BUY", "0.1000", "2000.00", "GTC"))
        .getJsonObject("result").getLong("orderId");
    assertThat(c.signed("order.cancel", new JsonObject().put("symbol", "ETHUSDT").put("orderId", single))
        .getJsonObject("result").getLong("orderListId")).isEqualTo(-1);
  }

  @Test
  void otocoPairGoesToTheBookWhenTheWorkingLegFillsAndActsAsAnOco(Vertx vertx) throws Exception {
    startSim(vertx);
    JsonObject params = new JsonObject().put("symbol", "ETHUSDT").put("workingType", "LIMIT")
        .put("workingSide", "BUY").put("workingPrice", "2990.00").put("workingQuantity", "1.0000")
        .put("workingTimeInForce", "GTC").put("pendingSide", "SELL").put("pendingQuantity", "1.0000")
        .put("pendingAboveType", "LIMIT_MAKER").put("pendingAbovePrice", "3100.00")
        .put("pendingBelowType", "STOP_LOSS_LIMIT").put("pendingBelowStopPrice", "2900.00")
        .put("pendingBelowPrice", "2890.00").put("pendingBelowTimeInForce", "GTC");
    JsonObject answer = c.signed("orderList.place.otoco", params);
    assertThat(answer.getInteger("status")).as(answer.encode()).isEqualTo(200);
    JsonObject r = answer.getJsonObject("result");
    assertThat(r.getString("contingencyType")).isEqualTo("OTO"); // enums.md: OCO and OTO only
    JsonArray reports = r.getJsonArray("orderReports");
    assertThat(reports).hasSize(3);
    long working = reports.getJsonObject(0).getLong("orderId");
    long stop = reports.getJsonObject(1).getLong("orderId");
    long maker = reports.getJsonObject(2).getLong("orderId");
    assertThat(reports.getJsonObject(1).getString("type")).isEqualTo("STOP_LOSS_LIMIT");
    assertThat(reports.getJsonObject(1).getString("status")).isEqualTo("PENDING_NEW");
    assertThat(reports.getJsonObject(2).getString("status")).isEqualTo("PENDING_NEW");
    report(stop, "NEW", "PENDING_NEW");
    report(maker, "NEW", "PENDING_NEW");
    move("2989.00");
    report(working, "TRADE", "FILLED");
    report(maker, "NEW", "NEW");
    report(stop, "NEW", "NEW");
    assertThat(c.events("listStatus")).hasSize(1); // still executing: the pair's contingency applies
    move("3100.01");
    report(maker, "TRADE", "FILLED");
    assertThat(report(stop, "EXPIRED", "EXPIRED").getString("eR")).isEqualTo("OCO_TRIGGER");
    JsonObject done = listStatuses(2).get(1);
    assertThat(done.getString("c")).isEqualTo("OTO");
    assertThat(done.getString("L")).isEqualTo("ALL_DONE");
    assertThat(done.getJsonArray("O")).hasSize(3);
  }

  @Test
  void opoPendingQuantityIsWhatTheWorkingLegReceived(Vertx vertx) throws Exception {
    startSim(vertx);
    JsonObject answer = c.signed("orderList.place.opo", oto("MARKET"));
    assertThat(answer.getInteger("status")).as(answer.encode()).isEqualTo(200);
    JsonObject r = answer.getJsonObject("result");
    assertThat(r.getString("contingencyType")).isEqualTo("OTO");
    JsonObject pendingReport = r.getJsonArray("orderReports").getJsonObject(1);
    assertThat(pendingReport.containsKey("origQty")).isFalse();
    long pending = pendingReport.getLong("orderId");
    move("2989.00");
    JsonObject placed = report(pending, "NEW", "NEW");
    assertThat(placed.getString("q")).isEqualTo("0.99900000"); // 1.0 less 0.1 % commission in ETH
    assertThat(report(pending, "TRADE", "FILLED").getString("z")).isEqualTo("0.99900000");
  }

  @Test
  void workingLegExpiringExpiresThePendingLeg(Vertx vertx) throws Exception {
    startSim(vertx);
    JsonObject r = c.signed("orderList.place.oto", oto("LIMIT").put("pendingQuantity", "1.0000")
        .put("workingTimeInForce", "IOC")).getJsonObject("result");
    long pending = r.getJsonArray("orderReports").getJsonObject(1).getLong("orderId");
    assertThat(report(pending, "EXPIRED", "EXPIRED").getString("eR")).isEqualTo("OTO_PHASE_ONE_EXPIRED");
    assertThat(listStatuses(2).get(1).getString("L")).isEqualTo("ALL_DONE");
  }

  @Test
  void orderListCancelByListClientId(Vertx vertx) throws Exception {
    startSim(vertx);
    c.signed("orderList.place.oto", oto("LIMIT").put("pendingQuantity", "1.0000"));
    JsonObject cancel = c.signed("orderList.cancel", new JsonObject().put("symbol", "ETHUSDT")
        .put("listClientOrderId", "my-oto"));
    assertThat(cancel.getInteger("status")).as(cancel.encode()).isEqualTo(200);
    assertThat(cancel.getJsonObject("result").getJsonArray("orderReports"))
        .allSatisfy(o -> assertThat(((JsonObject) o).getString("status")).isEqualTo("CANCELED"));
    JsonObject again = c.signed("orderList.cancel", new JsonObject().put("symbol", "ETHUSDT")
        .put("listClientOrderId", "my-oto"));
    assertThat(again.getJsonObject("error").getInteger("code")).isEqualTo(-2011);
  }
}
