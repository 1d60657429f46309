package dev.ordertracker.simulator.ws;

import dev.ordertracker.simulator.account.Account;
import dev.ordertracker.simulator.api.RateLimits;
import dev.ordertracker.simulator.stream.EventSink;
import dev.ordertracker.simulator.stream.Subscription;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One WebSocket API connection: its logon, its user data subscriptions, its rate-limit counters and its life
 * timers (server pings, pong timeout, maximum age). Owned by the simulator context.
 */
public final class WsApiSession implements EventSink {

  private final ServerWebSocket socket;
  private final long connectedSince;
  private final RateLimits rateLimits = new RateLimits();
  private final Map<Integer, Subscription> subscriptions = new LinkedHashMap<>();
  private int nextSubscriptionId;
  private Account logon;
  private long authorizedSince;
  private long lastPongAt;
  private long pingTimer = -1;
  private long ageTimer = -1;
  private boolean closed;

  WsApiSession(ServerWebSocket socket, long now) {
    this.socket = socket;
    this.connectedSince = now;
    this.lastPongAt = now;
  }

  void startTimers(Vertx vertx, long pingIntervalMs, long pongTimeoutMs, long maxAgeMs) {
    socket.pongHandler(b -> lastPongAt = System.currentTimeMillis());
    pingTimer = vertx.setPeriodic(pingIntervalMs, t -> {
      long now = System.currentTimeMillis();
      if (now - lastPongAt > pongTimeoutMs) {
        close((short) 1000, "pong timeout");
      } else {
        socket.writePing(Buffer.buffer(Long.toString(now)));
      }
    });
    ageTimer = vertx.setTimer(maxAgeMs, t -> close((short) 1000, "maximum connection age reached"));
  }

  void stopTimers(Vertx vertx) {
    vertx.cancelTimer(pingTimer);
    vertx.cancelTimer(ageTimer);
  }

  @Override
  public void sendText(String frame) {
    if (!closed) {
      socket.writeTextMessage(frame);
    }
  }

  @Override
  public boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  public void onDrain(Runnable action) {
    socket.drainHandler(v -> {
      socket.drainHandler(null);
      action.run();
    });
  }

  public ServerWebSocket socket() {
    return socket;
  }

  public void close(short code, String reason) {
    if (!closed) {
      closed = true;
      socket.close(code, reason);
    }
  }

  void markClosed() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  long connectedSince() {
    return connectedSince;
  }

  RateLimits rateLimits() {
    return rateLimits;
  }

  Account logon() {
    return logon;
  }

  long authorizedSince() {
    return authorizedSince;
  }

  void logon(Account account, long now) {
    this.logon = account;
    this.authorizedSince = account == null ? 0 : now;
  }

  Subscription addSubscription(Account account, boolean viaLogon) {
    Subscription s = new Subscription(this, nextSubscriptionId++, account, viaLogon);
    subscriptions.put(s.id(), s);
    return s;
  }

  Subscription removeSubscription(int id) {
    return subscriptions.remove(id);
  }

  public Collection<Subscription> subscriptions() {
    return subscriptions.values();
  }

  boolean hasSubscriptions() {
    return !subscriptions.isEmpty();
  }
}
