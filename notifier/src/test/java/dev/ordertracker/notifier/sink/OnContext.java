package dev.ordertracker.notifier.sink;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link DeliveryQueue} on one Vert.x context, as the verticle does, and waits (bounded) for conditions
 * checked on that context.
 */
final class OnContext {
  private final Vertx vertx;
  private final Context context;

  OnContext(Vertx vertx) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
  }

  void run(Runnable action) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        action.run();
        done.complete(null);
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    });
    done.get(10, TimeUnit.SECONDS);
  }

  /** Waits until {@code condition} holds on the context, checking every 10 ms for at most 10 s. */
  void await(String what, BooleanSupplier condition) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    context.runOnContext(v -> vertx.setPeriodic(0, 10, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        done.complete(null);
      } else if (System.nanoTime() > deadline) {
        vertx.cancelTimer(id);
        done.completeExceptionally(new AssertionError("not within 10 s: " + what));
      }
    }));
    try {
      done.get(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof AssertionError a) {
        throw a;
      }
      throw e;
    }
  }
}
