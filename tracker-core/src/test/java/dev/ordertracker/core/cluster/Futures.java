package dev.ordertracker.core.cluster;

import io.vertx.core.Future;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on futures for the cluster tests: a result, or the failure a test expects. */
final class Futures {
  private Futures() {
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within 10 s", e);
    }
  }

  static Throwable failure(Future<?> future) {
    try {
      future.await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within 10 s", e);
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("expected a failure, got " + future.result());
  }
}
