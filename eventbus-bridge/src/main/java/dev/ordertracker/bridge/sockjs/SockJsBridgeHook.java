package dev.ordertracker.bridge.sockjs;

import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.bridge.security.BridgeErrorCode;
import dev.ordertracker.bridge.security.BridgePermissions;
import dev.ordertracker.bridge.security.BridgeRefusal;
import dev.ordertracker.bridge.security.ClientGate;
import dev.ordertracker.bridge.security.TrackerActions;
import dev.ordertracker.bridge.session.ClientLimits;
import dev.ordertracker.bridge.session.ClientSession;
import dev.ordertracker.bridge.session.ConnectionCaps;
import dev.ordertracker.bridge.session.FrameMemo;
import dev.ordertracker.bridge.session.ServiceFailure;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hook of vertx-web's SockJS bridge: authentication, claims and limits. It runs before the bridge's own
 * address check (which then applies the same {@link BridgePermissions} lists). The bridge gets each socket
 * wrapped ({@link #guard}), so that what vertx-web writes on its own (failed requests' answers) is attributed,
 * reduced to stable codes and queued too.
 *
 * <ul>
 *   <li>SOCKET_CREATED: over the connection caps the socket is refused (too_many_connections); the URL's
 *   {@code token} query parameter, when present, must verify, otherwise the socket is refused with the code and
 *   closed; without one, the client has auth_timeout_ms to send a frame with a valid token;</li>
 *   <li>SEND / PUBLISH / REGISTER (UNREGISTER only ever removes the client's own handler): {@link ClientGate#admit}; a refusal is answered with an err frame
 *   carrying the stable code (addressed to the reply or handler address so that
 *   {@code @vertx/eventbus-bridge-client.js} hands it to the callback), then vertx-web adds its generic
 *   {@code rejected};</li>
 *   <li>RECEIVE: events outside the client's accounts/symbols are dropped, tracker answers are filtered, and
 *   every frame is written through the session's bounded queue (slow consumers are disconnected).</li>
 * </ul>
 * Runs on the bridge verticle's event loop; the session map is confined to it.
 */
public final class SockJsBridgeHook implements Handler<BridgeEvent> {
  private static final System.Logger LOG = System.getLogger(SockJsBridgeHook.class.getName());
  private static final String MALFORMED_TOKEN = "malformed";
  private final ClientGate gate;
  private final BridgeMetrics metrics;
  private final ClientLimits limits;
  private final ConnectionCaps caps;
  private final Map<SockJSSocket, ClientSession> sessions = new HashMap<>();
  private final FrameMemo events;
  private long nextId;

  public SockJsBridgeHook(ClientGate gate, BridgeMetrics metrics, ClientLimits limits, ConnectionCaps caps) {
    this.gate = gate;
    this.metrics = metrics;
    this.limits = limits;
    this.caps = caps;
    this.events = new FrameMemo(metrics, BridgeMetrics.Transport.SOCKJS);
  }

  public int connectedClients() {
    return sessions.size();
  }

  /**
   * Closes the clients that sent nothing, not even a ping, for {@code ping_timeout_ms}: checked every half of it,
   * so a silent client goes within 1.5 times the timeout. Ours, not vertx-web's: vertx-web's idle check casts the
   * socket to its own base class, which the socket we hand it ({@link GuardedSockJSSocket}) is not, and threw on
   * every period for every idle client instead of closing it (the bridge gives vertx-web a timeout it never
   * reaches). Call once, on the bridge's context; the timer goes with the verticle.
   */
  public void startIdleCheck(Vertx vertx) {
    long period = Math.max(10, limits.pingTimeoutMs() / 2);
    vertx.setPeriodic(period, id -> {
      long now = System.nanoTime();
      List<ClientSession> silent = new ArrayList<>();
      for (ClientSession session : sessions.values()) {
        if (!session.isClosed() && session.silentAt(now)) {
          silent.add(session);
        }
      }
      for (ClientSession session : silent) {
        LOG.log(System.Logger.Level.DEBUG, () -> "sockjs bridge client " + session.id() + " silent for "
            + limits.pingTimeoutMs() + " ms: closed");
        session.close();
      }
    });
  }

  /** The socket to hand to vertx-web's bridge: its own writes come back to {@link #onBridgeWrite}. */
  public SockJSSocket guard(SockJSSocket socket) {
    return new GuardedSockJSSocket(socket, this::onBridgeWrite);
  }

  @Override
  public void handle(BridgeEvent event) {
    switch (event.type()) {
      case SOCKET_CREATED:
        onCreated(event);
        break;
      case SOCKET_CLOSED:
        onClosed(event);
        break;
      case SEND:
      case PUBLISH:
      case REGISTER:
        onClientFrame(event);
        break;
      case RECEIVE:
        onReceive(event);
        break;
      case SOCKET_PING:
        ClientSession pinging = sessions.get(event.socket());
        if (pinging != null) {
          pinging.heard();
        }
        event.complete(true);
        break;
      default:
        event.complete(true);
    }
  }

  private void onCreated(BridgeEvent event) {
    SockJSSocket sock = event.socket();
    SockJSSocket real = sock instanceof GuardedSockJSSocket ? ((GuardedSockJSSocket) sock).real() : sock;
    String host = sock.remoteAddress() == null ? null : sock.remoteAddress().hostAddress();
    if (!caps.tryOpen(host)) {
      metrics.refused(BridgeErrorCode.TOO_MANY_CONNECTIONS);
      real.write(errFrame(BridgeErrorCode.TOO_MANY_CONNECTIONS, null).toBuffer());
      event.complete(false); // vertx-web closes the socket
      return;
    }
    ClientSession session = new ClientSession("sockjs-" + (++nextId), BridgeMetrics.Transport.SOCKJS, host,
        real::write, (code, address) -> errFrame(code, address).toBuffer(), sock::close, limits, metrics);
    String token = queryToken(sock.uri());
    if (token == null) {
      admitted(event, sock, session);
      return;
    }
    gate.authenticateConnection(session, token).onComplete(ar -> {
      if (ar.succeeded()) {
        admitted(event, sock, session);
      } else {
        caps.closed(host);
        gate.disconnected(session);
        BridgeErrorCode code = BridgeRefusal.codeOf(ar.cause(), BridgeErrorCode.AUTH_INVALID);
        real.write(errFrame(code, null).toBuffer());
        event.complete(false); // vertx-web closes the socket
      }
    });
  }

  private void admitted(BridgeEvent event, SockJSSocket sock, ClientSession session) {
    sessions.put(sock, session);
    metrics.connected(BridgeMetrics.Transport.SOCKJS);
    gate.connected(session);
    event.complete(true);
  }

  private void onClosed(BridgeEvent event) {
    ClientSession session = sessions.remove(event.socket());
    if (session != null) {
      gate.disconnected(session);
      caps.closed(session.remoteHost());
      session.markClosed();
      metrics.disconnected(BridgeMetrics.Transport.SOCKJS);
    }
    event.complete(true);
  }

  private void onClientFrame(BridgeEvent event) {
    ClientSession session = sessions.get(event.socket());
    JsonObject raw = event.getRawMessage();
    if (session == null || raw == null) {
      event.complete(false);
      return;
    }
    session.heard();
    Object address = raw.getValue("address");
    Object headers = raw.getValue("headers");
    Object replyAddress = raw.getValue("replyAddress");
    if (!(address instanceof String) || (headers != null && !(headers instanceof JsonObject))
        || (replyAddress != null && !(replyAddress instanceof String))) {
      // vertx-web would throw on these; a client that sends them is broken or hostile
      metrics.malformed(BridgeMetrics.Transport.SOCKJS);
      gate.refused(session, BridgeErrorCode.MALFORMED_FRAME, "wrong field types");
      session.refuse(BridgeErrorCode.MALFORMED_FRAME, null);
      event.complete(false);
      session.close();
      return;
    }
    BridgeEventType kind = event.type();
    JsonObject headerJson = (JsonObject) headers;
    if (headerJson != null) {
      // vertx-web turns header values into strings with toString(): a null value would throw inside it
      headerJson.getMap().values().removeIf(java.util.Objects::isNull);
    }
    gate.admit(session, kind, (String) address, headerJson, raw.getValue("body")).onComplete(ar -> {
      String answerTo = kind == BridgeEventType.SEND ? (String) replyAddress : (String) address;
      if (ar.failed()) {
        refuse(event, session, BridgeRefusal.codeOf(ar.cause(), BridgeErrorCode.AUTH_INVALID), answerTo);
        return;
      }
      if (kind != BridgeEventType.SEND) {
        event.complete(true);
        return;
      }
      // a fire-and-forget send is a request too: vertx-web sends it with a reply address of the bridge's own,
      // so it stays in flight until the service answers, and that answer is dropped
      boolean discard = replyAddress == null;
      String reply = discard ? session.discardAddress() : (String) replyAddress;
      if (discard) {
        raw.put("replyAddress", reply);
      }
      gate.openReply(session, reply, headerJson.getString(TrackerActions.HEADER_ACTION),
              limits.maxHandlersPerSocket(), discard)
          .onFailure(err -> refuse(event, session, BridgeRefusal.codeOf(err, BridgeErrorCode.AUTH_INVALID),
              (String) replyAddress))
          .onSuccess(entry -> event.complete(true));
    });
  }

  private void refuse(BridgeEvent event, ClientSession session, BridgeErrorCode code, String address) {
    session.refuse(code, address);
    event.complete(false);
  }

  private void onReceive(BridgeEvent event) {
    ClientSession session = sessions.get(event.socket());
    JsonObject envelope = event.getRawMessage();
    // we write every outbound frame ourselves (below) so that it goes through the bounded queue
    event.complete(false);
    if (session == null || session.isClosed() || envelope == null || !gate.deliverable(session)) {
      return;
    }
    String address = envelope.getString("address");
    BridgePermissions permissions = gate.permissions();
    ClientSession.PendingReply pending = session.takeReply(address);
    if (pending != null) {
      if (pending.discard()) {
        return;
      }
      BridgePermissions.FilteredReply filtered = gate.answer(session, pending, envelope.getValue("body"));
      if (filtered.refusal() != null) {
        session.refuse(filtered.refusal(), address);
        return;
      }
      envelope.put("body", filtered.body());
    } else if (!permissions.permitsOutbound(address)) {
      // a reply with no pending request (a second answer to one address, or a late one): never delivered
      gate.refused(session, BridgeErrorCode.REPLY_ADDRESS_INVALID, "unattributed reply");
      return;
    } else if (permissions.isEventAddress(address)) {
      JsonObject headers = envelope.getJsonObject("headers");
      if (permissions.eventVisible(headers, session.claims())) {
        // one encoding per event, not per client (vertx-web builds the same envelope for each of them)
        session.deliver(events.frame(address, envelope.getValue("body"), headers, envelope::toBuffer));
      }
      return;
    }
    session.deliver(envelope.toBuffer());
  }

  /**
   * What vertx-web's bridge writes on its own: generic errors ({@code rejected}, {@code invalid_json}, ...) go out
   * through the bounded queue; the answer to a failed request (an err frame with the reply address) is
   * attributed to its pending entry like any answer, and goes out as a stable code ({@link ServiceFailure}),
   * never with the service's exception text.
   */
  private Future<Void> onBridgeWrite(GuardedSockJSSocket sock, Buffer data) {
    ClientSession session = sessions.get(sock);
    if (session == null) {
      return Future.succeededFuture(); // not (or no longer) a client: nothing to tell it
    }
    JsonObject frame;
    try {
      frame = new JsonObject(data);
    } catch (DecodeException | ClassCastException e) {
      session.deliver(data);
      return Future.succeededFuture();
    }
    String address = frame.getValue("address") instanceof String ? frame.getString("address") : null;
    if (!"err".equals(frame.getValue("type")) || address == null) {
      session.deliver(data);
      return Future.succeededFuture();
    }
    ClientSession.PendingReply pending = session.takeReply(address);
    if (pending == null) {
      gate.refused(session, BridgeErrorCode.REPLY_ADDRESS_INVALID, "unattributed failure");
    } else if (!pending.discard()) {
      Object code = frame.getValue("failureCode");
      session.deliver(ServiceFailure.of(replyFailure(frame.getValue("failureType")),
          code instanceof Number ? ((Number) code).intValue() : 500).frame(address).toBuffer());
    }
    return Future.succeededFuture();
  }

  private static ReplyFailure replyFailure(Object name) {
    for (ReplyFailure value : ReplyFailure.values()) {
      if (value.name().equals(name)) {
        return value;
      }
    }
    return ReplyFailure.RECIPIENT_FAILURE;
  }

  /** The err frame of a refusal; {@code address} routes it to the client's callback when known. */
  static JsonObject errFrame(BridgeErrorCode code, String address) {
    JsonObject frame = new JsonObject().put("type", "err").put("failureCode", code.failureCode())
        .put("failureType", "RECIPIENT_FAILURE").put("message", code.code()).put("body", code.code());
    if (address != null) {
      frame.put("address", address);
    }
    return frame;
  }

  static String queryToken(String uri) {
    if (uri == null || uri.indexOf('?') < 0) {
      return null;
    }
    try {
      List<String> values = new QueryStringDecoder(uri).parameters().get("token");
      return values == null || values.isEmpty() ? null : values.get(0);
    } catch (IllegalArgumentException badEscape) {
      return MALFORMED_TOKEN; // refused as auth_invalid
    }
  }

  /** For tests and the benchmarks: frames currently pending to all clients. */
  public int outboundPending() {
    return sessions.values().stream().mapToInt(ClientSession::outboundPending).sum();
  }
}
