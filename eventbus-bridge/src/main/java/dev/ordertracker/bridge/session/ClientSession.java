package dev.ordertracker.bridge.session;

import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.bridge.security.ClientClaims;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One connected bridge client, SockJS or TCP: its verified claims (from the URL token or the last frame that
 * carried a token), the tracker requests awaiting an answer (reply address to action, so the answer can be
 * filtered), and its bounded outbound queue. Confined to the bridge verticle's event loop: no locks.
 */
public final class ClientSession {
  private final String id;
  private final BridgeMetrics.Transport transport;
  private final Function<Buffer, Future<Void>> writer;
  private final Runnable closer;
  private final int maxOutbound;
  private final BridgeMetrics metrics;
  private final Map<String, PendingReply> pendingReplies = new HashMap<>();
  private long nextTicket;
  private ClientClaims claims;
  private int outboundPending;
  private boolean closed;

  /**
   * @param writer      writes one frame and completes when the transport has taken it off its queue
   * @param closer      closes the connection
   * @param maxOutbound frames that may be pending before the client counts as a slow consumer
   */
  public ClientSession(String id, BridgeMetrics.Transport transport, Function<Buffer, Future<Void>> writer,
                       Runnable closer, int maxOutbound, BridgeMetrics metrics) {
    this.id = id;
    this.transport = transport;
    this.writer = writer;
    this.closer = closer;
    this.maxOutbound = maxOutbound;
    this.metrics = metrics;
  }

  public String id() {
    return id;
  }

  public ClientClaims claims() {
    return claims;
  }

  public void authenticated(ClientClaims value) {
    this.claims = value;
  }

  /** One request awaiting its answer: the action (to filter the answer) and a ticket unique to the request. */
  public record PendingReply(String action, long ticket) {
  }

  /**
   * Opens the pending entry of a request answered at {@code replyAddress}; null when that address is already
   * awaiting an answer (two answers to one address could not be told apart). Call through
   * {@link dev.ordertracker.bridge.security.ClientGate#openReply}, which also applies the address rules.
   */
  public PendingReply awaitReply(String replyAddress, String action) {
    if (pendingReplies.containsKey(replyAddress)) {
      return null;
    }
    PendingReply entry = new PendingReply(action, ++nextTicket);
    pendingReplies.put(replyAddress, entry);
    return entry;
  }

  /** The request a reply answers, removed (replies are one-off); null when the address is not a pending reply. */
  public PendingReply takeReply(String replyAddress) {
    return pendingReplies.remove(replyAddress);
  }

  /** Drops {@code entry} if it is still pending (an answer that never came), not a later request's entry. */
  public void dropReply(String replyAddress, PendingReply entry) {
    pendingReplies.remove(replyAddress, entry);
  }

  public int pendingReplies() {
    return pendingReplies.size();
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Writes a frame unless the client already has {@code maxOutbound} frames pending, in which case it is a slow
   * consumer: it is disconnected (it never slows the tracker or the other clients) and false is answered.
   */
  public boolean deliver(Buffer frame) {
    if (closed) {
      return false;
    }
    if (outboundPending >= maxOutbound) {
      metrics.slowConsumer(transport);
      close();
      return false;
    }
    outboundPending++;
    writer.apply(frame).onComplete(ar -> outboundPending--);
    metrics.delivered(transport);
    return true;
  }

  public int outboundPending() {
    return outboundPending;
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
