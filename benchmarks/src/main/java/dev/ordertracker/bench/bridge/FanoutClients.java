package dev.ordertracker.bench.bridge;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.bridge.client.BridgeClient;
import dev.ordertracker.bridge.client.SockJsBridgeClient;
import dev.ordertracker.bridge.client.TcpBridgeClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client side of {@code BridgeBench fanout}, a process of its own so that the bridge's process CPU is the
 * bridge's alone: {@code n} clients, each registered on every event address, then counting the frames they get
 * without parsing them; one client in {@code sampleEvery} parses each frame and records publish-to-receipt latency
 * from the {@code bench_ns} header (System.nanoTime is CLOCK_MONOTONIC, comparable between processes of a host).
 *
 * <pre>
 *   args: sockjs|tcp port token n sampleEvery
 *   prints READY when every client is registered; then for each "STEP seconds" line read on stdin it counts for
 *   that long and prints "RESULT frames samples p50_ns p99_ns p999_ns max_ns"; "QUIT" ends it.
 * </pre>
 */
public final class FanoutClients {
  private static final LongAdder FRAMES = new LongAdder();
  private static final BridgeBench.LatencyRecorder LATENCIES = new BridgeBench.LatencyRecorder();

  private FanoutClients() {
  }

  public static void main(String[] args) throws Exception {
    String transport = args[0];
    int port = Integer.parseInt(args[1]);
    String token = args[2];
    int n = Integer.parseInt(args[3]);
    int sampleEvery = Integer.parseInt(args[4]);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    List<String> addresses = new ArrayList<>();
    for (EventType type : EventType.values()) {
      addresses.add(Addresses.defaults().event(type));
    }
    List<Future<?>> connecting = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean sampled = i % sampleEvery == 0;
      connecting.add(connect(vertx, transport, port, token, addresses, sampled));
      if (connecting.size() == 50) { // in waves: the server's accept queue and auth are not the thing measured
        BridgeBenchServer.await(Future.all(connecting).toCompletionStage());
        connecting.clear();
      }
    }
    BridgeBenchServer.await(Future.all(connecting).toCompletionStage());
    System.out.println("READY");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null && !line.equals("QUIT")) {
      if (line.startsWith("STEP ")) {
        double seconds = Double.parseDouble(line.substring(5));
        LATENCIES.reset();
        long f0 = FRAMES.sum();
        Thread.sleep((long) (seconds * 1000));
        long frames = FRAMES.sum() - f0;
        long[] sorted = LATENCIES.sorted();
        System.out.printf("RESULT %d %d %d %d %d %d%n", frames, sorted.length, pct(sorted, 0.50), pct(sorted, 0.99),
            pct(sorted, 0.999), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        System.out.flush();
      }
    }
    System.exit(0);
  }

  private static long pct(long[] sorted, double q) {
    return (long) dev.ordertracker.bench.Measure.percentile(sorted, q);
  }

  /** Connects, registers on every address, then swaps the client's frame decoding for a counter. */
  private static Future<?> connect(Vertx vertx, String transport, int port, String token, List<String> addresses,
                                   boolean sampled) {
    Future<? extends BridgeClient> connected = transport.equals("tcp")
        ? TcpBridgeClient.connect(vertx, "127.0.0.1", port, token)
        : SockJsBridgeClient.connect(vertx, "127.0.0.1", port, token);
    return connected.compose(client -> {
      List<Future<Void>> registered = new ArrayList<>();
      addresses.forEach(a -> registered.add(client.register(a)));
      return Future.all(registered).map(v -> {
        // as the JS client does: a ping well within the bridge's ping_timeout_ms (default 30 s)
        vertx.setPeriodic(10_000, id -> client.writeFrame(new JsonObject().put("type", "ping")));
        if (client instanceof TcpBridgeClient tcp) {
          countTcp(tcp, sampled);
        } else {
          countSockJs((SockJsBridgeClient) client, sampled);
        }
        return client;
      });
    });
  }

  private static void countSockJs(SockJsBridgeClient client, boolean sampled) {
    client.webSocket().textMessageHandler(text -> {
      if (text.isEmpty() || text.charAt(0) != 'a') {
        return; // open frame, heartbeat
      }
      if (!sampled) {
        FRAMES.increment(); // vertx-web writes one message per SockJS frame
        return;
      }
      JsonArray messages = new JsonArray(text.substring(1));
      for (int i = 0; i < messages.size(); i++) {
        FRAMES.increment();
        record(new JsonObject(messages.getString(i)));
      }
    });
  }

  private static void countTcp(TcpBridgeClient client, boolean sampled) {
    RecordParser parser = RecordParser.newFixed(4);
    boolean[] expectingLength = {true};
    parser.handler(record -> {
      if (expectingLength[0]) {
        expectingLength[0] = false;
        parser.fixedSizeMode(record.getInt(0));
      } else {
        expectingLength[0] = true;
        parser.fixedSizeMode(4);
        FRAMES.increment();
        if (sampled) {
          record(new JsonObject(record));
        }
      }
    });
    client.socket().handler(parser);
  }

  private static void record(JsonObject frame) {
    JsonObject headers = frame.getJsonObject("headers");
    String sent = headers == null ? null : headers.getString(BridgeBenchServer.HEADER_NANOS);
    if (sent != null) {
      LATENCIES.record(System.nanoTime() - Long.parseLong(sent));
    }
  }
}
