package dev.ordertracker.bridge.client;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The SockJS bridge over SockJS's WebSocket transport ({@code /eventbus/<server>/<session>/websocket}), speaking
 * the SockJS framing ({@code o}, {@code h}, {@code a[...]}, {@code c[...]}) like a browser does. The token travels
 * in the URL query; {@link #withHeaderToken} also puts it on every frame.
 */
public final class SockJsBridgeClient extends AbstractBridgeClient {
  private final WebSocket ws;
  private final WebSocketClient client;

  private SockJsBridgeClient(WebSocketClient client, WebSocket ws) {
    this.client = client;
    this.ws = ws;
  }

  /**
   * Connects and waits for SockJS's open frame.
   *
   * @param token the URL token, or null (then every frame needs a token header)
   */
  public static Future<SockJsBridgeClient> connect(Vertx vertx, String host, int port, String token) {
    return connect(vertx, host, port, token, null);
  }

  /** As {@link #connect(Vertx, String, int, String)}, with a frame handler installed before the first frame. */
  public static Future<SockJsBridgeClient> connect(Vertx vertx, String host, int port, String token,
                                                   Handler<JsonObject> frames) {
    return onContext(vertx, () -> open(vertx, host, port, token, frames));
  }

  private static Future<SockJsBridgeClient> open(Vertx vertx, String host, int port, String token,
                                                 Handler<JsonObject> frames) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(64 * 1024 * 1024));
    String session = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String uri = "/eventbus/000/" + session + "/websocket"
        + (token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    return client.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI(uri))
        .compose(ws -> {
          SockJsBridgeClient c = new SockJsBridgeClient(client, ws);
          if (frames != null) {
            c.frameHandler(frames);
          }
          Promise<SockJsBridgeClient> opened = Promise.promise();
          ws.textMessageHandler(text -> c.onText(text, opened));
          ws.closeHandler(v -> c.onClosed(opened));
          return opened.future();
        });
  }

  /** Adds {@code token} as a header on every frame this client sends. */
  public SockJsBridgeClient withHeaderToken(String token) {
    this.headerToken = token;
    return this;
  }

  private void onText(String text, Promise<SockJsBridgeClient> opened) {
    if (text.isEmpty()) {
      return;
    }
    switch (text.charAt(0)) {
      case 'o':
        opened.tryComplete(this);
        break;
      case 'a':
        JsonArray messages = new JsonArray(text.substring(1));
        for (int i = 0; i < messages.size(); i++) {
          dispatch(new JsonObject(messages.getString(i)));
        }
        break;
      case 'c':
        ws.close();
        break;
      default:
        // 'h' heartbeats
    }
  }

  private void onClosed(Promise<SockJsBridgeClient> opened) {
    opened.tryFail("closed before open");
    markClosed();
    client.close();
  }

  @Override
  public Future<Void> writeFrame(JsonObject frame) {
    return writeRaw(new JsonArray().add(frame.encode()).encode());
  }

  /** Writes a SockJS-level text message as is (fuzzing). */
  public Future<Void> writeRaw(String text) {
    return ws.writeTextMessage(text);
  }

  public WebSocket webSocket() {
    return ws;
  }

  @Override
  public Future<Void> close() {
    return ws.close();
  }
}
