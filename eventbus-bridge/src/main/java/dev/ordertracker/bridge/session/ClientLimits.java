package dev.ordertracker.bridge.session;

/**
 * The per-connection limits both bridges apply (from {@link dev.ordertracker.bridge.BridgeOptions}, where each has
 * its default and its validation).
 *
 * @param maxMessageBytes       largest client frame
 * @param maxHandlersPerSocket  registrations + pending requests of one connection
 * @param maxOutboundQueue      frames written to a client and not yet flushed (slow consumer beyond)
 * @param maxOutboundBytes      bytes of those frames (slow consumer beyond)
 * @param pingTimeoutMs         a client silent for this long is closed
 * @param replyTimeoutMs        how long a request may wait for the service's answer
 * @param requestsPerSecond     sustained client frames per second (token bucket rate)
 * @param requestBurst          frames a client may send at once (token bucket size)
 * @param maxInFlight           requests awaiting an answer, fire-and-forget sends included
 * @param authTimeoutMs         a connection without a valid token for this long is closed
 */
public record ClientLimits(int maxMessageBytes, int maxHandlersPerSocket, int maxOutboundQueue, long maxOutboundBytes,
                           long pingTimeoutMs, long replyTimeoutMs, int requestsPerSecond, int requestBurst,
                           int maxInFlight, long authTimeoutMs) {
}
