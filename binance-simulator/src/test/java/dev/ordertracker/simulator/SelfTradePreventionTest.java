package dev.ordertracker.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-trade prevention over the WebSocket API (faqs/stp_faq.md), with {@code bookMatching=true}: ETHUSDT at 3000.00,
 * the maker BUY 1.0000 rests at 2999.99; the taker SELL 0.4000 at 2999.99 first takes 0.2000 of the synthetic
 * liquidity at 3000.00, then meets the maker (its own order) at 2999.99 with 0.2000 left.
 */
class SelfTradePreventionTest extends SimulatorTestBase {

  private WsTestClient c;
  private long maker;
  private long taker;

  private void scenario(Vertx vertx, String makerMode, String takerMode) throws Exception {
    BinanceSimulator sim = start(vertx, quiet().setBookMatching(true));
    c = connect(vertx, sim);
    c.subscribeDemo();
    JsonObject m = limit("ETHUSDT", "BUY", "1.0000", "2999.99", "GTC");
    if (makerMode != null) {
      m.put("selfTradePreventionMode", makerMode);
    }
    maker = c.signed("order.place", m).getJsonObject("result").getLong("orderId");
    JsonObject t = c.signed("order.place", limit("ETHUSDT", "SELL", "0.4000", "2999.99", "GTC")
        .put("selfTradePreventionMode", takerMode));
    assertThat(t.getInteger("status")).as(t.encode()).isEqualTo(200);
    taker = t.getJsonObject("result").getLong("orderId");
    assertThat(t.getJsonObject("result").getString("selfTradePreventionMode")).isEqualTo(takerMode);
  }

  private JsonObject prevention(long orderId) throws Exception {
    return c.await(WsTestClient.report(orderId, "TRADE_PREVENTION"), 1).get(0).getJsonObject("event");
  }

  private JsonObject status(long orderId) throws Exception {
    return c.signed("order.status", new JsonObject().put("symbol", "ETHUSDT").put("orderId", orderId))
        .getJsonObject("result");
  }

  private static void assertPreventionFields(JsonObject e, long counter, String a, String b, String x) {
    assertThat(e.getString("x")).isEqualTo("TRADE_PREVENTION");
    assertThat(e.getString("X")).isEqualTo(x);
    assertThat(e.getLong("v")).isPositive();
    assertThat(e.getString("A")).isEqualTo(a);
    assertThat(e.getString("B")).isEqualTo(b);
    assertThat(e.getLong("u")).isEqualTo(-1);
    assertThat(e.getLong("U")).isEqualTo(counter);
    assertThat(e.getString("Cs")).isEqualTo("ETHUSDT");
    assertThat(e.getString("pl")).isEqualTo("0.20000000");
    assertThat(e.getString("pL")).isEqualTo("2999.99000000");
    assertThat(new BigDecimal(e.getString("pY"))).isEqualByComparingTo("599.998");
    assertThat(e.getString("l")).isEqualTo("0.00000000");
    assertThat(e.getString("L")).isEqualTo("0.00000000");
    assertThat(e.getString("Y")).isEqualTo("0.00000000");
    assertThat(e.getLong("t")).isEqualTo(-1);
    assertThat(e.containsKey("eR")).as("STP expiries are told by X, not eR").isFalse();
  }

  @Test
  void expireMakerExpiresTheRestingOrderAndTheTakerGoesOn(Vertx vertx) throws Exception {
    scenario(vertx, null, "EXPIRE_MAKER");
    JsonObject e = prevention(maker);
    assertPreventionFields(e, taker, "1.00000000", "1.00000000", "EXPIRED_IN_MATCH");
    assertThat(e.getBoolean("w")).isFalse();
    assertThat(e.getString("V")).isEqualTo("NONE");
    // the taker: 0.2 at 3000.00, 0.12 at 2999.99 (synthetic), the rest rests
    List<JsonObject> trades = c.await(WsTestClient.report(taker, "TRADE"), 2);
    assertThat(trades.get(1).getJsonObject("event").getString("z")).isEqualTo("0.32000000");
    assertThat(c.events("executionReport")).noneMatch(f -> f.getJsonObject("event").getLong("i") == taker
        && "TRADE_PREVENTION".equals(f.getJsonObject("event").getString("x")));
    JsonObject m = status(maker);
    assertThat(m.getString("status")).isEqualTo("EXPIRED_IN_MATCH");
    assertThat(m.getString("preventedQuantity")).isEqualTo("1.00000000");
    assertThat(m.getLong("preventedMatchId")).isEqualTo(e.getLong("v"));
    assertThat(status(taker).getString("status")).isEqualTo("PARTIALLY_FILLED");
  }

  @Test
  void expireTakerExpiresTheTakersRemainingQuantity(Vertx vertx) throws Exception {
    scenario(vertx, "EXPIRE_MAKER", "EXPIRE_TAKER");
    JsonObject e = prevention(taker);
    assertPreventionFields(e, maker, "0.20000000", "0.20000000", "EXPIRED_IN_MATCH");
    assertThat(e.getString("z")).isEqualTo("0.20000000");
    assertThat(e.getString("q")).isEqualTo("0.40000000");
    assertThat(e.getString("V")).isEqualTo("EXPIRE_TAKER");
    JsonObject m = status(maker);
    assertThat(m.getString("status")).isEqualTo("NEW");
    assertThat(m.containsKey("preventedQuantity")).isFalse();
  }

  @Test
  void expireBothExpiresBoth(Vertx vertx) throws Exception {
    scenario(vertx, null, "EXPIRE_BOTH");
    JsonObject mk = prevention(maker);
    JsonObject tk = prevention(taker);
    assertPreventionFields(mk, taker, "1.00000000", "1.00000000", "EXPIRED_IN_MATCH");
    assertPreventionFields(tk, maker, "0.20000000", "0.20000000", "EXPIRED_IN_MATCH");
    assertThat(mk.getLong("v")).isEqualTo(tk.getLong("v"));
    assertThat(c.frames.indexOf(c.await(WsTestClient.report(maker, "TRADE_PREVENTION"), 1).get(0)))
        .as("the maker's report first").isLessThan(c.frames.indexOf(
            c.await(WsTestClient.report(taker, "TRADE_PREVENTION"), 1).get(0)));
  }

  @Test
  void decrementKeepsTheLargerOrderOpenWithItsPreventedQuantity(Vertx vertx) throws Exception {
    scenario(vertx, null, "DECREMENT");
    JsonObject mk = prevention(maker);
    assertPreventionFields(mk, taker, "0.20000000", "0.20000000", "NEW");
    assertThat(mk.getBoolean("w")).isTrue();
    assertPreventionFields(prevention(taker), maker, "0.20000000", "0.20000000", "EXPIRED_IN_MATCH");
    JsonObject m = status(maker);
    assertThat(m.getString("status")).isEqualTo("NEW");
    assertThat(m.getString("preventedQuantity")).isEqualTo("0.20000000");
    assertThat(simulators.get(0).order("ETHUSDT", maker)).get().extracting(SimulatedOrder::preventedQty)
        .satisfies(a -> assertThat(a).isEqualByComparingTo("0.2"));
    // q - z - A = 0.8 open: the price moving through fills exactly that
    simulators.get(0).movePrice("ETHUSDT", new BigDecimal("2999.00")).await(10, java.util.concurrent.TimeUnit.SECONDS);
    JsonObject fill = c.await(WsTestClient.report(maker, "TRADE"), 1).get(0).getJsonObject("event");
    assertThat(fill.getString("l")).isEqualTo("0.80000000");
    assertThat(fill.getString("z")).isEqualTo("0.80000000");
    assertThat(fill.getString("X")).isEqualTo("FILLED");
    // funds: nothing stays locked
    JsonObject account = c.signed("account.status", new JsonObject()).getJsonObject("result");
    assertThat(AmendKeepPriorityTest.balance(account, "USDT", "locked")).isEqualByComparingTo("0");
    assertThat(AmendKeepPriorityTest.balance(account, "ETH", "locked")).isEqualByComparingTo("0");
  }

  @Test
  void transferAgainstAnotherModeIsDecrement(Vertx vertx) throws Exception {
    scenario(vertx, "EXPIRE_TAKER", "TRANSFER");
    assertPreventionFields(prevention(maker), taker, "0.20000000", "0.20000000", "NEW");
    assertPreventionFields(prevention(taker), maker, "0.20000000", "0.20000000", "EXPIRED_IN_MATCH");
  }

  @Test
  void noneLetsTheOrdersTradeWithEachOther(Vertx vertx) throws Exception {
    scenario(vertx, null, "NONE");
    JsonObject makerTrade = c.await(WsTestClient.report(maker, "TRADE"), 1).get(0).getJsonObject("event");
    List<JsonObject> takerTrades = c.await(WsTestClient.report(taker, "TRADE"), 2);
    JsonObject takerTrade = takerTrades.get(1).getJsonObject("event");
    assertThat(makerTrade.getBoolean("m")).isTrue();
    assertThat(takerTrade.getBoolean("m")).isFalse();
    assertThat(makerTrade.getLong("t")).isEqualTo(takerTrade.getLong("t"));
    assertThat(makerTrade.getString("l")).isEqualTo("0.20000000");
    assertThat(takerTrade.getString("X")).isEqualTo("FILLED");
    assertThat(c.events("executionReport")).noneMatch(f -> "TRADE_PREVENTION".equals(
        f.getJsonObject("event").getString("x")));
  }

  @Test
  void exchangeInfoAdvertisesTheModesAndAnUnknownModeIsRefused(Vertx vertx) throws Exception {
    BinanceSimulator sim = start(vertx, quiet().setDefaultSelfTradePreventionMode("EXPIRE_MAKER"));
    c = connect(vertx, sim);
    JsonObject info = c.call("exchangeInfo", new JsonObject()).getJsonObject("result");
    JsonObject eth = info.getJsonArray("symbols").getJsonObject(1);
    assertThat(eth.getString("defaultSelfTradePreventionMode")).isEqualTo("EXPIRE_MAKER");
    assertThat(eth.getJsonArray("allowedSelfTradePreventionModes")).isEqualTo(new JsonArray()
        .add("NONE").add("EXPIRE_TAKER").add("EXPIRE_MAKER").add("EXPIRE_BOTH").add("DECREMENT").add("TRANSFER"));
    JsonObject placed = c.signed("order.place", limit("ETHUSDT", "BUY", "0.1000", "2000.00", "GTC"))
        .getJsonObject("result");
    assertThat(placed.getString("selfTradePreventionMode")).isEqualTo("EXPIRE_MAKER");
    JsonObject bad = c.signed("order.place", limit("ETHUSDT", "BUY", "0.1000", "2000.00", "GTC")
        .put("selfTradePreventionMode", "SOMETIMES"));
    assertThat(bad.getJsonObject("error").getInteger("code")).isEqualTo(-1013);
    assertThat(bad.getJsonObject("error").getString("msg"))
        .isEqualTo("This symbol does not allow the specified self-trade prevention mode.");
  }
}
