package dev.ordertracker.simulator;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 random orders (LIMIT GTC/IOC/FOK, MARKET by quantity or quote, cancels) pipelined over one WebSocket
 * connection while the reference prices move; then every order's executionReport sequence is checked: NEW first,
 * cumulative quantity never decreasing and equal to the sum of fills, Z equal to the sum of last quote quantities,
 * nothing after a final status, and the last report equal to the simulator's truth (status, z, Z = sum of
 * qty x price of its trades).
 */
class RandomOrdersConsistencyTest extends SimulatorTestBase {

  private static final int ORDERS = 10_000;
  private static final int WINDOW = 64;
  private static final String KEY = "fuzz" + "0".repeat(60);
  private static final String SECRET = "fuzz-secret";
  private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "BNBUSDT"};
  private static final Set<String> FINAL = Set.of("FILLED", "CANCELED", "EXPIRED", "REJECTED");

  private final Random random = new Random(7);
  private final Map<String, List<JsonObject>> reportsByOrder = new HashMap<>();
  private final List<String> openOrders = new ArrayList<>();
  private final Promise<Void> done = Promise.promise();
  private BinanceSimulator sim;
  private WebSocket ws;
  private io.vertx.core.http.WebSocketClient client;
  private int sent;
  private int answered;
  private int rejected;
  private long lastExecutionId;
  private boolean executionIdsIncrease = true;

  @Test
  void tenThousandRandomOrdersHaveConsistentEventSequences(Vertx vertx) throws Exception {
    sim = start(vertx, quiet().addAccount(new AccountOptions().setName("fuzz").setApiKey(KEY).setSecret(SECRET)
        .setBalance("USDT", new BigDecimal("1000000000")).setBalance("BTC", new BigDecimal("100000"))
        .setBalance("ETH", new BigDecimal("1000000")).setBalance("BNB", new BigDecimal("10000000"))));
    client = vertx.createWebSocketClient();
    ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(sim.port()).setURI("/ws-api/v3")).await(10, TimeUnit.SECONDS);
    TestSigner signer = TestSigner.hmac(SECRET);
    Promise<Void> subscribed = Promise.promise();
    ws.textMessageHandler(text -> {
      if (!text.contains("\"e\":\"outboundAccountPosition\"")) { // balances are not checked here
        onFrame(new JsonObject(text), signer, subscribed);
      }
    });
    ws.writeTextMessage(new JsonObject().put("id", "sub").put("method", "userDataStream.subscribe.signature")
        .put("params", signer.signWs(KEY, new JsonObject())).encode());
    subscribed.future().await(10, TimeUnit.SECONDS);
    vertx.runOnContext(v -> {
      for (int i = 0; i < WINDOW; i++) {
        sendNext(signer);
      }
    });
    done.future().await(60, TimeUnit.SECONDS);

    assertThat(executionIdsIncrease).as("execution ids I increase on the stream").isTrue();
    List<SimulatedOrder> truth = sim.orders().stream().filter(o -> o.account().equals("fuzz")).toList();
    assertThat(truth.size()).isGreaterThan(ORDERS / 2);
    Set<String> tradeIds = new HashSet<>();
    int checkedTrades = 0;
    for (SimulatedOrder o : truth) {
      String key = o.symbol() + ":" + o.orderId();
      List<JsonObject> reports = reportsByOrder.get(key);
      assertThat(reports).as("reports of " + key).isNotEmpty();
      assertThat(reports.get(0).getString("x")).isEqualTo("NEW");
      BigDecimal z = BigDecimal.ZERO;
      BigDecimal quote = BigDecimal.ZERO;
      for (int i = 0; i < reports.size(); i++) {
        JsonObject r = reports.get(i);
        if (i > 0) {
          assertThat(FINAL).as(key + " has events after a final status").doesNotContain(reports.get(i - 1).getString("X"));
        }
        if ("TRADE".equals(r.getString("x"))) {
          z = z.add(new BigDecimal(r.getString("l")));
          quote = quote.add(new BigDecimal(r.getString("Y")));
          assertThat(new BigDecimal(r.getString("Y"))).isEqualByComparingTo(
              new BigDecimal(r.getString("l")).multiply(new BigDecimal(r.getString("L"))));
          assertThat(tradeIds.add(o.symbol() + ":" + r.getLong("t"))).as("unique trade id").isTrue();
          checkedTrades++;
        } else {
          assertThat(r.getLong("t")).isEqualTo(-1);
        }
        assertThat(new BigDecimal(r.getString("z"))).as(key + " z").isEqualByComparingTo(z);
        assertThat(new BigDecimal(r.getString("Z"))).as(key + " Z").isEqualByComparingTo(quote);
      }
      JsonObject last = reports.get(reports.size() - 1);
      assertThat(last.getString("X")).as(key + " last status").isEqualTo(o.status());
      assertThat(new BigDecimal(last.getString("z"))).isEqualByComparingTo(o.executedQty());
      BigDecimal truthQuote = o.trades().stream().map(t -> t.qty().multiply(t.price()))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(new BigDecimal(last.getString("Z"))).isEqualByComparingTo(truthQuote);
      assertThat(o.cummulativeQuoteQty()).isEqualByComparingTo(truthQuote);
      if (o.executedQty().signum() > 0) {
        BigDecimal avg = truthQuote.divide(o.executedQty(), 8, RoundingMode.HALF_UP);
        assertThat(new BigDecimal(last.getString("Z")).divide(new BigDecimal(last.getString("z")), 8,
            RoundingMode.HALF_UP)).isEqualByComparingTo(avg);
      }
    }
    assertThat(checkedTrades).isGreaterThan(ORDERS);
  }

  private void onFrame(JsonObject frame, TestSigner signer, Promise<Void> subscribed) {
    if (frame.containsKey("event")) {
      JsonObject e = frame.getJsonObject("event");
      if ("executionReport".equals(e.getString("e"))) {
        long id = e.getLong("I");
        executionIdsIncrease &= id > lastExecutionId;
        lastExecutionId = id;
        reportsByOrder.computeIfAbsent(e.getString("s") + ":" + e.getLong("i"), k -> new ArrayList<>()).add(e);
        if ("final-marker".equals(e.getString("c")) && "FILLED".equals(e.getString("X"))) {
          done.tryComplete();
        }
      }
      return;
    }
    String id = String.valueOf(frame.getValue("id"));
    if ("sub".equals(id)) {
      subscribed.complete();
      return;
    }
    if (id.startsWith("final")) {
      return;
    }
    answered++;
    if (frame.getInteger("status") != 200) {
      rejected++;
    } else {
      JsonObject r = frame.getJsonObject("result");
      if (r.containsKey("status") && ("NEW".equals(r.getString("status"))
          || "PARTIALLY_FILLED".equals(r.getString("status"))) && r.containsKey("transactTime")) {
        openOrders.add(r.getString("symbol") + " " + r.getString("clientOrderId"));
      }
    }
    if (answered % 50 == 0) {
      String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
      BigDecimal p = sim.price(symbol);
      sim.setPrice(symbol, p.multiply(BigDecimal.valueOf(1 + (random.nextDouble() - 0.5) * 0.006)));
    }
    if (sent < ORDERS) {
      sendNext(signer);
    } else if (answered == ORDERS) {
      ws.writeTextMessage(new JsonObject().put("id", "final").put("method", "order.place").put("params",
          signer.signWs(KEY, new JsonObject().put("symbol", "BNBUSDT").put("side", "BUY").put("type", "MARKET")
              .put("quantity", "0.100").put("newClientOrderId", "final-marker"))).encode());
    }
  }

  private void sendNext(TestSigner signer) {
    int n = sent++;
    JsonObject params;
    int dice = random.nextInt(100);
    if (dice < 10 && !openOrders.isEmpty()) {
      String[] o = openOrders.remove(random.nextInt(openOrders.size())).split(" ");
      params = new JsonObject().put("symbol", o[0]).put("origClientOrderId", o[1]);
      ws.writeTextMessage(new JsonObject().put("id", "c" + n).put("method", "order.cancel")
          .put("params", signer.signWs(KEY, params)).encode());
      return;
    }
    String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
    String side = random.nextBoolean() ? "BUY" : "SELL";
    BigDecimal ref = sim.price(symbol);
    BigDecimal step = symbol.equals("BTCUSDT") ? new BigDecimal("0.00001")
        : symbol.equals("ETHUSDT") ? new BigDecimal("0.0001") : new BigDecimal("0.001");
    BigDecimal qty = step.multiply(BigDecimal.valueOf(1 + random.nextInt(5000)));
    params = new JsonObject().put("symbol", symbol).put("side", side).put("newClientOrderId", "r" + n);
    if (dice < 30) {
      params.put("type", "MARKET");
      if (random.nextInt(4) == 0) {
        params.put("quoteOrderQty", String.valueOf(10 + random.nextInt(500)));
      } else {
        params.put("quantity", qty.toPlainString());
      }
    } else {
      BigDecimal price = ref.multiply(BigDecimal.valueOf(1 + (random.nextDouble() - 0.5) * 0.004))
          .setScale(2, RoundingMode.HALF_UP);
      String tif = dice < 40 ? "IOC" : dice < 48 ? "FOK" : "GTC";
      params.put("type", "LIMIT").put("timeInForce", tif).put("quantity", qty.toPlainString())
          .put("price", price.toPlainString());
    }
    ws.writeTextMessage(new JsonObject().put("id", "p" + n).put("method", "order.place")
        .put("params", signer.signWs(KEY, params)).encode());
  }
}
