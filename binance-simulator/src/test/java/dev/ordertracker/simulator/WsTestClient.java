package dev.ordertracker.simulator;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A WebSocket API test client: sends requests and awaits responses by id, records every frame in arrival order.
 * Frames are handled on the client's Vert.x context; the test thread only reads thread-safe collections.
 */
final class WsTestClient {

  static final long TIMEOUT_S = 10;

  private final WebSocketClient client;
  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong(1);
  private final Map<String, Promise<JsonObject>> pending = new ConcurrentHashMap<>();
  final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
  private final Promise<Short> closed = Promise.promise();

  private record Waiter(Predicate<JsonObject> match, int count, Promise<List<JsonObject>> promise,
      List<JsonObject> seen) {
  }

  private WsTestClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(this::onText);
    socket.closeHandler(v -> closed.tryComplete(socket.closeStatusCode()));
  }

  static WsTestClient connect(Vertx vertx, BinanceSimulator sim) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
        .setMaxMessageSize(16 << 20));
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(sim.port())
        .setURI("/ws-api/v3")).await(TIMEOUT_S, TimeUnit.SECONDS);
    return new WsTestClient(client, ws);
  }

  private final Object lock = new Object();

  private void onText(String text) {
    synchronized (lock) {
      onFrame(new JsonObject(text));
    }
  }

  private void onFrame(JsonObject frame) {
    frames.add(frame);
    if (frame.containsKey("status") && frame.containsKey("id")) {
      Promise<JsonObject> p = pending.remove(String.valueOf(frame.getValue("id")));
      if (p != null) {
        p.complete(frame);
      }
    }
    for (Waiter w : waiters) {
      if (w.match.test(frame)) {
        w.seen.add(frame);
        if (w.seen.size() >= w.count) {
          waiters.remove(w);
          w.promise.tryComplete(new ArrayList<>(w.seen));
        }
      }
    }
  }

  Future<JsonObject> send(String method, JsonObject params) {
    String id = "req-" + ids.getAndIncrement();
    Promise<JsonObject> p = Promise.promise();
    pending.put(id, p);
    JsonObject req = new JsonObject().put("id", id).put("method", method);
    if (params != null) {
      req.put("params", params);
    }
    socket.writeTextMessage(req.encode());
    return p.future();
  }

  JsonObject call(String method, JsonObject params) throws Exception {
    return send(method, params).await(TIMEOUT_S, TimeUnit.SECONDS);
  }

  /** Signs with the demo key and calls. */
  JsonObject signed(String method, JsonObject params) throws Exception {
    return call(method, TestSigner.demo().signWs(AccountOptions.DEMO_API_KEY, params));
  }

  int subscribeDemo() throws Exception {
    JsonObject r = signed("userDataStream.subscribe.signature", new JsonObject());
    if (r.getInteger("status") != 200) {
      throw new AssertionError("subscribe failed: " + r);
    }
    return r.getJsonObject("result").getInteger("subscriptionId");
  }

  /** Waits for {@code count} frames (already received or future) matching {@code match}. */
  List<JsonObject> await(Predicate<JsonObject> match, int count) throws Exception {
    Promise<List<JsonObject>> promise = Promise.promise();
    Waiter w = new Waiter(match, count, promise, new CopyOnWriteArrayList<>());
    synchronized (lock) {
      for (Iterator<JsonObject> it = frames.iterator(); it.hasNext();) {
        JsonObject f = it.next();
        if (match.test(f)) {
          w.seen.add(f);
        }
      }
      if (w.seen.size() >= count) {
        promise.tryComplete(new ArrayList<>(w.seen));
      } else {
        waiters.add(w);
      }
    }
    try {
      return promise.future().await(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out waiting for " + count + " frames; got " + w.seen.size() + "; frames: "
          + frames, e);
    }
  }

  List<JsonObject> events(String type) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject f : frames) {
      JsonObject e = f.getJsonObject("event");
      if (e != null && type.equals(e.getString("e"))) {
        out.add(f);
      }
    }
    return out;
  }

  static Predicate<JsonObject> eventOf(String type) {
    return f -> f.getJsonObject("event") != null && type.equals(f.getJsonObject("event").getString("e"));
  }

  static Predicate<JsonObject> report(long orderId, String x) {
    return f -> {
      JsonObject e = f.getJsonObject("event");
      return e != null && "executionReport".equals(e.getString("e")) && e.getLong("i") == orderId
          && (x == null || x.equals(e.getString("x")));
    };
  }

  Future<Short> closed() {
    return closed.future();
  }

  WebSocket socket() {
    return socket;
  }

  void close() {
    socket.close();
    client.close();
  }
}
