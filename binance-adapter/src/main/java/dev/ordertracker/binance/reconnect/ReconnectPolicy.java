package dev.ordertracker.binance.reconnect;

import java.util.ArrayDeque;
import java.util.Random;

/**
 * When to try the next connection: exponential backoff with jitter ("equal jitter": half the delay fixed, half
 * random, so retries neither synchronise nor collapse to zero), capped, and a sliding window that never lets more
 * than {@code maxPerWindow} connection attempts happen in {@code windowMs} (Binance: 300 per 5 minutes per IP).
 * Pure apart from the injected {@link Random}; the caller passes the time. Not thread-safe: one owner (the
 * user-data verticle's context).
 */
public final class ReconnectPolicy {
  private final long initialDelayMs;
  private final long maxDelayMs;
  private final int maxPerWindow;
  private final long windowMs;
  private final Random random;
  private final ArrayDeque<Long> attempts = new ArrayDeque<>();
  private int failures;

  public ReconnectPolicy(long initialDelayMs, long maxDelayMs, int maxPerWindow, long windowMs, Random random) {
    if (initialDelayMs <= 0 || maxDelayMs < initialDelayMs || maxPerWindow <= 0 || windowMs <= 0) {
      throw new IllegalArgumentException("reconnect policy: delays and window must be positive, max >= initial");
    }
    this.initialDelayMs = initialDelayMs;
    this.maxDelayMs = maxDelayMs;
    this.maxPerWindow = maxPerWindow;
    this.windowMs = windowMs;
    this.random = random;
  }

  /** The delay before the next attempt after a failure or close; counts the failure. */
  public long nextDelayMs(long nowMs) {
    long base = backoff(failures);
    failures = Math.min(failures + 1, 62);
    long delay = base / 2 + (base / 2 == 0 ? 0 : (long) (random.nextDouble() * (base - base / 2 + 1)));
    return Math.max(delay, windowDelayMs(nowMs + delay) + delay);
  }

  /** How long from {@code atMs} until the window admits another attempt (0 when it does now). */
  public long windowDelayMs(long atMs) {
    prune(atMs);
    if (attempts.size() < maxPerWindow) {
      return 0;
    }
    return attempts.peekFirst() + windowMs - atMs;
  }

  /** Records an attempt; call when a connection is actually opened. */
  public void recordAttempt(long nowMs) {
    prune(nowMs);
    attempts.addLast(nowMs);
  }

  /** A connection got its subscriptions live: the next failure starts from the initial delay again. */
  public void recordSuccess() {
    failures = 0;
  }

  public int consecutiveFailures() {
    return failures;
  }

  public int attemptsInWindow(long nowMs) {
    prune(nowMs);
    return attempts.size();
  }

  private long backoff(int n) {
    if (n >= 40) {
      return maxDelayMs;
    }
    long d = initialDelayMs << Math.min(n, 40);
    return d <= 0 || d > maxDelayMs ? maxDelayMs : d;
  }

  private void prune(long nowMs) {
    while (!attempts.isEmpty() && attempts.peekFirst() <= nowMs - windowMs) {
      attempts.removeFirst();
    }
  }
}
