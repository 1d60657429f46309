package dev.ordertracker.bridge.client;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What both bridge clients share: pending requests by reply address, the frame and close handlers, the token
 * header. Subclasses own the transport: they hand every received frame to {@link #dispatch}, call
 * {@link #markClosed} once when the connection ends, and write frames in their own framing.
 */
abstract class AbstractBridgeClient implements BridgeClient {
  private final Map<String, Promise<JsonObject>> pending = new HashMap<>();
  private Handler<JsonObject> frameHandler = f -> { };
  private volatile Handler<Void> closeHandler = v -> { };
  private volatile boolean closed; // read from test and driver threads
  /** Put on every frame as the {@code token} header (unless the frame has one); null for none. */
  protected String headerToken;

  /**
   * Runs {@code connect} on the thread of a Vert.x context, so that the handlers a client installs when the
   * connection completes are in place before the server's first bytes can be delivered. Started from any other
   * thread (an application's main method, a test), the connection could complete before the caller had chained
   * its callback; Vert.x drops data that reaches a socket without a handler, so a server that speaks first (a
   * too_many_connections refusal, SockJS's open frame) went unheard: ConnectionLimitsTest saw 0 frames in CI.
   */
  static <T> Future<T> onContext(Vertx vertx, Supplier<Future<T>> connect) {
    Context context = vertx.getOrCreateContext();
    if (Vertx.currentContext() == context && Context.isOnVertxThread()) {
      return connect.get();
    }
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> connect.get().onComplete(result));
    return result.future();
  }

  protected final void dispatch(JsonObject frame) {
    String address = frame.getString("address");
    Promise<JsonObject> reply = address == null ? null : pending.remove(address);
    if (reply != null) {
      reply.complete(frame);
    }
    frameHandler.handle(frame);
  }

  protected final void markClosed() {
    closed = true;
    pending.values().forEach(p -> p.tryFail("connection closed"));
    pending.clear();
    closeHandler.handle(null);
  }

  @Override
  public BridgeClient frameHandler(Handler<JsonObject> handler) {
    this.frameHandler = handler;
    return this;
  }

  @Override
  public BridgeClient closeHandler(Handler<Void> handler) {
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
  public boolean isClosed() {
    return closed;
  }

  private JsonObject headers(JsonObject headers) {
    JsonObject out = headers == null ? new JsonObject() : headers.copy();
    if (headerToken != null && !out.containsKey("token")) {
      out.put("token", headerToken);
    }
    return out;
  }
}
