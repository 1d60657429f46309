package dev.ordertracker.bridge.tcp;

import dev.ordertracker.bridge.security.BridgeErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The TCP bridge's wire format (that of vertx-tcp-eventbus-bridge): a 4-byte big-endian length, then that many
 * bytes of UTF-8 JSON. Client frames: {@code {type: register|unregister|send|publish|ping, address, headers, body,
 * replyAddress}}; server frames: {@code {type: "message", address, headers, body, send}}, {@code {type: "err",
 * message, failureCode, address?}} and {@code {type: "pong"}}.
 */
public final class TcpFrames {
  private TcpFrames() {
  }

  public static Buffer encode(JsonObject frame) {
    Buffer json = frame.toBuffer();
    return Buffer.buffer(json.length() + 4).appendInt(json.length()).appendBuffer(json);
  }

  public static JsonObject message(String address, JsonObject headers, Object body, boolean send) {
    JsonObject frame = new JsonObject().put("type", "message").put("address", address).put("send", send)
        .put("body", body);
    if (headers != null && !headers.isEmpty()) {
      frame.put("headers", headers);
    }
    return frame;
  }

  public static JsonObject err(BridgeErrorCode code, String address) {
    JsonObject frame = new JsonObject().put("type", "err").put("message", code.code())
        .put("failureCode", code.failureCode());
    if (address != null) {
      frame.put("address", address);
    }
    return frame;
  }

  public static JsonObject pong() {
    return new JsonObject().put("type", "pong");
  }
}
