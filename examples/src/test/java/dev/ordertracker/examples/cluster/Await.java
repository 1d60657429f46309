package dev.ordertracker.examples.cluster;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waits for conditions that another JVM makes true. */
final class Await {
  private Await() {
  }

  static void until(Duration timeout, BooleanSupplier condition, Supplier<String> describe)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("not within " + timeout + ": " + describe.get());
      }
      Thread.sleep(20);
    }
  }

  static <T> T result(io.vertx.core.Future<T> future, Duration timeout) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }
}
