package dev.ordertracker.bridge.client;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The TCP bridge: 4-byte big-endian length + UTF-8 JSON frames. The token goes as the {@code token} header of
 * every frame (TCP has no URL).
 */
public final class TcpBridgeClient implements BridgeClient {
  private final NetSocket socket;
  private final NetClient client;
  private final String token;
  private final Map<String, Promise<JsonObject>> pending = new HashMap<>();
  private Handler<JsonObject> frameHandler = f -> { };
  private volatile Handler<Void> closeHandler = v -> { };
  private volatile boolean closed; // read from test and driver threads
  private boolean expectingLength = true;

  private TcpBridgeClient(NetClient client, NetSocket socket, String token) {
    this.client = client;
    this.socket = socket;
    this.token = token;
  }

  /** @param token put on every frame as the token header; null for none */
  public static Future<TcpBridgeClient> connect(Vertx vertx, String host, int port, String token) {
    return connect(vertx, host, port, token, null);
  }

  /** As {@link #connect(Vertx, String, int, String)}, with a frame handler installed before the first frame. */
  public static Future<TcpBridgeClient> connect(Vertx vertx, String host, int port, String token,
                                                Handler<JsonObject> frames) {
    NetClient client = vertx.createNetClient();
    return client.connect(port, host).map(socket -> {
      TcpBridgeClient c = new TcpBridgeClient(client, socket, token);
      if (frames != null) {
        c.frameHandler = frames;
      }
      RecordParser parser = RecordParser.newFixed(4);
      parser.handler(record -> c.onRecord(parser, record));
      socket.handler(parser);
      socket.closeHandler(v -> c.onClosed());
      return c;
    });
  }

  private void onRecord(RecordParser parser, Buffer record) {
    if (expectingLength) {
      expectingLength = false;
      parser.fixedSizeMode(record.getInt(0));
    } else {
      expectingLength = true;
      parser.fixedSizeMode(4);
      JsonObject frame = new JsonObject(record);
      String address = frame.getString("address");
      Promise<JsonObject> reply = address == null ? null : pending.remove(address);
      if (reply != null) {
        reply.complete(frame);
      }
      frameHandler.handle(frame);
    }
  }

  private void onClosed() {
    closed = true;
    pending.values().forEach(p -> p.tryFail("connection closed"));
    pending.clear();
    closeHandler.handle(null);
    client.close();
  }

  @Override
  public TcpBridgeClient frameHandler(Handler<JsonObject> handler) {
    this.frameHandler = handler;
    return this;
  }

  @Override
  public TcpBridgeClient closeHandler(Handler<Void> handler) {
    this.closeHandler = handler;
    return this;
  }

  @Override
  public Future<Void> register(String address) {
    return writeFrame(new JsonObject().put("type", "register").put("address", address).put("headers", headers(null)));
  }

  @Override
  public Future<JsonObject> request(String address, JsonObject headers, Object body) {
    String replyAddress = UUID.randomUUID().toString();
    Promise<JsonObject> reply = Promise.promise();
    pending.put(replyAddress, reply);
    writeFrame(new JsonObject().put("type", "send").put("address", address).put("headers", headers(headers))
        .put("body", body).put("replyAddress", replyAddress)).onFailure(reply::tryFail);
    return reply.future();
  }

  @Override
  public Future<Void> writeFrame(JsonObject frame) {
    Buffer json = frame.toBuffer();
    return writeRaw(Buffer.buffer(json.length() + 4).appendInt(json.length()).appendBuffer(json));
  }

  /** Writes bytes as is (fuzzing). */
  public Future<Void> writeRaw(Buffer bytes) {
    return socket.write(bytes);
  }

  public NetSocket socket() {
    return socket;
  }

  @Override
  public Future<Void> close() {
    return socket.close();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  private JsonObject headers(JsonObject headers) {
    JsonObject out = headers == null ? new JsonObject() : headers.copy();
    if (token != null && !out.containsKey("token")) {
      out.put("token", token);
    }
    return out;
  }
}
