package dev.ordertracker.bridge.client;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;


/**
 * The TCP bridge: 4-byte big-endian length + UTF-8 JSON frames. The token goes as the {@code token} header of
 * every frame (TCP has no URL).
 */
public final class TcpBridgeClient extends AbstractBridgeClient {
  private final NetSocket socket;
  private final NetClient client;
  private boolean expectingLength = true;

  private TcpBridgeClient(NetClient client, NetSocket socket, String token) {
    this.client = client;
    this.socket = socket;
    this.headerToken = token;
  }

  /** @param token put on every frame as the token header; null for none */
  public static Future<TcpBridgeClient> connect(Vertx vertx, String host, int port, String token) {
    return connect(vertx, host, port, token, null);
  }

  /** As {@link #connect(Vertx, String, int, String)}, with a frame handler installed before the first frame. */
  public static Future<TcpBridgeClient> connect(Vertx vertx, String host, int port, String token,
                                                Handler<JsonObject> frames) {
    return onContext(vertx, () -> {
      NetClient client = vertx.createNetClient();
      return client.connect(port, host).map(socket -> wire(client, socket, token, frames));
    });
  }

  private static TcpBridgeClient wire(NetClient client, NetSocket socket, String token, Handler<JsonObject> frames) {
    TcpBridgeClient c = new TcpBridgeClient(client, socket, token);
    if (frames != null) {
      c.frameHandler(frames);
    }
    RecordParser parser = RecordParser.newFixed(4);
    parser.handler(record -> c.onRecord(parser, record));
    socket.handler(parser);
    socket.closeHandler(v -> c.onClosed());
    return c;
  }

  private void onRecord(RecordParser parser, Buffer record) {
    if (expectingLength) {
      expectingLength = false;
      parser.fixedSizeMode(record.getInt(0));
    } else {
      expectingLength = true;
      parser.fixedSizeMode(4);
      dispatch(new JsonObject(record));
    }
  }

  private void onClosed() {
    markClosed();
    client.close();
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
}
