package dev.ordertracker.binance.reconcile;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;

/**
 * A token bucket of request weight per minute (Binance counts 6,000 per minute per IP; reconciliation takes at
 * most its configured share) plus a cap on requests in flight. {@link #acquire} completes when the request may go;
 * call {@link #release} when its answer came. Owned by one context.
 */
public final class WeightBudget {
  private final Vertx vertx;
  private final double perMs;
  private final double capacity;
  private final int maxInFlight;
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private double tokens;
  private long lastRefillNanos;
  private int inFlight;
  private long timer = -1;
  private long spent;

  private record Waiter(int weight, Promise<Void> promise) {
  }

  private final java.util.function.LongConsumer onSpent;

  public WeightBudget(Vertx vertx, int weightPerMinute, int maxInFlight) {
    this(vertx, weightPerMinute, maxInFlight, w -> { });
  }

  /** @param onSpent told the weight of every admitted request (metrics) */
  public WeightBudget(Vertx vertx, int weightPerMinute, int maxInFlight, java.util.function.LongConsumer onSpent) {
    this.vertx = vertx;
    this.onSpent = onSpent;
    this.perMs = weightPerMinute / 60_000.0;
    this.capacity = weightPerMinute;
    this.maxInFlight = maxInFlight;
    this.tokens = weightPerMinute;
    this.lastRefillNanos = System.nanoTime();
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

  private void drain() {
    refill();
    while (!waiting.isEmpty() && inFlight < maxInFlight && tokens >= waiting.peekFirst().weight()) {
      Waiter w = waiting.removeFirst();
      tokens -= w.weight();
      spent += w.weight();
      onSpent.accept(w.weight());
      inFlight++;
      w.promise().complete();
    }
    if (!waiting.isEmpty() && inFlight < maxInFlight && timer < 0) {
      long waitMs = Math.max(1, (long) Math.ceil((waiting.peekFirst().weight() - tokens) / perMs));
      timer = vertx.setTimer(waitMs, t -> {
        timer = -1;
        drain();
      });
    }
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - lastRefillNanos) / 1_000_000.0 * perMs);
    lastRefillNanos = now;
  }
}
