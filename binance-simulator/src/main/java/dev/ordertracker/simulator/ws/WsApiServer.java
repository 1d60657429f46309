package dev.ordertracker.simulator.ws;

import dev.ordertracker.simulator.SimulatorOptions;
import dev.ordertracker.simulator.api.RequestWeight;
import dev.ordertracker.simulator.faults.FaultState;
import dev.ordertracker.simulator.stream.Subscription;
import dev.ordertracker.simulator.stream.UserDataHub;
import dev.ordertracker.simulator.wire.EventEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.internal.http.WebSocketInternal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Accepts WebSocket API connections at {@code /ws-api/v3} (rejecting them while a refuse fault is armed), keeps
 * the open sessions and implements the connection-level faults. Owned by the simulator context.
 */
public final class WsApiServer {

  public static final String PATH = "/ws-api/v3";

  private final Vertx vertx;
  private final SimulatorOptions options;
  private final WsApiDispatcher dispatcher;
  private final UserDataHub hub;
  private final FaultState faults;
  private final Set<WsApiSession> sessions = new LinkedHashSet<>();
  private final RequestWeight requestWeight;

  public WsApiServer(Vertx vertx, SimulatorOptions options, WsApiDispatcher dispatcher, UserDataHub hub,
      FaultState faults, RequestWeight requestWeight) {
    this.requestWeight = requestWeight;
    this.vertx = vertx;
    this.options = options;
    this.dispatcher = dispatcher;
    this.hub = hub;
    this.faults = faults;
  }

  public void handshake(ServerWebSocketHandshake handshake) {
    if (!PATH.equals(handshake.path())) {
      handshake.reject(404);
    } else if (faults.refusing(System.currentTimeMillis())) {
      handshake.reject(503);
    } else if (!requestWeight.tryConnect(System.currentTimeMillis())) {
      handshake.reject(429); // connection attempts per 5 minutes spent
    } else {
      handshake.accept();
    }
  }

  public void connected(ServerWebSocket socket) {
    consolidateFlushes(socket);
    WsApiSession session = new WsApiSession(socket, System.currentTimeMillis());
    sessions.add(session);
    socket.textMessageHandler(text -> dispatcher.handle(session, text));
    socket.closeHandler(v -> closed(session));
    socket.exceptionHandler(e -> socket.close());
    session.startTimers(vertx, options.getPingIntervalMs(), options.getPongTimeoutMs(),
        options.getMaxConnectionAgeMs());
  }

  /**
   * Vert.x flushes every frame written outside a read of the connection: one write system call per frame, which at
   * 200,000 frames/s cost the simulator's thread more than building the frames. A flush-consolidation handler at the
   * head of the pipeline turns the flushes of one event-loop task into one (at most 256 frames apart). Frames and
   * their order are unchanged; a flush is late by at most the rest of the current task. Uses Vert.x's internal
   * {@link WebSocketInternal} (no public API reaches the pipeline); without it frames are flushed one by one.
   */
  private static void consolidateFlushes(ServerWebSocket socket) {
    if (socket instanceof WebSocketInternal internal) {
      internal.channelHandlerContext().pipeline().addFirst(new FlushConsolidationHandler(256, true));
    }
  }

  private void closed(WsApiSession session) {
    session.markClosed();
    session.stopTimers(vertx);
    sessions.remove(session);
    for (Subscription s : session.subscriptions()) {
      hub.unsubscribe(s);
    }
  }

  public int connectionCount() {
    return sessions.size();
  }

  public void dropAll() {
    for (WsApiSession s : new ArrayList<>(sessions)) {
      s.close((short) 1001, "dropped by fault injection");
      closed(s); // forget it now: no event may reach a dropped connection while its close completes
    }
  }

  public void broadcastServerShutdown() {
    String frame = "{\"event\":" + EventEncoder.serverShutdown(System.currentTimeMillis()).encode() + "}";
    sessions.forEach(s -> s.sendText(frame));
  }

  public boolean terminateStreams(String account) {
    long now = System.currentTimeMillis();
    for (WsApiSession session : sessions) {
      List<Subscription> subs = new ArrayList<>(session.subscriptions());
      for (Subscription s : subs) {
        if (s.account().name().equals(account)) {
          dispatcher.terminate(session, s, now);
        }
      }
    }
    return true;
  }

  public void closeAll() {
    for (WsApiSession s : new ArrayList<>(sessions)) {
      s.close((short) 1001, "simulator closing");
    }
  }
}
