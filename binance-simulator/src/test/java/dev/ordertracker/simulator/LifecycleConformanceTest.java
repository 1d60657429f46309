package dev.ordertracker.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static dev.ordertracker.simulator.ConformanceTest.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers and events of amend, order lists (OTO, OTOCO, OPO, list-shaped cancels), self-trade prevention, pegged
 * orders and rate limiting compared with the published payloads (copied from binance-spot-api-docs into
 * {@code src/test/resources/binance/}, each with its {@code source}).
 */
class LifecycleConformanceTest extends SimulatorTestBase {

  private static JsonObject example(String name) {
    return BinanceFixtures.json(name + ".json");
  }

  private static JsonObject conditional() {
    return example("event-executionReport-conditional-fields").getJsonObject("fields");
  }

  /** The executionReport keys: those of the published example plus the given conditional ones, same types. */
  private static void assertReport(String what, JsonObject event, String... conditionalKeys) {
    JsonObject base = example("event-executionReport").getJsonObject("event");
    Set<String> want = new TreeSet<>(base.fieldNames());
    want.remove("v"); // conditional (STP only)
    want.addAll(Set.of(conditionalKeys));
    assertThat(new TreeSet<>(event.fieldNames())).as(what + " keys").isEqualTo(want);
    for (String k : conditionalKeys) {
      assertThat(event.getValue(k).getClass()).as(what + "." + k + " type")
          .isEqualTo(conditional().getValue(k).getClass());
    }
  }

  private static JsonObject oto() {
    return new JsonObject().put("symbol", "ETHUSDT").put("workingType", "LIMIT").put("workingSide", "BUY")
        .put("workingPrice", "2990.00").put("workingQuantity", "1.0000").put("workingTimeInForce", "GTC")
        .put("pendingSide", "SELL");
  }

  @Test
  void amendAndOrderListAnswersMatchThePublishedExamples(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    long id = c.signed("order.place", limit("ETHUSDT", "BUY", "2.0000", "2900.00", "GTC")).getJsonObject("result")
        .getLong("orderId");
    JsonObject amend = example("wsapi-order.amend.keepPriority");
    assertSameShape("order.amend.keepPriority", c.signed("order.amend.keepPriority",
        new JsonObject().put("symbol", "ETHUSDT").put("orderId", id).put("newQty", "1.0000")),
        amend.getJsonObject("response"));
    JsonObject replaced = c.await(WsTestClient.report(id, "REPLACED"), 1).get(0);
    assertReport("executionReport REPLACED", replaced.getJsonObject("event"));

    JsonObject otoAnswer = c.signed("orderList.place.oto", oto().put("pendingType", "LIMIT")
        .put("pendingPrice", "3100.00").put("pendingTimeInForce", "GTC").put("pendingQuantity", "1.0000"));
    JsonObject otoExample = example("wsapi-orderList.place.oto").getJsonObject("response");
    assertSameShape("orderList.place.oto", otoAnswer, otoExample);
    assertSameShape("orderList.place.oto pending report",
        otoAnswer.getJsonObject("result").getJsonArray("orderReports").getJsonObject(1),
        otoExample.getJsonObject("result").getJsonArray("orderReports").getJsonObject(1));
    long pending = otoAnswer.getJsonObject("result").getJsonArray("orderReports").getJsonObject(1).getLong("orderId");
    // amending a list leg: the answer has the listStatus part, the stream a listStatus UPDATED
    assertSameShape("order.amend.keepPriority in a list", c.signed("order.amend.keepPriority",
        new JsonObject().put("symbol", "ETHUSDT").put("orderId", pending).put("newQty", "0.5000")),
        amend.getJsonObject("responseInList"));
    JsonObject updated = c.await(f -> WsTestClient.eventOf("listStatus").test(f)
        && "UPDATED".equals(f.getJsonObject("event").getString("l")), 1).get(0);
    assertSameShape("listStatus UPDATED", updated, example("event-listStatus"));
    assertSameShape("order.cancel of a list leg", c.signed("order.cancel",
        new JsonObject().put("symbol", "ETHUSDT").put("orderId", pending)),
        example("wsapi-order.cancel.orderList").getJsonObject("response"));

    JsonObject otoco = c.signed("orderList.place.otoco", oto().put("pendingQuantity", "1.0000")
        .put("pendingAboveType", "LIMIT_MAKER").put("pendingAbovePrice", "3100.00")
        .put("pendingBelowType", "STOP_LOSS_LIMIT").put("pendingBelowStopPrice", "2900.00")
        .put("pendingBelowPrice", "2890.00").put("pendingBelowTimeInForce", "GTC"));
    assertSameShape("orderList.place.otoco", otoco, example("wsapi-orderList.place.otoco").getJsonObject("response"));
    long listId = otoco.getJsonObject("result").getLong("orderListId");
    assertSameShape("orderList.cancel", c.signed("orderList.cancel", new JsonObject().put("symbol", "ETHUSDT")
        .put("orderListId", listId)), example("wsapi-orderList.cancel").getJsonObject("response"));

    JsonObject opo = c.signed("orderList.place.opo", oto().put("pendingType", "MARKET"));
    JsonObject opoExample = example("wsapi-orderList.place.opo").getJsonObject("response");
    // the published OPO example shows no rateLimits: the result is compared
    assertSameShape("orderList.place.opo", opo.getJsonObject("result"), opoExample.getJsonObject("result"));
    assertSameShape("orderList.place.opo pending report",
        opo.getJsonObject("result").getJsonArray("orderReports").getJsonObject(1),
        opoExample.getJsonObject("result").getJsonArray("orderReports").getJsonObject(1));
  }

  @Test
  void selfTradePreventionAndPeggedPayloadsCarryTheDocumentedFields(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet().setBookMatching(true));
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    long maker = c.signed("order.place", limit("ETHUSDT", "BUY", "1.0000", "2999.99", "GTC"))
        .getJsonObject("result").getLong("orderId");
    long taker = c.signed("order.place", limit("ETHUSDT", "SELL", "0.4000", "2999.99", "GTC")
        .put("selfTradePreventionMode", "DECREMENT")).getJsonObject("result").getLong("orderId");
    String[] stp = {"v", "A", "B", "u", "U", "Cs", "pl", "pL", "pY"};
    assertReport("TRADE_PREVENTION (maker, open)",
        c.await(WsTestClient.report(maker, "TRADE_PREVENTION"), 1).get(0).getJsonObject("event"), stp);
    assertReport("TRADE_PREVENTION (taker, EXPIRED_IN_MATCH)",
        c.await(WsTestClient.report(taker, "TRADE_PREVENTION"), 1).get(0).getJsonObject("event"), stp);
    JsonObject stpExample = example("order-status-stp-decrement");
    JsonObject makerStatus = c.signed("order.status", new JsonObject().put("symbol", "ETHUSDT").put("orderId", maker))
        .getJsonObject("result");
    assertThat(new TreeSet<>(makerStatus.fieldNames())).isEqualTo(new TreeSet<>(stpExample.getJsonObject("maker")
        .fieldNames()));
    JsonObject takerStatus = c.signed("order.status", new JsonObject().put("symbol", "ETHUSDT").put("orderId", taker))
        .getJsonObject("result");
    assertThat(new TreeSet<>(takerStatus.fieldNames())).isEqualTo(new TreeSet<>(stpExample.getJsonObject("taker")
        .fieldNames()));
    assertThat(takerStatus.getString("status")).isEqualTo(stpExample.getJsonObject("taker").getString("status"));

    JsonObject pegged = c.signed("order.place", new JsonObject().put("symbol", "ETHUSDT").put("side", "BUY")
        .put("type", "LIMIT").put("timeInForce", "GTC").put("quantity", "0.1000").put("pegPriceType", "PRIMARY_PEG")
        .put("newOrderRespType", "FULL")).getJsonObject("result");
    JsonObject peggedExample = example("rest-POST-api-v3-order-pegged").getJsonObject("response");
    assertThat(new TreeSet<>(pegged.fieldNames())).isEqualTo(new TreeSet<>(peggedExample.fieldNames()));
    assertThat(pegged.getString("price")).isEqualTo("0.00000000");
    assertReport("executionReport of a pegged order", c.await(WsTestClient.report(pegged.getLong("orderId"), "NEW"), 1)
        .get(0).getJsonObject("event"), "gP", "gp");
  }

  @Test
  void rateLimitedAnswerMatchesThePublishedShape(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet().setRequestWeightPerMinute(25));
    WsTestClient c = connect(vertx, sim);
    JsonObject refused = null;
    for (int i = 0; i < 4 && refused == null; i++) {
      JsonObject r = c.call("exchangeInfo", new JsonObject());
      refused = r.getInteger("status") == 429 ? r : null;
    }
    assertThat(refused).isNotNull();
    JsonObject example = example("wsapi-error-rate-limited").getJsonObject("response");
    assertSameShape("429", refused, example);
    assertThat(refused.getJsonObject("error").getInteger("code")).isEqualTo(-1003);
    assertThat(refused.getJsonArray("rateLimits")).isInstanceOf(JsonArray.class);
  }
}
