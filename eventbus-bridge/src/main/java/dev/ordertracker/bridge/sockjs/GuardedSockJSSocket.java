package dev.ordertracker.bridge.sockjs;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.function.BiFunction;

/**
 * The SockJS socket as vertx-web's event-bus bridge sees it: everything is the real socket's, except that what
 * the bridge writes itself — the answer to a failed request and its generic errors, which never pass through the
 * bridge hook — goes to {@code writes} instead, so that it is attributed to its request (in flight no more),
 * reduced to a stable code and queued like every other frame. The hook writes its own frames to {@link #real()}.
 */
final class GuardedSockJSSocket implements SockJSSocket {
  private final SockJSSocket real;
  private final BiFunction<GuardedSockJSSocket, Buffer, Future<Void>> writes;

  GuardedSockJSSocket(SockJSSocket real, BiFunction<GuardedSockJSSocket, Buffer, Future<Void>> writes) {
    this.real = real;
    this.writes = writes;
  }

  SockJSSocket real() {
    return real;
  }

  @Override
  public Future<Void> write(Buffer data) {
    return writes.apply(this, data);
  }

  @Override
  public SockJSSocket exceptionHandler(Handler<Throwable> handler) {
    real.exceptionHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket handler(Handler<Buffer> handler) {
    real.handler(handler);
    return this;
  }

  @Override
  public SockJSSocket pause() {
    real.pause();
    return this;
  }

  @Override
  public SockJSSocket resume() {
    real.resume();
    return this;
  }

  @Override
  public SockJSSocket fetch(long amount) {
    real.fetch(amount);
    return this;
  }

  @Override
  public SockJSSocket endHandler(Handler<Void> handler) {
    real.endHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket closeHandler(Handler<Void> handler) {
    real.closeHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket setWriteQueueMaxSize(int maxSize) {
    real.setWriteQueueMaxSize(maxSize);
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return real.writeQueueFull();
  }

  @Override
  public SockJSSocket drainHandler(Handler<Void> handler) {
    real.drainHandler(handler);
    return this;
  }

  @Override
  public String writeHandlerID() {
    return real.writeHandlerID();
  }

  @Override
  public Future<Void> end() {
    return real.end();
  }

  @Override
  public void close() {
    real.close();
  }

  @Override
  public void close(int statusCode, String reason) {
    real.close(statusCode, reason);
  }

  @Override
  public SocketAddress remoteAddress() {
    return real.remoteAddress();
  }

  @Override
  public SocketAddress localAddress() {
    return real.localAddress();
  }

  @Override
  public MultiMap headers() {
    return real.headers();
  }

  @Override
  public String uri() {
    return real.uri();
  }

  @Override
  public RoutingContext routingContext() {
    return real.routingContext();
  }

  @Override
  public Session webSession() {
    return real.webSession();
  }

  @Override
  public User webUser() {
    return real.webUser();
  }
}
