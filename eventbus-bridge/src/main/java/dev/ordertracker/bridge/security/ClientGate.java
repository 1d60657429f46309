package dev.ordertracker.bridge.security;

import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.bridge.session.ClientSession;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one decision point both bridges call for every client frame: who is asking (the frame's {@code token}
 * header, else the connection's token), then what the {@link BridgePermissions} allow. The token header is
 * removed from the frame before anything else sees it, so tokens never travel on the event bus. Every refusal is
 * counted by code and logged at FINE with the session id, never with the token.
 */
public final class ClientGate {
  public static final String HEADER_TOKEN = "token";
  private static final Logger LOG = Logger.getLogger(ClientGate.class.getName());

  private final TokenAuthenticator authenticator;
  private final BridgePermissions permissions;
  private final BridgeMetrics metrics;
  private final Clock clock;

  public ClientGate(TokenAuthenticator authenticator, BridgePermissions permissions, BridgeMetrics metrics,
                    Clock clock) {
    this.authenticator = authenticator;
    this.permissions = permissions;
    this.metrics = metrics;
    this.clock = clock;
  }

  public BridgePermissions permissions() {
    return permissions;
  }

  /** Verifies a connection-level token (the URL's token parameter) and remembers its claims on the session. */
  public Future<ClientClaims> authenticateConnection(ClientSession session, String token) {
    return authenticator.authenticate(token)
        .onSuccess(session::authenticated)
        .onFailure(err -> refused(session, BridgeRefusal.codeOf(err, BridgeErrorCode.AUTH_INVALID), "connect"));
  }

  /**
   * Admits a client frame or fails with a {@link BridgeRefusal}.
   *
   * @param headers the frame's headers, or null; its token header is removed
   */
  public Future<ClientClaims> admit(ClientSession session, BridgeEventType kind, String address, JsonObject headers,
                                    Object body) {
    Future<ClientClaims> who;
    Object token = headers == null ? null : headers.remove(HEADER_TOKEN);
    if (token != null) {
      who = token instanceof String
          ? authenticator.authenticate((String) token).onSuccess(session::authenticated)
          : Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, "token header must be a string"));
    } else if (session.claims() == null) {
      who = Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_REQUIRED, null));
    } else if (session.claims().isExpired(clock.instant())) {
      who = Future.failedFuture(new BridgeRefusal(BridgeErrorCode.AUTH_EXPIRED, null));
    } else {
      who = Future.succeededFuture(session.claims());
    }
    return who.compose(claims -> {
      BridgeErrorCode code = permissions.check(kind, address, headers, body, claims);
      return code == null ? Future.succeededFuture(claims) : Future.failedFuture(new BridgeRefusal(code, address));
    }).onFailure(err -> refused(session, BridgeRefusal.codeOf(err, BridgeErrorCode.AUTH_INVALID),
        kind + " " + address));
  }

  /**
   * Opens the pending entry of an admitted request with a reply address: the one place both bridges decide
   * whether an answer can be attributed to its request. Refused (and counted) when the session already has
   * {@code maxPending} requests pending (too_many_handlers), when the address is already pending, or when it is
   * an address the client may register (reply_address_invalid): an event arriving there would otherwise be
   * taken for the answer, and a second answer to one address would find no entry.
   *
   * @return the entry, or a failed future with the {@link BridgeRefusal}
   */
  public Future<ClientSession.PendingReply> openReply(ClientSession session, String replyAddress, String action,
                                                      int maxPending) {
    BridgeErrorCode code = null;
    ClientSession.PendingReply entry = null;
    if (session.pendingReplies() >= maxPending) {
      code = BridgeErrorCode.TOO_MANY_HANDLERS;
    } else if (permissions.permitsOutbound(replyAddress)) {
      code = BridgeErrorCode.REPLY_ADDRESS_INVALID;
    } else {
      entry = session.awaitReply(replyAddress, action);
      code = entry == null ? BridgeErrorCode.REPLY_ADDRESS_INVALID : null;
    }
    if (code != null) {
      refused(session, code, "reply address");
      return Future.failedFuture(new BridgeRefusal(code, null));
    }
    return Future.succeededFuture(entry);
  }

  /**
   * What the client may see of the answer to a pending request, with the refusal counted. {@code entry} is the
   * one {@link ClientSession#takeReply} returned; a reply without one is never delivered (see the bridges).
   */
  public BridgePermissions.FilteredReply answer(ClientSession session, ClientSession.PendingReply entry,
                                                Object body) {
    BridgePermissions.FilteredReply filtered = permissions.filterReply(entry.action(), body, session.claims());
    if (filtered.refusal() != null) {
      refused(session, filtered.refusal(), entry.action() + " answer");
    }
    return filtered;
  }

  /** Counts and logs a refusal decided elsewhere (reply filtering, limits). */
  public void refused(ClientSession session, BridgeErrorCode code, String what) {
    metrics.refused(code);
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("bridge client " + session.id() + ": " + code.code() + " (" + what + ")");
    }
  }
}
