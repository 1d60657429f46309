package dev.ordertracker.bridge.tcp;

import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.bridge.security.BridgeErrorCode;
import dev.ordertracker.bridge.security.BridgePermissions;
import dev.ordertracker.bridge.security.BridgeRefusal;
import dev.ordertracker.bridge.security.ClientGate;
import dev.ordertracker.bridge.security.TrackerActions;
import dev.ordertracker.bridge.session.ClientLimits;
import dev.ordertracker.bridge.session.ClientSession;
import dev.ordertracker.bridge.session.FrameMemo;
import dev.ordertracker.bridge.session.ServiceFailure;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.bridge.BridgeEventType;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One TCP bridge client. Frames are cut by a {@link RecordParser} (length, then body) so a frame is never
 * buffered beyond {@code maxMessageBytes}; a frame that is too long, not JSON, or has fields of the wrong type
 * is answered with its code and closes this connection, and nothing else. Client frames go through the same
 * {@link ClientGate} as the SockJS bridge's; outbound frames through the session's bounded queue.
 * Confined to the event loop of the bridge verticle (the NetServer's context).
 */
final class TcpBridgeConnection {
  private static final Logger LOG = Logger.getLogger(TcpBridgeConnection.class.getName());

  private final NetSocket socket;
  private final EventBus eventBus;
  private final ClientGate gate;
  private final BridgeMetrics metrics;
  private final ClientSession session;
  private final ClientLimits limits;
  private final Runnable released;
  private final FrameMemo events;
  private final Map<String, MessageConsumer<Object>> registrations = new HashMap<>();
  private final RecordParser parser;
  private boolean expectingLength = true;
  private boolean closedOnce;

  /**
   * @param events   the frame memo shared by the server's connections
   * @param released called once when the connection is gone (connection caps)
   */
  TcpBridgeConnection(NetSocket socket, EventBus eventBus, ClientGate gate, BridgeMetrics metrics, String id,
                      String remoteHost, ClientLimits limits, FrameMemo events, Runnable released) {
    this.socket = socket;
    this.eventBus = eventBus;
    this.gate = gate;
    this.metrics = metrics;
    this.limits = limits;
    this.released = released;
    this.events = events;
    this.session = new ClientSession(id, BridgeMetrics.Transport.TCP, remoteHost, socket::write,
        (code, address) -> TcpFrames.encode(TcpFrames.err(code, address)), socket::close, limits, metrics);
    this.parser = RecordParser.newFixed(4, this::onRecord);
  }

  void start() {
    metrics.connected(BridgeMetrics.Transport.TCP);
    gate.connected(session);
    socket.handler(parser);
    socket.closeHandler(v -> onClosed());
    socket.exceptionHandler(err -> {
      LOG.fine(() -> "tcp bridge client " + session.id() + ": " + err);
      session.close();
    });
  }

  private void onRecord(Buffer record) {
    if (session.isClosed()) {
      return;
    }
    if (expectingLength) {
      int length = record.getInt(0);
      if (length <= 0 || length > limits.maxMessageBytes()) {
        malformed(BridgeErrorCode.FRAME_TOO_LARGE, "frame length " + length);
        return;
      }
      expectingLength = false;
      parser.fixedSizeMode(length);
    } else {
      expectingLength = true;
      parser.fixedSizeMode(4);
      onFrame(record);
    }
  }

  private void onFrame(Buffer bytes) {
    JsonObject frame;
    try {
      frame = new JsonObject(bytes);
    } catch (DecodeException | ClassCastException e) {
      malformed(BridgeErrorCode.MALFORMED_FRAME, "not a JSON object");
      return;
    }
    Object type = frame.getValue("type");
    Object address = frame.getValue("address");
    Object headers = frame.getValue("headers");
    Object replyAddress = frame.getValue("replyAddress");
    if (!(type instanceof String) || (address != null && !(address instanceof String))
        || (headers != null && !(headers instanceof JsonObject))
        || (replyAddress != null && !(replyAddress instanceof String))) {
      malformed(BridgeErrorCode.MALFORMED_FRAME, "wrong field types");
      return;
    }
    BridgeEventType kind;
    switch ((String) type) {
      case "ping":
        session.deliver(TcpFrames.encode(TcpFrames.pong()));
        return;
      case "register":
        kind = BridgeEventType.REGISTER;
        break;
      case "unregister":
        unregister((String) address);
        return;
      case "send":
        kind = BridgeEventType.SEND;
        break;
      case "publish":
        kind = BridgeEventType.PUBLISH;
        break;
      default:
        malformed(BridgeErrorCode.MALFORMED_FRAME, "unknown type");
        return;
    }
    if (address == null) {
      malformed(BridgeErrorCode.MALFORMED_FRAME, "missing address");
      return;
    }
    JsonObject headerJson = (JsonObject) headers;
    Object body = frame.getValue("body");
    gate.admit(session, kind, (String) address, headerJson, body).onComplete(ar -> {
      String answerTo = kind == BridgeEventType.SEND && replyAddress != null ? (String) replyAddress
          : (String) address;
      if (ar.failed()) {
        session.deliver(TcpFrames.encode(TcpFrames.err(
            BridgeRefusal.codeOf(ar.cause(), BridgeErrorCode.AUTH_INVALID), answerTo)));
      } else if (kind == BridgeEventType.REGISTER) {
        register((String) address);
      } else if (kind == BridgeEventType.SEND) {
        send((String) address, headerJson, body, (String) replyAddress);
      }
    });
  }

  private void register(String address) {
    if (registrations.containsKey(address)) {
      return; // already delivering this address: registering twice changes nothing
    }
    if (registrations.size() + session.pendingReplies() >= limits.maxHandlersPerSocket()) {
      refuse(BridgeErrorCode.TOO_MANY_HANDLERS, address);
      return;
    }
    BridgePermissions permissions = gate.permissions();
    boolean events = permissions.isEventAddress(address);
    MessageConsumer<Object> consumer = eventBus.consumer(address, msg -> {
      if (!gate.deliverable(session)) {
        return; // the token expired: the session is closed
      }
      JsonObject headers = headersOf(msg.headers());
      if (!events) {
        session.deliver(TcpFrames.encode(TcpFrames.message(address, headers, msg.body(), false)));
      } else if (permissions.eventVisible(headers, session.claims())) {
        // one encoding per event, not per client
        session.deliver(this.events.frame(address, msg.body(), headers,
            () -> TcpFrames.encode(TcpFrames.message(address, headers, msg.body(), false))));
      }
    });
    registrations.put(address, consumer);
  }

  private void unregister(String address) {
    MessageConsumer<Object> consumer = address == null ? null : registrations.remove(address);
    if (consumer != null) {
      consumer.unregister();
    }
  }

  private void send(String address, JsonObject headers, Object body, String replyAddress) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(limits.replyTimeoutMs());
    if (headers != null) {
      headers.forEach(e -> options.addHeader(e.getKey(), String.valueOf(e.getValue())));
    }
    // a fire-and-forget send is a request too: in flight until the service answers, its answer dropped
    boolean discard = replyAddress == null;
    String answerAt = discard ? session.discardAddress() : replyAddress;
    String action = headers == null ? null : headers.getString(TrackerActions.HEADER_ACTION);
    gate.openReply(session, answerAt, action, limits.maxHandlersPerSocket() - registrations.size(), discard)
        .onFailure(err -> refuse(BridgeRefusal.codeOf(err, BridgeErrorCode.AUTH_INVALID), replyAddress))
        .onSuccess(entry -> request(address, body, options, answerAt));
  }

  private void request(String address, Object body, DeliveryOptions options, String replyAddress) {
    eventBus.<Object>request(address, body, options).onComplete(ar -> {
      ClientSession.PendingReply pending = session.takeReply(replyAddress);
      if (pending == null || pending.discard()) {
        return; // the connection is gone (its entries with it), or nobody asked for the answer
      }
      if (ar.failed()) {
        // a stable code, never the service's exception text
        session.deliver(TcpFrames.encode(ServiceFailure.of(ar.cause()).frame(replyAddress)));
        return;
      }
      Message<Object> reply = ar.result();
      BridgePermissions.FilteredReply filtered = gate.answer(session, pending, reply.body());
      if (filtered.refusal() != null) {
        refuse(filtered.refusal(), replyAddress);
        return;
      }
      session.deliver(TcpFrames.encode(TcpFrames.message(replyAddress, headersOf(reply.headers()),
          filtered.body(), true)));
    });
  }

  private void refuse(BridgeErrorCode code, String address) {
    session.deliver(TcpFrames.encode(TcpFrames.err(code, address)));
  }

  private void malformed(BridgeErrorCode code, String detail) {
    metrics.malformed(BridgeMetrics.Transport.TCP);
    gate.refused(session, code, detail);
    LOG.fine(() -> "tcp bridge client " + session.id() + " closed: " + detail);
    session.deliver(TcpFrames.encode(TcpFrames.err(code, null)));
    session.close();
  }

  private void onClosed() {
    if (closedOnce) {
      return;
    }
    closedOnce = true;
    gate.disconnected(session);
    released.run();
    session.markClosed();
    registrations.values().forEach(MessageConsumer::unregister);
    registrations.clear();
    metrics.disconnected(BridgeMetrics.Transport.TCP);
  }

  private static JsonObject headersOf(MultiMap headers) {
    JsonObject json = new JsonObject();
    headers.forEach(e -> json.put(e.getKey(), e.getValue()));
    return json;
  }
}
