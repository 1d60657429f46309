package dev.ordertracker.bridge.client;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;

/**
 * A small Java client of the bridges (remote JVM processes, tests, benchmarks): the frames of the bridge
 * protocol, one connection. Both implementations keep their state on the context that created them.
 */
public interface BridgeClient {

  /** Every frame the server sends (messages, replies, errors, pongs), in arrival order. */
  BridgeClient frameHandler(Handler<JsonObject> handler);

  BridgeClient closeHandler(Handler<Void> handler);

  /** Registers for {@code address}; the token header is added when the client has one. */
  Future<Void> register(String address);

  /**
   * Sends a request and completes with the answer frame: a message frame, or an err frame (a refusal or a
   * failure) — never a failed future for an answered request.
   */
  Future<JsonObject> request(String address, JsonObject headers, Object body);

  /** Writes a raw frame as is (tests of hostile clients). */
  Future<Void> writeFrame(JsonObject frame);

  Future<Void> close();

  boolean isClosed();
}
