package dev.ordertracker.bridge.session;

import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.bridge.security.BridgeErrorCode;
import dev.ordertracker.bridge.security.ClientClaims;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One connected bridge client, SockJS or TCP: its verified claims (from the URL token or the last frame that
 * carried a token), its request budget, the requests awaiting an answer (reply address to action, so the answer
 * can be filtered; they are also its requests in flight), and its outbound queue, bounded in frames and in bytes.
 * Confined to the bridge verticle's event loop: no locks.
 */
public final class ClientSession {
  private final String id;
  private final BridgeMetrics.Transport transport;
  private final String remoteHost;
  private final Function<Buffer, Future<Void>> writer;
  private final BiFunction<BridgeErrorCode, String, Buffer> errFrames;
  private final Runnable closer;
  private final ClientLimits limits;
  private final BridgeMetrics metrics;
  private final RequestBudget budget;
  private final Map<String, PendingReply> pendingReplies = new HashMap<>();
  private long nextTicket;
  private ClientClaims claims;
  private long expiryTimer = -1;
  private long authTimer = -1;
  private int outboundPending;
  private long outboundBytes;
  private boolean closed;
  private long lastHeardNanos = System.nanoTime();

  /**
   * @param remoteHost the client's address (connection caps), may be null
   * @param writer     writes one frame and completes when the transport has taken it off its queue
   * @param errFrames  encodes a refusal (code, address or null) in the transport's framing
   * @param closer     closes the connection
   */
  public ClientSession(String id, BridgeMetrics.Transport transport, String remoteHost,
                       Function<Buffer, Future<Void>> writer, BiFunction<BridgeErrorCode, String, Buffer> errFrames,
                       Runnable closer, ClientLimits limits, BridgeMetrics metrics) {
    this.id = id;
    this.errFrames = errFrames;
    this.transport = transport;
    this.remoteHost = remoteHost;
    this.writer = writer;
    this.closer = closer;
    this.limits = limits;
    this.metrics = metrics;
    this.budget = new RequestBudget(limits.requestsPerSecond(), limits.requestBurst(), System.nanoTime());
  }

  public String id() {
    return id;
  }

  public BridgeMetrics.Transport transport() {
    return transport;
  }

  public String remoteHost() {
    return remoteHost;
  }

  public ClientLimits limits() {
    return limits;
  }

  public ClientClaims claims() {
    return claims;
  }

  /** Use {@link dev.ordertracker.bridge.security.ClientGate#authenticated}, which also arms the expiry. */
  public void authenticated(ClientClaims value) {
    this.claims = value;
  }

  /** Takes one token of the request budget; false when the client is over its rate. */
  public boolean takeRequestToken() {
    return budget.tryTake(System.nanoTime());
  }

  /** The timer that closes the session at its token's expiry (-1: none); the previous one is returned. */
  public long swapExpiryTimer(long timerId) {
    long previous = expiryTimer;
    expiryTimer = timerId;
    return previous;
  }

  public long swapAuthTimer(long timerId) {
    long previous = authTimer;
    authTimer = timerId;
    return previous;
  }

  /**
   * One request awaiting its answer: the action (to filter the answer), a ticket unique to the request, and
   * whether the client asked for the answer at all (a fire-and-forget send still counts as in flight until the
   * service answers; its answer is then dropped).
   */
  public record PendingReply(String action, long ticket, boolean discard) {
  }

  /**
   * Opens the pending entry of a request answered at {@code replyAddress}; null when that address is already
   * awaiting an answer (two answers to one address could not be told apart). Call through
   * {@link dev.ordertracker.bridge.security.ClientGate#openReply}, which also applies the address rules.
   */
  public PendingReply awaitReply(String replyAddress, String action, boolean discard) {
    if (pendingReplies.containsKey(replyAddress)) {
      return null;
    }
    PendingReply entry = new PendingReply(action, ++nextTicket, discard);
    pendingReplies.put(replyAddress, entry);
    return entry;
  }

  /** A reply address of the bridge's own, for a fire-and-forget send (never chosen by a client: see the gate). */
  public String discardAddress() {
    return "ff." + id + "." + (nextTicket + 1); // short: vertx-web refuses reply addresses over 36 chars
  }

  /** The request a reply answers, removed (replies are one-off); null when the address is not a pending reply. */
  public PendingReply takeReply(String replyAddress) {
    return pendingReplies.remove(replyAddress);
  }

  /** Drops {@code entry} if it is still pending (an answer that never came), not a later request's entry. */
  public void dropReply(String replyAddress, PendingReply entry) {
    pendingReplies.remove(replyAddress, entry);
  }

  /** Requests in flight: awaiting the service's answer. */
  public int pendingReplies() {
    return pendingReplies.size();
  }

  public boolean isClosed() {
    return closed;
  }

  /** The client sent something (a frame of any kind, a ping): it is alive. */
  public void heard() {
    lastHeardNanos = System.nanoTime();
  }

  /** Whether the client has sent nothing, not even a ping, for {@code ping_timeout_ms} as of {@code nowNanos}. */
  public boolean silentAt(long nowNanos) {
    return nowNanos - lastHeardNanos >= limits.pingTimeoutMs() * 1_000_000L;
  }

  /**
   * Writes a frame unless the client already has {@code maxOutboundQueue} frames or {@code maxOutboundBytes}
   * bytes pending (a single frame larger than the byte limit still goes out when nothing else is pending), in
   * which case it is a slow consumer: it is disconnected (it never slows the tracker or the other clients) and
   * false is answered.
   */
  public boolean deliver(Buffer frame) {
    if (closed) {
      return false;
    }
    int size = frame.length();
    if (outboundPending >= limits.maxOutboundQueue()
        || (outboundPending > 0 && outboundBytes + size > limits.maxOutboundBytes())) {
      metrics.slowConsumer(transport);
      close();
      return false;
    }
    outboundPending++;
    outboundBytes += size;
    writer.apply(frame).onComplete(ar -> {
      outboundPending--;
      outboundBytes -= size;
    });
    metrics.delivered(transport);
    return true;
  }

  /** Writes the err frame of a refusal ({@code address}: the request's reply address or the handler's, or null). */
  public boolean refuse(BridgeErrorCode code, String address) {
    return deliver(errFrames.apply(code, address));
  }

  public int outboundPending() {
    return outboundPending;
  }

  public long outboundBytes() {
    return outboundBytes;
  }

  public void close() {
    if (!closed) {
      closed = true;
      closer.run();
    }
  }

  /** Called by the transport when the connection is gone. */
  public void markClosed() {
    closed = true;
    pendingReplies.clear();
  }
}
