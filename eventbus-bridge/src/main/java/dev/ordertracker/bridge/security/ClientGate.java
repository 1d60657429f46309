package dev.ordertracker.bridge.security;

import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.bridge.session.ClientSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;

import java.time.Clock;
import java.time.Duration;

/**
 * The one decision point both bridges call for every client frame: the request budget first (before any token is
 * verified), then who is asking (the frame's {@code token} header, else the connection's token), then what the
 * {@link BridgePermissions} allow. The token header is removed from the frame before anything else sees it, so
 * tokens never travel on the event bus. A verified token arms a timer that closes the session at its {@code exp};
 * a session without one is closed after {@code auth_timeout_ms}. Every refusal is counted by code and logged at
 * FINE with the session id, never with the token.
 */
public final class ClientGate {
  public static final String HEADER_TOKEN = "token";
  private static final System.Logger LOG = System.getLogger(ClientGate.class.getName());
  /** Long expiries are re-armed in steps (a timer of years is legal but pointless). */
  private static final long MAX_TIMER_MS = Duration.ofHours(1).toMillis();

  private final Vertx vertx;
  private final TokenAuthenticator authenticator;
  private final BridgePermissions permissions;
  private final BridgeMetrics metrics;
  private final Clock clock;

  public ClientGate(Vertx vertx, TokenAuthenticator authenticator, BridgePermissions permissions,
                    BridgeMetrics metrics, Clock clock) {
    this.vertx = vertx;
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
        .onSuccess(claims -> authenticated(session, claims))
        .onFailure(err -> refused(session, BridgeRefusal.codeOf(err, BridgeErrorCode.AUTH_INVALID), "connect"));
  }

  /**
   * A new connection: it has {@code auth_timeout_ms} to present a valid token (URL or frame), otherwise it is
   * answered auth_timeout and closed (a socket that only pings is not a client).
   */
  public void connected(ClientSession session) {
    long timer = vertx.setTimer(session.limits().authTimeoutMs(), id -> {
      if (!session.isClosed() && session.claims() == null) {
        refused(session, BridgeErrorCode.AUTH_TIMEOUT, "no token");
        session.refuse(BridgeErrorCode.AUTH_TIMEOUT, null);
        session.close();
      }
    });
    session.swapAuthTimer(timer);
  }

  /** Cancels the session's timers (the transport calls it when the connection is gone). */
  public void disconnected(ClientSession session) {
    vertx.cancelTimer(session.swapAuthTimer(-1));
    vertx.cancelTimer(session.swapExpiryTimer(-1));
  }

  /** Sets the session's claims and (re)arms the timer that closes it at their expiry. */
  public void authenticated(ClientSession session, ClientClaims claims) {
    ClientClaims previous = session.claims();
    session.authenticated(claims);
    if (!session.isClosed() && (previous == null || !previous.expiresAt().equals(claims.expiresAt()))) {
      closeAtExpiry(session);
    }
  }

  /**
   * Closes the session when its token expires: checked by a timer at the current claims' {@code exp} (re-armed
   * when a newer token extended it), so an expired token stops receiving events on both transports.
   */
  private void closeAtExpiry(ClientSession session) {
    long left = session.claims().expiresAt().toEpochMilli() - clock.millis();
    long timer = vertx.setTimer(Math.max(1, Math.min(MAX_TIMER_MS, left)), id -> {
      if (!session.isClosed() && deliverable(session)) {
        closeAtExpiry(session);
      }
    });
    vertx.cancelTimer(session.swapExpiryTimer(timer));
  }

  /**
   * Whether anything may still be delivered to the session: false (and the session closed with auth_expired)
   * once its token has expired. Called at every delivery, so an event never goes out on an expired token even
   * between timer ticks.
   */
  public boolean deliverable(ClientSession session) {
    ClientClaims claims = session.claims();
    if (claims == null || !claims.isExpired(clock.instant())) {
      return claims != null;
    }
    refused(session, BridgeErrorCode.AUTH_EXPIRED, "token expired while connected");
    session.refuse(BridgeErrorCode.AUTH_EXPIRED, null);
    session.close();
    return false;
  }

  /**
   * Admits a client frame or fails with a {@link BridgeRefusal}. For history queries of a restricted client the
   * claims are written into the query ({@link BridgePermissions#check}), so {@code body} may be changed.
   *
   * @param headers the frame's headers, or null; its token header is removed
   */
  public Future<ClientClaims> admit(ClientSession session, BridgeEventType kind, String address, JsonObject headers,
                                    Object body) {
    Object token = headers == null ? null : headers.remove(HEADER_TOKEN);
    if (!session.takeRequestToken()) {
      refused(session, BridgeErrorCode.RATE_LIMITED, kind + " " + address);
      return Future.failedFuture(new BridgeRefusal(BridgeErrorCode.RATE_LIMITED, null));
    }
    Future<ClientClaims> who;
    if (token != null) {
      who = token instanceof String
          ? authenticator.authenticate((String) token).onSuccess(claims -> authenticated(session, claims))
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
   * Opens the pending entry of an admitted request: the one place both bridges decide whether an answer can be
   * attributed to its request, and count it in flight. Refused (and counted) when the session already has
   * {@code max_requests_in_flight} requests awaiting an answer (rate_limited), {@code maxPending} pending
   * (too_many_handlers), when the address is already pending, or when it is an address the client may register
   * (reply_address_invalid): an event arriving there would otherwise be taken for the answer, and a second
   * answer to one address would find no entry.
   *
   * @param discard a fire-and-forget send: in flight like any request, its answer is dropped
   * @return the entry, or a failed future with the {@link BridgeRefusal}
   */
  public Future<ClientSession.PendingReply> openReply(ClientSession session, String replyAddress, String action,
                                                      int maxPending, boolean discard) {
    BridgeErrorCode code = null;
    ClientSession.PendingReply entry = null;
    if (session.pendingReplies() >= session.limits().maxInFlight()) {
      code = BridgeErrorCode.RATE_LIMITED;
    } else if (session.pendingReplies() >= maxPending) {
      code = BridgeErrorCode.TOO_MANY_HANDLERS;
    } else if (permissions.permitsOutbound(replyAddress)) {
      code = BridgeErrorCode.REPLY_ADDRESS_INVALID;
    } else {
      entry = session.awaitReply(replyAddress, action, discard);
      code = entry == null ? BridgeErrorCode.REPLY_ADDRESS_INVALID : null;
    }
    if (code != null) {
      refused(session, code, "reply address");
      return Future.failedFuture(new BridgeRefusal(code, null));
    }
    ClientSession.PendingReply opened = entry;
    // an answer that never comes (timeout) must not leave the entry behind
    vertx.setTimer(session.limits().replyTimeoutMs() + 1000, id -> session.dropReply(replyAddress, opened));
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
    if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(System.Logger.Level.DEBUG, "bridge client " + session.id() + ": " + code.code() + " (" + what + ")");
    }
  }
}
