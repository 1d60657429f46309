package dev.ordertracker.binance.ws;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * One WebSocket API connection: requests ({@code {"id","method","params"}}) correlated with their responses by id,
 * user-data event frames handed raw to the owner (decoding is the owner's job, on the same context), liveness by
 * our own pings (any frame or pong counts; silence beyond the pong timeout closes the connection), and one close
 * notification. Vert.x answers the server's pings itself.
 *
 * <p>Runs on the context that opened it (the user-data verticle's event loop); not thread-safe.
 */
public final class WsApiConnection {
  private static final System.Logger LOG = System.getLogger(WsApiConnection.class.getName());

  /** What the owner hears from a connection. */
  public interface Listener {
    /** A text frame that is not a response: a user-data event. {@code receivedNanos} is System.nanoTime(). */
    void onEvent(WsApiConnection connection, String text, long receivedNanos);

    /** The connection is gone (closed by either side, failed, or silent too long). Called once. */
    void onClosed(WsApiConnection connection, String reason);
  }

  private final Vertx vertx;
  private final WebSocket socket;
  private final long id;
  private final long requestTimeoutMs;
  private final long openedAtMs;
  private final Map<String, Pending> pending = new HashMap<>();
  private Listener listener;
  private WeightListener weightListener;
  private long nextRequestId;
  private long lastActivityNanos;
  private long pingTimer = -1;
  private boolean closed;
  private String closeReason;

  private record Pending(Promise<Object> promise, long timer) {
  }

  private WsApiConnection(Vertx vertx, WebSocket socket, long id, long requestTimeoutMs) {
    this.vertx = vertx;
    this.socket = socket;
    this.id = id;
    this.requestTimeoutMs = requestTimeoutMs;
    this.openedAtMs = System.currentTimeMillis();
    this.lastActivityNanos = System.nanoTime();
  }

  /** Opens a connection to {@code url} (ws:// or wss://). Fails with the connect error. */
  public static Future<WsApiConnection> open(Vertx vertx, WebSocketClient client, String url, long id,
                                             long requestTimeoutMs, long pingIntervalMs, long pongTimeoutMs,
                                             Listener listener) {
    URI uri = URI.create(url);
    boolean ssl = "wss".equals(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(port)
        .setURI(path).setSsl(ssl).setTimeout(requestTimeoutMs);
    return client.connect(options).map(ws -> {
      WsApiConnection c = new WsApiConnection(vertx, ws, id, requestTimeoutMs);
      c.listener = listener;
      c.wire(pingIntervalMs, pongTimeoutMs);
      return c;
    });
  }

  private void wire(long pingIntervalMs, long pongTimeoutMs) {
    socket.textMessageHandler(this::onText);
    socket.pongHandler(b -> lastActivityNanos = System.nanoTime());
    socket.exceptionHandler(e -> LOG.log(System.Logger.Level.DEBUG, () -> "connection " + id + ": "
        + e.getClass().getSimpleName() + ": " + e.getMessage()));
    socket.closeHandler(v -> closed("closed by server" + (socket.closeStatusCode() == null ? ""
        : " (" + socket.closeStatusCode() + (socket.closeReason() == null ? "" : " " + socket.closeReason()) + ")")));
    pingTimer = vertx.setPeriodic(pingIntervalMs, t -> {
      long silentMs = (System.nanoTime() - lastActivityNanos) / 1_000_000;
      if (silentMs > pongTimeoutMs) {
        close("no frame or pong for " + silentMs + " ms");
        return;
      }
      socket.writePing(Buffer.buffer("p")).onFailure(e -> close("ping failed: " + e.getMessage()));
    });
  }

  private void onText(String text) {
    long now = System.nanoTime();
    lastActivityNanos = now;
    if (isResponse(text)) {
      onResponse(text);
    } else {
      listener.onEvent(this, text, now);
    }
  }

  /** Responses start with {@code {"id":} (Binance always sends id first); events never carry a top-level id. */
  static boolean isResponse(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= n || text.charAt(i) != '{') {
      return false;
    }
    i++;
    while (i < n && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return text.startsWith("\"id\"", i);
  }

  private void onResponse(String text) {
    JsonObject response;
    try {
      response = new JsonObject(text);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, () -> "connection " + id + ": unreadable response, dropped");
      return;
    }
    Object rid = response.getValue("id");
    Pending p = rid == null ? null : pending.remove(rid.toString());
    if (p == null) {
      LOG.log(System.Logger.Level.DEBUG, () -> "connection " + id + ": response to unknown request " + rid);
      return;
    }
    vertx.cancelTimer(p.timer());
    readRateLimits(response);
    int status = response.getInteger("status", 0);
    if (status == 200) {
      p.promise().complete(response.getValue("result"));
    } else {
      JsonObject error = response.getJsonObject("error", new JsonObject());
      // 429 / 418 carry error.data.retryAfter (epoch ms): web-socket-api.md "Rate limits"
      Object data = error.getValue("data");
      long retryAfter = data instanceof JsonObject d && d.getValue("retryAfter") instanceof Number n
          ? n.longValue() : -1;
      p.promise().fail(new BinanceApiException(status, error.getInteger("code", 0), error.getString("msg", ""),
          retryAfter));
    }
  }

  /**
   * Every answer's {@code rateLimits} (web-socket-api.md "Rate limits"): the REQUEST_WEIGHT entry's {@code count}
   * is the IP's weight used this minute, shared by every connection and REST; told to the weight listener.
   */
  private void readRateLimits(JsonObject response) {
    Object limits = response.getValue("rateLimits");
    if (weightListener == null || !(limits instanceof io.vertx.core.json.JsonArray array)) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof JsonObject l && "REQUEST_WEIGHT".equals(l.getString("rateLimitType"))
          && "MINUTE".equals(l.getString("interval")) && l.getValue("count") instanceof Number count
          && l.getValue("limit") instanceof Number limit) {
        weightListener.used(count.longValue(), limit.longValue());
        return;
      }
    }
  }

  /** Hears the used request weight reported by the server. */
  public interface WeightListener {
    void used(long usedThisMinute, long limitPerMinute);
  }

  /** Sets who hears the used weight of every answer (the reconciliation's budget). */
  public void weightListener(WeightListener value) {
    this.weightListener = value;
  }

  /**
   * Sends a request; the future completes with {@code result} (a JsonObject or JsonArray) or fails with a
   * {@link BinanceApiException} (an error answer, or {@link BinanceApiException#NO_ANSWER} on timeout/close).
   */
  public Future<Object> request(String method, JsonObject params) {
    if (closed) {
      return Future.failedFuture(new BinanceApiException(BinanceApiException.NO_ANSWER, 0,
          "connection closed: " + closeReason));
    }
    String rid = Long.toString(++nextRequestId);
    Promise<Object> promise = Promise.promise();
    long timer = vertx.setTimer(requestTimeoutMs, t -> {
      Pending p = pending.remove(rid);
      if (p != null) {
        p.promise().tryFail(new BinanceApiException(BinanceApiException.NO_ANSWER, 0,
            method + ": no answer within " + requestTimeoutMs + " ms"));
      }
    });
    pending.put(rid, new Pending(promise, timer));
    JsonObject request = new JsonObject().put("id", rid).put("method", method);
    if (params != null) {
      request.put("params", params);
    }
    socket.writeTextMessage(request.encode()).onFailure(e -> {
      Pending p = pending.remove(rid);
      if (p != null) {
        vertx.cancelTimer(p.timer());
        p.promise().tryFail(new BinanceApiException(BinanceApiException.NO_ANSWER, 0, method + ": not sent"));
      }
    });
    return promise.future();
  }

  public Future<JsonObject> requestObject(String method, JsonObject params) {
    return request(method, params).map(r -> r instanceof JsonObject ? (JsonObject) r : new JsonObject());
  }

  public Future<io.vertx.core.json.JsonArray> requestArray(String method, JsonObject params) {
    return request(method, params).map(r -> r instanceof io.vertx.core.json.JsonArray
        ? (io.vertx.core.json.JsonArray) r : new io.vertx.core.json.JsonArray());
  }

  public void close(String reason) {
    if (!closed) {
      socket.close((short) 1000, truncate(reason));
      closed(reason);
    }
  }

  private void closed(String reason) {
    if (closed) {
      return;
    }
    closed = true;
    closeReason = reason;
    if (pingTimer >= 0) {
      vertx.cancelTimer(pingTimer);
    }
    for (Pending p : pending.values()) {
      vertx.cancelTimer(p.timer());
      p.promise().tryFail(new BinanceApiException(BinanceApiException.NO_ANSWER, 0, "connection closed: " + reason));
    }
    pending.clear();
    listener.onClosed(this, reason);
  }

  private static String truncate(String s) {
    return s.length() > 100 ? s.substring(0, 100) : s;
  }

  /** Stops reading frames (back-pressure: too many updates wait for the tracker). */
  public void pause() {
    socket.pause();
  }

  public void resume() {
    socket.resume();
  }

  public boolean isClosed() {
    return closed;
  }

  public long id() {
    return id;
  }

  /** Epoch ms of the last frame or pong: until then the stream was known good. */
  public long lastActivityMs() {
    return System.currentTimeMillis() - (System.nanoTime() - lastActivityNanos) / 1_000_000;
  }

  public long ageMs() {
    return System.currentTimeMillis() - openedAtMs;
  }

  /** For owners that only want events: replaces the listener (e.g. during a renewal hand-over). */
  public void listener(Listener value) {
    this.listener = value;
  }
}
