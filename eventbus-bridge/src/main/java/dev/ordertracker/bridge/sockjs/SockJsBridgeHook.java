package dev.ordertracker.bridge.sockjs;

import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.bridge.security.BridgeErrorCode;
import dev.ordertracker.bridge.security.BridgePermissions;
import dev.ordertracker.bridge.security.BridgeRefusal;
import dev.ordertracker.bridge.security.ClientGate;
import dev.ordertracker.bridge.security.TrackerActions;
import dev.ordertracker.bridge.session.ClientSession;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hook of vertx-web's SockJS bridge: authentication, claims and limits. It runs before the bridge's own
 * address check (which then applies the same {@link BridgePermissions} lists).
 *
 * <ul>
 *   <li>SOCKET_CREATED: the URL's {@code token} query parameter, when present, must verify, otherwise the socket
 *   is refused with the code and closed;</li>
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
  private static final String MALFORMED_TOKEN = "malformed";
  private final Vertx vertx;
  private final ClientGate gate;
  private final BridgeMetrics metrics;
  private final int maxOutboundQueue;
  private final int maxPendingReplies;
  private final long replyTimeoutMs;
  private final Map<SockJSSocket, ClientSession> sessions = new HashMap<>();
  private long nextId;

  public SockJsBridgeHook(Vertx vertx, ClientGate gate, BridgeMetrics metrics, int maxOutboundQueue,
                          int maxPendingReplies, long replyTimeoutMs) {
    this.vertx = vertx;
    this.gate = gate;
    this.metrics = metrics;
    this.maxOutboundQueue = maxOutboundQueue;
    this.maxPendingReplies = maxPendingReplies;
    this.replyTimeoutMs = replyTimeoutMs;
  }

  public int connectedClients() {
    return sessions.size();
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
      default:
        event.complete(true);
    }
  }

  private void onCreated(BridgeEvent event) {
    SockJSSocket sock = event.socket();
    ClientSession session = new ClientSession("sockjs-" + (++nextId), BridgeMetrics.Transport.SOCKJS, sock::write,
        sock::close, maxOutboundQueue, metrics);
    String token = queryToken(sock.uri());
    if (token == null) {
      admitted(event, sock, session);
      return;
    }
    gate.authenticateConnection(session, token).onComplete(ar -> {
      if (ar.succeeded()) {
        admitted(event, sock, session);
      } else {
        BridgeErrorCode code = BridgeRefusal.codeOf(ar.cause(), BridgeErrorCode.AUTH_INVALID);
        sock.write(errFrame(code, null).toBuffer());
        event.complete(false); // vertx-web closes the socket
      }
    });
  }

  private void admitted(BridgeEvent event, SockJSSocket sock, ClientSession session) {
    sessions.put(sock, session);
    metrics.connected(BridgeMetrics.Transport.SOCKJS);
    event.complete(true);
  }

  private void onClosed(BridgeEvent event) {
    ClientSession session = sessions.remove(event.socket());
    if (session != null) {
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
    Object address = raw.getValue("address");
    Object headers = raw.getValue("headers");
    Object replyAddress = raw.getValue("replyAddress");
    if (!(address instanceof String) || (headers != null && !(headers instanceof JsonObject))
        || (replyAddress != null && !(replyAddress instanceof String))) {
      // vertx-web would throw on these; a client that sends them is broken or hostile
      metrics.malformed(BridgeMetrics.Transport.SOCKJS);
      gate.refused(session, BridgeErrorCode.MALFORMED_FRAME, "wrong field types");
      session.deliver(errFrame(BridgeErrorCode.MALFORMED_FRAME, null).toBuffer());
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
      if (kind == BridgeEventType.SEND && replyAddress != null) {
        String reply = (String) replyAddress;
        gate.openReply(session, reply, headerJson.getString(TrackerActions.HEADER_ACTION), maxPendingReplies)
            .onFailure(err -> refuse(event, session, BridgeRefusal.codeOf(err, BridgeErrorCode.AUTH_INVALID),
                reply))
            .onSuccess(entry -> {
              // an answer that never comes (timeout) must not leave the entry behind
              vertx.setTimer(replyTimeoutMs + 1000, id -> session.dropReply(reply, entry));
              event.complete(true);
            });
        return;
      }
      event.complete(true);
    });
  }

  private void refuse(BridgeEvent event, ClientSession session, BridgeErrorCode code, String address) {
    session.deliver(errFrame(code, address).toBuffer());
    event.complete(false);
  }

  private void onReceive(BridgeEvent event) {
    ClientSession session = sessions.get(event.socket());
    JsonObject envelope = event.getRawMessage();
    // we write every outbound frame ourselves (below) so that it goes through the bounded queue
    event.complete(false);
    if (session == null || session.isClosed() || envelope == null || session.claims() == null) {
      return;
    }
    String address = envelope.getString("address");
    BridgePermissions permissions = gate.permissions();
    ClientSession.PendingReply pending = session.takeReply(address);
    if (pending != null) {
      BridgePermissions.FilteredReply filtered = gate.answer(session, pending, envelope.getValue("body"));
      if (filtered.refusal() != null) {
        session.deliver(errFrame(filtered.refusal(), address).toBuffer());
        return;
      }
      envelope.put("body", filtered.body());
    } else if (!permissions.permitsOutbound(address)) {
      // a reply with no pending request (a second answer to one address, or a late one): never delivered
      gate.refused(session, BridgeErrorCode.REPLY_ADDRESS_INVALID, "unattributed reply");
      return;
    } else if (permissions.isEventAddress(address)
        && !permissions.eventVisible(envelope.getJsonObject("headers"), session.claims())) {
      return;
    }
    session.deliver(envelope.toBuffer());
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
