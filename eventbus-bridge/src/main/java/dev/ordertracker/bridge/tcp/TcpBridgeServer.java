package dev.ordertracker.bridge.tcp;

import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.bridge.security.BridgeErrorCode;
import dev.ordertracker.bridge.security.ClientGate;
import dev.ordertracker.bridge.session.ClientLimits;
import dev.ordertracker.bridge.session.ConnectionCaps;
import dev.ordertracker.bridge.session.FrameMemo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

import java.util.concurrent.TimeUnit;

/**
 * The TCP event-bus bridge: the wire protocol of vertx-tcp-eventbus-bridge (see {@link TcpFrames}) with the
 * permissions of {@link dev.ordertracker.bridge.security.BridgePermissions}, token authentication through the
 * {@code token} header of each frame, claims filtering of outbound events and hostile-client limits.
 *
 * <p>Why not {@code TcpEventBusBridge.create(...)} itself: in 5.0.7 its bridge event hook never sees outbound
 * messages (no RECEIVE event, so no per-client claims filtering), its frame parser buffers a declared length
 * without bound, and an unknown frame type or a non-string field throws inside the parser and wedges the
 * connection. The frames and semantics stay identical, so its clients work unchanged.
 */
public final class TcpBridgeServer {
  private final Vertx vertx;
  private final ClientGate gate;
  private final BridgeMetrics metrics;
  private final ClientLimits limits;
  private final ConnectionCaps caps;
  /** Shared by the connections (one event loop): an event is encoded once for all the clients that get it. */
  private final FrameMemo events;
  private NetServer server;
  private long nextId;

  public TcpBridgeServer(Vertx vertx, ClientGate gate, BridgeMetrics metrics, ClientLimits limits,
                         ConnectionCaps caps) {
    this.vertx = vertx;
    this.gate = gate;
    this.metrics = metrics;
    this.limits = limits;
    this.caps = caps;
    this.events = new FrameMemo(metrics, BridgeMetrics.Transport.TCP);
  }

  /** Listens; answers the actual port (useful with port 0). */
  public Future<Integer> listen(String host, int port) {
    NetServerOptions options = new NetServerOptions()
        // a client that sends nothing (not even a ping) for ping_timeout_ms is gone
        .setReadIdleTimeout((int) Math.min(Integer.MAX_VALUE, limits.pingTimeoutMs()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    server = vertx.createNetServer(options);
    server.connectHandler(socket -> {
      String client = socket.remoteAddress() == null ? null : socket.remoteAddress().hostAddress();
      if (!caps.tryOpen(client)) {
        metrics.refused(BridgeErrorCode.TOO_MANY_CONNECTIONS);
        socket.write(TcpFrames.encode(TcpFrames.err(BridgeErrorCode.TOO_MANY_CONNECTIONS, null)))
            .onComplete(ar -> socket.close());
        return;
      }
      new TcpBridgeConnection(socket, vertx.eventBus(), gate, metrics, "tcp-" + (++nextId), client, limits,
          events, () -> caps.closed(client)).start();
    });
    return server.listen(port, host).map(NetServer::actualPort);
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
