package dev.ordertracker.bench.simulator;

import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.SimulatorOptions;
import dev.ordertracker.simulator.signing.SigningPayloads;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link BinanceSimulator} over real loopback WebSockets from a Vert.x client: (a) scripted executionReport
 * events to one connection, (b) order.place requests pipelined on one connection. Used by the JMH benchmark and by
 * {@link SimulatorThroughputMain}. Not thread-safe: one measurement at a time.
 */
public final class SimulatorLoad implements AutoCloseable {

  static final String KEY = "bench" + "0".repeat(59);
  static final String SECRET = "bench-secret";
  static final int PIPELINE = 256;

  private final Vertx vertx;
  private final BinanceSimulator sim;
  private final WebSocketClient client;
  private final Mac mac;

  public SimulatorLoad() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    sim = BinanceSimulator.create(vertx, new SimulatorOptions().setPriceWalkIntervalMs(0)
        .addAccount(new AccountOptions().setName("bench").setApiKey(KEY).setSecret(SECRET)
            .setBalance("USDT", new BigDecimal("1000000000000")).setBalance("BTC", new BigDecimal("1000000"))));
    sim.start().await(10, TimeUnit.SECONDS);
    client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20));
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
  }

  private JsonObject sign(JsonObject params) {
    JsonObject p = params.copy().put("apiKey", KEY).put("timestamp", System.currentTimeMillis());
    synchronized (mac) {
      p.put("signature", HexFormat.of().formatHex(mac.doFinal(SigningPayloads.wsApi(p)
          .getBytes(StandardCharsets.UTF_8))));
    }
    return p;
  }

  private WebSocket connect() throws Exception {
    return client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(sim.port())
        .setURI("/ws-api/v3")).await(10, TimeUnit.SECONDS);
  }

  /** (a) Pushes {@code count} scripted executionReports to one subscribed connection; returns events/s. */
  public double eventsPerSecond(long count) throws Exception {
    WebSocket ws = connect();
    Promise<Void> subscribed = Promise.promise();
    Promise<Void> all = Promise.promise();
    long[] received = new long[1];
    ws.frameHandler(f -> {
      if (!subscribed.future().isComplete()) {
        subscribed.tryComplete();
      } else if (f.isFinal() && ++received[0] == count) {
        all.tryComplete();
      }
    });
    ws.writeTextMessage(new JsonObject().put("id", "sub").put("method", "userDataStream.subscribe.signature")
        .put("params", sign(new JsonObject())).encode());
    subscribed.future().await(10, TimeUnit.SECONDS);
    long cpu0 = dev.ordertracker.bench.Measure.processCpuNanos();
    long t0 = System.nanoTime();
    sim.pushScripted("bench", count);
    all.future().await(300, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - t0) / 1e9;
    lastEventsCpuMicros = (dev.ordertracker.bench.Measure.processCpuNanos() - cpu0) / 1e3 / count;
    ws.close().await(10, TimeUnit.SECONDS);
    return count / seconds;
  }

  /** CPU time of the whole process (simulator and client) per event of the last events run, in microseconds. */
  static double lastEventsCpuMicros;

  /** (b) Sends {@code count} order.place requests, {@value #PIPELINE} in flight, on one subscribed connection. */
  public double ordersPerSecond(int count) throws Exception {
    WebSocket ws = connect();
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
      ws.writeTextMessage(new JsonObject().put("id", n).put("method", "order.place").put("params", sign(params))
          .encode());
    };
    ws.textMessageHandler(text -> {
      if (text.startsWith("{\"id\":\"sub\"")) {
        t0[0] = System.nanoTime();
        for (int i = 0; i < PIPELINE && state[0] < count; i++) {
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
        .put("params", sign(new JsonObject())).encode());
    all.future().await(300, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - t0[0]) / 1e9;
    ws.close().await(10, TimeUnit.SECONDS);
    if (state[2] > 0) {
      throw new IllegalStateException(state[2] + " of " + count + " order.place requests failed");
    }
    return count / seconds;
  }

  @Override
  public void close() throws Exception {
    sim.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
