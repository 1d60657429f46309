package dev.ordertracker.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Pegged orders (faqs/pegged_orders.md): {@code p} the original price (zero if unset), {@code gp} the price in use. */
class PeggedOrderTest extends SimulatorTestBase {

  @Test
  void primaryPegRestsOneTickBehindTheReferenceAndReportsGp(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    JsonObject answer = c.signed("order.place", new JsonObject().put("symbol", "ETHUSDT").put("side", "BUY")
        .put("type", "LIMIT").put("timeInForce", "GTC").put("quantity", "1.0000").put("pegPriceType", "PRIMARY_PEG"));
    assertThat(answer.getInteger("status")).as(answer.encode()).isEqualTo(200);
    JsonObject r = answer.getJsonObject("result");
    assertThat(r.getString("price")).isEqualTo("0.00000000");
    assertThat(r.getString("pegPriceType")).isEqualTo("PRIMARY_PEG");
    assertThat(r.getString("peggedPrice")).isEqualTo("2999.99000000");
    assertThat(r.containsKey("pegOffsetType")).isFalse();
    long id = r.getLong("orderId");
    JsonObject e = c.await(WsTestClient.report(id, "NEW"), 1).get(0).getJsonObject("event");
    assertThat(e.getString("p")).isEqualTo("0.00000000");
    assertThat(e.getString("gp")).isEqualTo("2999.99000000");
    assertThat(e.getString("gP")).isEqualTo("PRIMARY_PEG");
    assertThat(e.getBoolean("w")).isTrue();
    JsonObject status = c.signed("order.status", new JsonObject().put("symbol", "ETHUSDT").put("orderId", id))
        .getJsonObject("result");
    assertThat(status.getString("peggedPrice")).isEqualTo("2999.99000000");
    assertThat(status.getString("price")).isEqualTo("0.00000000");
    sim.movePrice("ETHUSDT", new BigDecimal("2999.00")).await(10, TimeUnit.SECONDS);
    JsonObject fill = c.await(WsTestClient.report(id, "TRADE"), 1).get(0).getJsonObject("event");
    assertThat(fill.getString("L")).isEqualTo("2999.99000000");
    assertThat(fill.getString("gp")).isEqualTo("2999.99000000");
    assertThat(fill.getString("X")).isEqualTo("FILLED");
  }

  @Test
  void marketPegWithOffsetTakesUpToItsPeggedPrice(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    c.subscribeDemo();
    JsonObject r = c.signed("order.place", new JsonObject().put("symbol", "ETHUSDT").put("side", "SELL")
        .put("type", "LIMIT").put("timeInForce", "IOC").put("quantity", "1.0000").put("price", "2900.00")
        .put("pegPriceType", "MARKET_PEG").put("pegOffsetType", "PRICE_LEVEL").put("pegOffsetValue", 1))
        .getJsonObject("result");
    assertThat(r.getString("price")).isEqualTo("2900.00000000");
    assertThat(r.getString("peggedPrice")).isEqualTo("2999.99000000");
    assertThat(r.getInteger("pegOffsetValue")).isEqualTo(1);
    assertThat(r.getString("pegOffsetType")).isEqualTo("PRICE_LEVEL");
    // a SELL pegged one level deeper than the best bid (3000.00) = 2999.99: takes 3000.00 and 2999.99, IOC expires
    assertThat(r.getString("status")).isEqualTo("EXPIRED");
    assertThat(r.getString("executedQty")).isEqualTo("0.80000000");
    JsonObject e = c.await(WsTestClient.report(r.getLong("orderId"), "EXPIRED"), 1).get(0).getJsonObject("event");
    assertThat(e.getString("p")).isEqualTo("2900.00000000");
    assertThat(e.getString("gOT")).isEqualTo("PRICE_LEVEL");
    assertThat(e.getInteger("gOV")).isEqualTo(1);
    JsonObject taker = c.signed("order.place", new JsonObject().put("symbol", "ETHUSDT").put("side", "BUY")
        .put("type", "LIMIT").put("timeInForce", "IOC").put("quantity", "1.0000").put("pegPriceType", "MARKET_PEG"))
        .getJsonObject("result");
    assertThat(taker.getString("peggedPrice")).isEqualTo("3000.00000000");
    assertThat(taker.getString("executedQty")).isEqualTo("0.50000000"); // the level at 3000.00 only
  }

  @Test
  void pegRulesAreChecked(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet());
    WsTestClient c = connect(vertx, sim);
    JsonObject maker = c.signed("order.place", new JsonObject().put("symbol", "ETHUSDT").put("side", "BUY")
        .put("type", "LIMIT_MAKER").put("quantity", "1.0000").put("pegPriceType", "MARKET_PEG"));
    assertThat(maker.getJsonObject("error").getInteger("code")).isEqualTo(-2010);
    assertThat(maker.getJsonObject("error").getString("msg"))
        .isEqualTo("This price peg cannot be used with this order type.");
    JsonObject market = c.signed("order.place", market("ETHUSDT", "BUY", "1.0000").put("pegPriceType", "PRIMARY_PEG"));
    assertThat(market.getJsonObject("error").getString("msg")).isEqualTo("This order type may not use pegged price.");
    JsonObject noPrice = c.signed("order.place", new JsonObject().put("symbol", "ETHUSDT").put("side", "BUY")
        .put("type", "LIMIT").put("timeInForce", "GTC").put("quantity", "1.0000"));
    assertThat(noPrice.getJsonObject("error").getInteger("code")).isEqualTo(-1102);
    JsonObject info = c.call("exchangeInfo", new JsonObject()).getJsonObject("result");
    JsonObject btc = info.getJsonArray("symbols").getJsonObject(0);
    for (String flag : new String[] {"pegInstructionsAllowed", "amendAllowed", "ocoAllowed", "otoAllowed",
        "opoAllowed"}) {
      assertThat(btc.getBoolean(flag)).as(flag).isTrue();
    }
    assertThat(btc.getJsonArray("filters").stream().map(f -> ((JsonObject) f).getString("filterType")))
        .contains("MAX_NUM_ORDER_AMENDS");
  }
}
