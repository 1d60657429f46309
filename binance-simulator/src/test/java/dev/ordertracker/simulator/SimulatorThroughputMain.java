package dev.ordertracker.simulator;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the simulator over real loopback WebSockets, measured from a Vert.x client:
 * (a) scripted executionReport events/s pushed to one connection, (b) order.place orders/s over one connection
 * with pipelined requests. Prints each run and the median. Run from the module directory:
 * {@code mvn -q test-compile exec:exec}-free: {@code java -cp target/classes:target/test-classes:<deps>
 * dev.ordertracker.simulator.SimulatorThroughputMain [events] [orders] [runs]}.
 */
public final class SimulatorThroughputMain {

  private static final String KEY = "bench" + "0".repeat(59);
  private static final String SECRET = "bench-secret";

  private SimulatorThroughputMain() {
  }

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int orders = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    try {
      BinanceSimulator sim = BinanceSimulator.create(vertx, new SimulatorOptions().setPriceWalkIntervalMs(0)
          .addAccount(new AccountOptions().setName("bench").setApiKey(KEY).setSecret(SECRET)
              .setBalance("USDT", new BigDecimal("1000000000000")).setBalance("BTC", new BigDecimal("1000000"))));
      sim.start().await(10, TimeUnit.SECONDS);
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20));
      List<Double> eventRates = new ArrayList<>();
      List<Double> orderRates = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      eventsPerSecond(vertx, client, sim, events / 5); // warm-up
      ordersPerSecond(vertx, client, sim, orders / 5);
      for (int i = 0; i < runs; i++) {
        double e = eventsPerSecond(vertx, client, sim, events);
        eventRates.add(e);
        cpu.add(lastEventsCpuMicros);
        double o = ordersPerSecond(vertx, client, sim, orders);
        orderRates.add(o);
        System.out.printf("run %d: %,.0f executionReport events/s (%.2f us CPU per event, simulator + client),"
            + " %,.0f order.place orders/s%n", i + 1, e, lastEventsCpuMicros, o);
      }
      System.out.printf("MEDIAN executionReport events/s to one connection: %,.0f (target >= 200,000)%n",
          median(eventRates));
      System.out.printf("MEDIAN order.place orders/s over one connection:   %,.0f (target >= 2,000)%n",
          median(orderRates));
      System.out.printf("MEDIAN CPU per scripted event (simulator + client, whole process): %.2f us"
          + " = %,.0f events per CPU-second%n", median(cpu), 1e6 / median(cpu));
      sim.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static WebSocket connect(WebSocketClient client, BinanceSimulator sim) throws Exception {
    return client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(sim.port())
        .setURI("/ws-api/v3")).await(10, TimeUnit.SECONDS);
  }

  /** Subscribes the bench account and waits for the response. */
  private static void subscribe(WebSocket ws, TestSigner signer) throws Exception {
    Promise<Void> subscribed = Promise.promise();
    ws.textMessageHandler(t -> subscribed.tryComplete());
    ws.writeTextMessage(new JsonObject().put("id", "sub").put("method", "userDataStream.subscribe.signature")
        .put("params", signer.signWs(KEY, new JsonObject())).encode());
    subscribed.future().await(10, TimeUnit.SECONDS);
    ws.textMessageHandler(null);
  }

  /** (a) Scripted executionReports to one subscribed connection; time until the client counted them all. */
  static double eventsPerSecond(Vertx vertx, WebSocketClient client, BinanceSimulator sim, long count)
      throws Exception {
    WebSocket ws = connect(client, sim);
    subscribe(ws, TestSigner.hmac(SECRET));
    AtomicLong received = new AtomicLong();
    Promise<Void> all = Promise.promise();
    ws.frameHandler(f -> {
      if (f.isFinal() && received.incrementAndGet() == count) {
        all.tryComplete();
      }
    });
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    sim.pushScripted("bench", count);
    all.future().await(120, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - t0) / 1e9;
    lastEventsCpuMicros = (processCpuNanos() - cpu0) / 1e3 / count;
    ws.close().await(10, TimeUnit.SECONDS);
    return count / seconds;
  }

  /** CPU time of the whole process (simulator and client) per event of the last events run, in microseconds. */
  static double lastEventsCpuMicros;

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * (b) order.place requests pipelined 256 deep on one connection (subscribed, so events flow too). Every client
   * action runs on the connection's context: the first window is sent from the subscription response.
   */
  static double ordersPerSecond(Vertx vertx, WebSocketClient client, BinanceSimulator sim, int count)
      throws Exception {
    WebSocket ws = connect(client, sim);
    TestSigner signer = TestSigner.hmac(SECRET);
    int window = 256;
    Promise<Void> all = Promise.promise();
    long[] t0 = new long[1];
    int[] state = new int[3]; // sent, answered, failed
    Runnable sendOne = () -> {
      int n = state[0]++;
      JsonObject params = n % 4 == 0
          ? new JsonObject().put("symbol", "BTCUSDT").put("side", n % 8 == 0 ? "BUY" : "SELL").put("type", "MARKET")
              .put("quantity", "0.00100")
          : new JsonObject().put("symbol", "BTCUSDT").put("side", "BUY").put("type", "LIMIT")
              .put("timeInForce", "GTC").put("quantity", "0.00100").put("price", "30000.00");
      ws.writeTextMessage(new JsonObject().put("id", n).put("method", "order.place")
          .put("params", signer.signWs(KEY, params)).encode());
    };
    ws.textMessageHandler(text -> {
      if (text.startsWith("{\"id\":\"sub\"")) {
        t0[0] = System.nanoTime();
        for (int i = 0; i < window && state[0] < count; i++) {
          sendOne.run();
        }
      } else if (text.startsWith("{\"id\"")) {
        state[1]++;
        if (!text.contains("\"status\":200")) {
          state[2]++;
        }
        if (state[0] < count) {
          sendOne.run();
        } else if (state[1] == count) {
          all.tryComplete();
        }
      }
    });
    ws.writeTextMessage(new JsonObject().put("id", "sub").put("method", "userDataStream.subscribe.signature")
        .put("params", signer.signWs(KEY, new JsonObject())).encode());
    all.future().await(120, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - t0[0]) / 1e9;
    ws.close().await(10, TimeUnit.SECONDS);
    if (state[2] > 0) {
      throw new IllegalStateException(state[2] + " of " + count + " order.place requests failed");
    }
    return count / seconds;
  }
}
