package dev.ordertracker.binance.reconcile;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;

/**
 * Admission of reconciliation requests, with three limits (issue 14, "weight awareness"):
 * <ul>
 *   <li>a token bucket of our own request weight per minute ({@code reconcile_weight_per_minute});</li>
 *   <li>the IP's used weight as the server reports it on every answer (WS API {@code rateLimits}, REST
 *   {@code X-MBX-USED-WEIGHT-1M}; shared with the executor and every other client of the IP): a request waits for
 *   the next minute when it would take the minute's usage past {@code max_used_weight_percent} of the limit;</li>
 *   <li>a 429 / 418 stops every request until the server's retry time (web-socket-api.md "Rate limits": "retryAfter";
 *   a 418 means banned until then).</li>
 * </ul>
 * plus a cap on requests in flight. {@link #acquire} completes when the request may go; call {@link #release} when
 * its answer came. Owned by one context.
 */
public final class WeightBudget {
  private final Vertx vertx;
  private final double perMs;
  private final double capacity;
  private final int maxInFlight;
  private final int maxUsedPercent;
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private final java.util.function.LongConsumer onSpent;
  private double tokens;
  private long lastRefillNanos;
  private int inFlight;
  private long timer = -1;
  private long spent;
  /** The server's figures: weight used in {@link #serverMinute} (epoch minute) of {@link #serverLimit}. */
  private long serverUsed;
  private long serverLimit;
  private long serverMinute = -1;
  private long pausedUntilMs;
  private long backoffs;
  private Runnable onHeld = () -> { };

  private record Waiter(int weight, Promise<Void> promise) {
  }

  public WeightBudget(Vertx vertx, int weightPerMinute, int maxInFlight) {
    this(vertx, weightPerMinute, maxInFlight, 100, w -> { });
  }

  /**
   * @param maxUsedPercent share of the server's limit (all clients of the IP) reconciliation may take the minute to
   * @param onSpent        told the weight of every admitted request (metrics)
   */
  public WeightBudget(Vertx vertx, int weightPerMinute, int maxInFlight, int maxUsedPercent,
                      java.util.function.LongConsumer onSpent) {
    this.vertx = vertx;
    this.onSpent = onSpent;
    this.perMs = weightPerMinute / 60_000.0;
    this.capacity = weightPerMinute;
    this.maxInFlight = maxInFlight;
    this.maxUsedPercent = maxUsedPercent;
    this.tokens = weightPerMinute;
    this.lastRefillNanos = System.nanoTime();
  }

  /** Told every time requests are held for the server's share (metrics). */
  public WeightBudget onHeld(Runnable value) {
    this.onHeld = value;
    return this;
  }

  public Future<Void> acquire(int weight) {
    Promise<Void> p = Promise.promise();
    waiting.addLast(new Waiter(weight, p));
    drain();
    return p.future();
  }

  public void release() {
    inFlight--;
    drain();
  }

  /** Weight granted so far. */
  public long spent() {
    return spent;
  }

  /** How many times a 429 / 418 stopped admissions. */
  public long backoffs() {
    return backoffs;
  }

  /** The IP's used weight of the current minute as last reported (0 when the report is from an older minute). */
  public long serverUsed() {
    return serverMinute == System.currentTimeMillis() / 60_000 ? serverUsed : 0;
  }

  /** Epoch ms until which nothing is admitted (a 429 / 418), or a past time. */
  public long pausedUntilMs() {
    return pausedUntilMs;
  }

  /** The server's report of this minute's used weight (WS {@code rateLimits}, REST {@code X-MBX-USED-WEIGHT-1M}). */
  public void observe(long used, long limit) {
    long minute = System.currentTimeMillis() / 60_000;
    if (minute != serverMinute || used > serverUsed) {
      serverUsed = minute != serverMinute ? used : Math.max(used, serverUsed);
      serverMinute = minute;
    }
    if (limit > 0) {
      serverLimit = limit;
    }
  }

  /** The used weight from a REST header, against the last known limit (6,000 until an answer said otherwise). */
  public void observe(long used) {
    observe(used, serverLimit > 0 ? serverLimit : 6_000);
  }

  /** A 429 or 418: admit nothing until {@code untilEpochMs} (the server's retry time). */
  public void pauseUntil(long untilEpochMs) {
    if (untilEpochMs > pausedUntilMs) {
      pausedUntilMs = untilEpochMs;
      backoffs++;
    }
    drain();
  }

  private void drain() {
    refill();
    long now = System.currentTimeMillis();
    long waitMs = 0;
    boolean held = false;
    while (!waiting.isEmpty() && inFlight < maxInFlight) {
      int weight = waiting.peekFirst().weight();
      if (now < pausedUntilMs) {
        waitMs = pausedUntilMs - now;
        break;
      }
      if (overServerShare(weight, now)) {
        waitMs = 60_000 - now % 60_000 + 1; // the server's window is the minute: wait for the next one
        held = true;
        break;
      }
      if (tokens < weight) {
        waitMs = Math.max(1, (long) Math.ceil((weight - tokens) / perMs));
        break;
      }
      Waiter w = waiting.removeFirst();
      tokens -= w.weight();
      spent += w.weight();
      if (serverMinute == now / 60_000) {
        serverUsed += w.weight(); // our estimate until the answer reports the server's count
      }
      onSpent.accept(w.weight());
      inFlight++;
      w.promise().complete();
    }
    if (waitMs > 0 && timer < 0) {
      if (held) {
        onHeld.run();
      }
      timer = vertx.setTimer(waitMs, t -> {
        timer = -1;
        drain();
      });
    }
  }

  private boolean overServerShare(int weight, long now) {
    return serverLimit > 0 && serverMinute == now / 60_000
        && (serverUsed + weight) * 100 > serverLimit * (long) maxUsedPercent;
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - lastRefillNanos) / 1_000_000.0 * perMs);
    lastRefillNanos = now;
  }
}
