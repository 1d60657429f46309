package dev.ordertracker.binance.it;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderList;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.clock.ServerClock;
import dev.ordertracker.binance.executor.PlaceOrder;
import dev.ordertracker.binance.rest.BinanceRestClient;
import dev.ordertracker.binance.signing.RequestSigner;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.SimulatedOrder;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ordertracker.binance.it.Harness.ACCOUNT;
import static dev.ordertracker.binance.it.Harness.await;
import static dev.ordertracker.binance.it.Harness.d;
import static dev.ordertracker.binance.it.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today's Binance lifecycles end with the exchange's quantity, client id, status, filled quantity and average
 * price (issue 13), over real sockets: the simulator, the adapter and the tracker. Amends and self-trade
 * prevention requests go to the simulator's REST API signed like any client's.
 */
@ExtendWith(VertxExtension.class)
class ExchangeLifecyclesIT {
  private Harness h;
  private BinanceRestClient rest;
  private final RequestSigner signer = RequestSigner.hmac(AccountOptions.DEMO_API_KEY, AccountOptions.DEMO_SECRET);

  private void start(Vertx vertx, SimulatorOptions options) throws Exception {
    h = Harness.start(vertx, options);
    h.deployAdapter(h.adapterConfig());
    rest = new BinanceRestClient(vertx, h.simulator.restUrl(), new ServerClock(), 5_000, 5_000);
  }

  private JsonObject amend(TrackedOrder order, String newQty) throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("symbol", order.symbol());
    params.put("orderId", order.orderId());
    params.put("newQty", newQty);
    return (JsonObject) await(rest.signed(HttpMethod.PUT, "/api/v3/order/amend/keepPriority", params, signer));
  }

  private long place(String side, String qty, String price, String stpMode) throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("symbol", "ETHUSDT");
    params.put("side", side);
    params.put("type", "LIMIT");
    params.put("timeInForce", "GTC");
    params.put("quantity", qty);
    params.put("price", price);
    params.put("selfTradePreventionMode", stpMode);
    return ((JsonObject) await(rest.signed(HttpMethod.POST, "/api/v3/order", params, signer))).getLong("orderId");
  }

  private TrackedOrder tracked(String symbol, long orderId) throws Exception {
    return await(h.tracker.getOrder(Long.toString(orderId), symbol));
  }

  private TrackedOrder eventuallyTracked(String symbol, long orderId, java.util.function.Predicate<TrackedOrder> p,
                                         String what) throws Exception {
    eventually(Duration.ofSeconds(15), () -> {
      try {
        return p.test(tracked(symbol, orderId));
      } catch (Exception e) {
        return false;
      }
    }, what);
    return tracked(symbol, orderId);
  }

  private List<EventType> events(String symbol, long orderId) {
    return h.events.getOrDefault(new OrderKey(symbol, Long.toString(orderId)), List.of());
  }

  private SimulatedOrder truth(String symbol, long orderId) {
    return h.simulator.order(symbol, orderId).orElseThrow();
  }

  /** Quantity, client id, prevented quantity and list id too: what the Harness's truth check does not compare. */
  private void assertSameQuantityAndClientId(TrackedOrder t, SimulatedOrder o) {
    assertThat(t.quantity()).as("quantity of %s", o.orderId()).isEqualByComparingTo(o.origQty());
    assertThat(t.clientOrderId()).as("client id of %s", o.orderId()).isEqualTo(o.clientOrderId());
    BigDecimal prevented = t.details().preventedQuantity() == null ? BigDecimal.ZERO : t.details().preventedQuantity();
    assertThat(prevented).as("prevented quantity of %s", o.orderId())
        .isEqualByComparingTo(o.preventedQty() == null ? BigDecimal.ZERO : o.preventedQty());
    assertThat(t.details().orderListId()).as("list of %s", o.orderId())
        .isEqualTo(o.orderListId() < 0 ? null : Long.toString(o.orderListId()));
  }

  @Test
  void anAmendSeenLiveEndsWithTheNewQuantityAndClientId(Vertx vertx) throws Exception {
    start(vertx, new SimulatorOptions());
    TrackedOrder placed = await(h.executor.place(PlaceOrder.limit(ACCOUNT, "ETHUSDT", OrderSide.BUY, d("1.0000"),
        d("2900.00"))));
    String newClientId = amend(placed, "0.8000").getJsonObject("amendedOrder").getString("clientOrderId");
    long id = Long.parseLong(placed.orderId());
    eventuallyTracked("ETHUSDT", id, t -> newClientId.equals(t.clientOrderId()), "the amend applied");
    await(h.simulator.movePrice("ETHUSDT", d("2899.00")));
    TrackedOrder filled = eventuallyTracked("ETHUSDT", id, t -> t.status() == OrderStatus.FILLED, "filled");

    h.assertTrackerEqualsTruth();
    assertSameQuantityAndClientId(filled, truth("ETHUSDT", id));
    assertThat(filled.quantity()).isEqualByComparingTo("0.8");
    assertThat(filled.filledQuantity()).isEqualByComparingTo("0.8");
    assertThat(filled.amendments()).singleElement().satisfies(a -> {
      assertThat(a.oldQuantity()).isEqualByComparingTo("1.0");
      assertThat(a.oldClientOrderId()).isEqualTo(placed.clientOrderId());
      assertThat(a.newClientOrderId()).isEqualTo(newClientId);
    });
    assertThat(await(h.tracker.getOrderByClientId(newClientId)).orderId()).isEqualTo(placed.orderId());
    eventually(Duration.ofSeconds(5), () -> events("ETHUSDT", id).size() >= 3, "events");
    assertThat(events("ETHUSDT", id)).containsExactly(EventType.ORDER_PLACED, EventType.ORDER_AMENDED,
        EventType.ORDER_FILLED);
  }

  @Test
  void anAmendSeenOnlyThroughReconciliationIsCorrectedOnce(Vertx vertx) throws Exception {
    start(vertx, new SimulatorOptions());
    TrackedOrder placed = await(h.executor.place(PlaceOrder.limit(ACCOUNT, "ETHUSDT", OrderSide.BUY, d("1.0000"),
        d("2900.00"))));
    long id = Long.parseLong(placed.orderId());
    long connects = h.adapter.metrics().connects();
    await(h.simulator.faults().pauseDelivery()); // the REPLACED report is lost, as while disconnected
    String newClientId = amend(placed, "0.6000").getJsonObject("amendedOrder").getString("clientOrderId");
    await(h.simulator.faults().resumeDelivery());
    assertThat(tracked("ETHUSDT", id).quantity()).isEqualByComparingTo("1.0"); // not seen live
    await(h.simulator.faults().dropConnectionsNow());
    eventually(Duration.ofSeconds(15), () -> h.adapter.metrics().connects() > connects, "reconnect");
    eventually(Duration.ofSeconds(15), () -> h.adapter.lastReconciliation().isComplete(), "reconciliation");
    await(h.adapter.lastReconciliation());
    TrackedOrder corrected = eventuallyTracked("ETHUSDT", id, t -> newClientId.equals(t.clientOrderId()),
        "the amend corrected by reconciliation");

    assertSameQuantityAndClientId(corrected, truth("ETHUSDT", id));
    assertThat(corrected.quantity()).isEqualByComparingTo("0.6");
    assertThat(corrected.amendments()).hasSize(1);
    await(h.simulator.movePrice("ETHUSDT", d("2899.00")));
    TrackedOrder filled = eventuallyTracked("ETHUSDT", id, t -> t.status() == OrderStatus.FILLED, "filled");
    h.assertTrackerEqualsTruth();
    assertSameQuantityAndClientId(filled, truth("ETHUSDT", id));
    eventually(Duration.ofSeconds(5), () -> events("ETHUSDT", id).size() >= 3, "events");
    assertThat(events("ETHUSDT", id)).containsExactly(EventType.ORDER_PLACED, EventType.ORDER_AMENDED,
        EventType.ORDER_FILLED);
  }

  /**
   * faqs/stp_faq.md DECREMENT, as the simulator plays it (ETHUSDT at 3000.00): the maker BUY 1.0000 rests at
   * 2999.99; the taker SELL 0.4000 at 2999.99 takes 0.2000 of the synthetic liquidity, then meets the maker with 0.2
   * left: both are decremented by 0.2, the taker (the smaller) expires in match, the maker stays open with 0.8.
   */
  @Test
  void stpDecrementKeepsTheMakerOpenWithTheRightRemainingQuantity(Vertx vertx) throws Exception {
    start(vertx, new SimulatorOptions().setBookMatching(true));
    long maker = place("BUY", "1.0000", "2999.99", "NONE");
    eventuallyTracked("ETHUSDT", maker, t -> t.status() == OrderStatus.PLACED, "maker placed");
    long taker = place("SELL", "0.4000", "2999.99", "DECREMENT");
    TrackedOrder expired = eventuallyTracked("ETHUSDT", taker, t -> t.status() == OrderStatus.EXPIRED,
        "taker expired in match");
    TrackedOrder open = eventuallyTracked("ETHUSDT", maker, t -> t.details().preventedQuantity() != null,
        "maker decremented");

    assertThat(open.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(open.details().preventedQuantity()).isEqualByComparingTo("0.2");
    assertThat(open.details().executionType()).isEqualTo("TRADE_PREVENTION");
    assertThat(open.remainingQuantity()).isEqualByComparingTo("0.8");
    assertThat(expired.details().expiryReason()).isEqualTo("STP");
    assertThat(expired.filledQuantity()).isEqualByComparingTo("0.2");
    assertThat(expired.remainingQuantity()).isZero();

    await(h.simulator.movePrice("ETHUSDT", d("2999.00")));
    TrackedOrder filled = eventuallyTracked("ETHUSDT", maker, t -> t.status() == OrderStatus.FILLED, "filled");
    h.assertTrackerEqualsTruth();
    assertThat(filled.filledQuantity()).isEqualByComparingTo("0.8");
    assertSameQuantityAndClientId(filled, truth("ETHUSDT", maker));
    assertSameQuantityAndClientId(tracked("ETHUSDT", taker), truth("ETHUSDT", taker));
    eventually(Duration.ofSeconds(5), () -> events("ETHUSDT", maker).size() >= 3, "maker events");
    // the prevention republishes the current status's event (its prevented and remaining quantities changed)
    assertThat(events("ETHUSDT", maker)).containsExactly(EventType.ORDER_PLACED, EventType.ORDER_PLACED,
        EventType.ORDER_FILLED);
    assertThat(events("ETHUSDT", taker)).endsWith(EventType.ORDER_CANCELLED);
  }

  private JsonObject post(String path, Map<String, Object> params) throws Exception {
    return (JsonObject) await(rest.signed(HttpMethod.POST, path, params, signer));
  }

  /**
   * An OTO list: the working leg BUY 1.0000 at 2990.00, the pending leg SELL 1.0000 at 3100.00 (PENDING_NEW until the
   * working leg fills). The pending leg is tracked from its first report (PENDING, no event), becomes PLACED when the
   * working leg fills, then fills; the list view follows the listStatus reports.
   */
  @Test
  void anOtoWhosePendingLegBecomesNewThenFills(Vertx vertx) throws Exception {
    start(vertx, new SimulatorOptions());
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("symbol", "ETHUSDT");
    params.put("listClientOrderId", "my-oto");
    params.put("workingType", "LIMIT");
    params.put("workingSide", "BUY");
    params.put("workingPrice", "2990.00");
    params.put("workingQuantity", "1.0000");
    params.put("workingTimeInForce", "GTC");
    params.put("pendingType", "LIMIT");
    params.put("pendingSide", "SELL");
    params.put("pendingPrice", "3100.00");
    params.put("pendingQuantity", "1.0000");
    params.put("pendingTimeInForce", "GTC");
    JsonObject list = post("/api/v3/orderList/oto", params);
    String listId = Long.toString(list.getLong("orderListId"));
    long working = list.getJsonArray("orders").getJsonObject(0).getLong("orderId");
    long pending = list.getJsonArray("orders").getJsonObject(1).getLong("orderId");

    TrackedOrder waiting = eventuallyTracked("ETHUSDT", pending, t -> t.status() == OrderStatus.PENDING,
        "pending leg tracked from its first report");
    assertThat(waiting.details().orderListId()).isEqualTo(listId);
    assertThat(waiting.details().working()).isFalse();
    eventually(Duration.ofSeconds(10), () -> {
      try {
        return "OTO".equals(await(h.tracker.getOrderList(listId, "ETHUSDT")).contingencyType());
      } catch (Exception e) {
        return false;
      }
    }, "the list view");
    OrderList view = await(h.tracker.getOrderList(listId));
    assertThat(view.listClientOrderId()).isEqualTo("my-oto");
    assertThat(view.legs()).extracting(OrderList.Leg::orderId).containsExactlyInAnyOrder(Long.toString(working),
        Long.toString(pending));

    await(h.simulator.movePrice("ETHUSDT", d("2989.00")));
    TrackedOrder placed = eventuallyTracked("ETHUSDT", pending, t -> t.status() == OrderStatus.PLACED,
        "pending leg placed");
    assertThat(placed.details().working()).isTrue();
    eventually(Duration.ofSeconds(10), () -> {
      try {
        return "ALL_DONE".equals(await(h.tracker.getOrderList(listId, "ETHUSDT")).listOrderStatus());
      } catch (Exception e) {
        return false;
      }
    }, "the list done");
    await(h.simulator.movePrice("ETHUSDT", d("3101.00")));
    TrackedOrder filled = eventuallyTracked("ETHUSDT", pending, t -> t.status() == OrderStatus.FILLED,
        "pending leg filled");

    h.assertTrackerEqualsTruth();
    assertSameQuantityAndClientId(filled, truth("ETHUSDT", pending));
    assertThat(filled.details().orderListId()).isEqualTo(listId);
    assertThat(tracked("ETHUSDT", working).details().orderListId()).isEqualTo(listId);
    eventually(Duration.ofSeconds(5), () -> events("ETHUSDT", pending).size() >= 2, "pending leg events");
    assertThat(events("ETHUSDT", pending)).containsExactly(EventType.ORDER_PLACED, EventType.ORDER_FILLED);
    assertThat(events("ETHUSDT", working)).containsExactly(EventType.ORDER_PLACED, EventType.ORDER_FILLED);
  }

  /** faqs/pegged_orders.md: {@code p} is the original price (zero when unset), {@code gp} the price in use. */
  @Test
  void aPeggedOrdersPriceIsThePriceInUse(Vertx vertx) throws Exception {
    start(vertx, new SimulatorOptions());
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("symbol", "ETHUSDT");
    params.put("side", "BUY");
    params.put("type", "LIMIT");
    params.put("timeInForce", "GTC");
    params.put("quantity", "1.0000");
    params.put("pegPriceType", "PRIMARY_PEG");
    JsonObject answer = post("/api/v3/order", params);
    long id = answer.getLong("orderId");
    String inUse = answer.getString("peggedPrice");

    TrackedOrder placed = eventuallyTracked("ETHUSDT", id, t -> t.status() == OrderStatus.PLACED, "pegged placed");
    assertThat(placed.price()).isEqualByComparingTo(inUse);
    assertThat(placed.details().peggedPrice()).isEqualByComparingTo(inUse);
    await(h.simulator.movePrice("ETHUSDT", d("2990.00")));
    TrackedOrder filled = eventuallyTracked("ETHUSDT", id, t -> t.status() == OrderStatus.FILLED, "pegged filled");
    h.assertTrackerEqualsTruth();
    assertThat(filled.price()).isEqualByComparingTo(inUse);
    assertThat(filled.averagePrice()).isEqualByComparingTo(inUse);
  }
}
