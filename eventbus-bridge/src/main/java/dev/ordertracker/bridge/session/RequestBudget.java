package dev.ordertracker.bridge.session;

/**
 * One client's request rate: a token bucket of {@code burst} tokens refilled at {@code perSecond}. Every client
 * frame that asks something of the server (send, publish, register) takes a token, checked before the token on
 * the frame is even verified, so a flood costs neither signature checks nor tracker work. Confined to the bridge
 * verticle's event loop, like its session.
 */
public final class RequestBudget {
  private static final double NANOS_PER_SECOND = 1e9;
  private final double perNano;
  private final double burst;
  private double tokens;
  private long lastNanos;

  public RequestBudget(int perSecond, int burst, long nowNanos) {
    if (perSecond <= 0 || burst <= 0) {
      throw new IllegalArgumentException("rate and burst must be positive");
    }
    this.perNano = perSecond / NANOS_PER_SECOND;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /** Takes one token; false when the bucket is empty (the frame is refused with rate_limited). */
  public boolean tryTake(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * perNano);
      lastNanos = nowNanos;
    }
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
