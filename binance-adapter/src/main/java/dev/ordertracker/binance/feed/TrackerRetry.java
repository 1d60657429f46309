package dev.ordertracker.binance.feed;

import dev.ordertracker.api.TrackerErrors;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries a tracker call that got no verdict, with capped exponential backoff, until it gets one or the owner
 * {@link #close closes}. "No verdict": no answer in time, no handler, or a 500 (a fenced tracker, a change not
 * replicated: the tracker says "retry"). A verdict (400, 404, 409, a success) ends the call. After a cluster
 * takeover the tracker is briefly absent, or a request goes to the dead node's registration and times out; dropping
 * such a call would lose what only it carried (a reconciliation's read, a report sent while nobody was subscribed).
 * Updates are idempotent in the tracker (deduplicated by execution id, trade id and cumulative quantity), so
 * repeating one that was applied after all is answered {@code DUPLICATE} and changes nothing.
 *
 * <p>Runs on its owner's context (timers are set there); not thread-safe.
 */
final class TrackerRetry {
  private static final System.Logger LOG = System.getLogger(TrackerRetry.class.getName());
  /** Default first delay; doubled after every failed attempt. */
  static final long DEFAULT_INITIAL_DELAY_MS = 100;
  /** Default cap of the delay. */
  static final long DEFAULT_MAX_DELAY_MS = 5_000;

  private final Vertx vertx;
  private final long initialDelayMs;
  private final long maxDelayMs;
  private boolean closed;
  private long retries;

  TrackerRetry(Vertx vertx, long initialDelayMs, long maxDelayMs) {
    if (initialDelayMs <= 0 || maxDelayMs < initialDelayMs) {
      throw new IllegalArgumentException("tracker retry: delays must be positive, max >= initial");
    }
    this.vertx = vertx;
    this.initialDelayMs = initialDelayMs;
    this.maxDelayMs = maxDelayMs;
  }

  /** No answer in time, or the tracker answered 500 ("fenced", "not replicated"): the same call may succeed later. */
  static boolean unanswered(Throwable e) {
    return e instanceof ReplyException re && (re.failureType() == ReplyFailure.TIMEOUT
        || re.failureType() == ReplyFailure.RECIPIENT_FAILURE && re.failureCode() == TrackerErrors.INTERNAL);
  }

  /** No consumer at the address (here: no tracker in this JVM, or none in the cluster right now). */
  static boolean noHandlers(Throwable e) {
    return e instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS;
  }

  /** {@link #unanswered} or {@link #noHandlers}. */
  static boolean noVerdict(Throwable e) {
    return unanswered(e) || noHandlers(e);
  }

  /**
   * Runs {@code attempt} until it succeeds, fails with a cause {@code retryable} refuses, or this is closed (the
   * future then fails with the last cause).
   */
  <T> Future<T> run(String what, Supplier<Future<T>> attempt, Predicate<Throwable> retryable) {
    Promise<T> done = Promise.promise();
    attempt(what, attempt, retryable, initialDelayMs, done);
    return done.future();
  }

  private <T> void attempt(String what, Supplier<Future<T>> attempt, Predicate<Throwable> retryable, long delayMs,
                           Promise<T> done) {
    attempt.get().onComplete(ar -> {
      if (ar.succeeded()) {
        done.complete(ar.result());
        return;
      }
      if (closed || !retryable.test(ar.cause())) {
        done.fail(ar.cause());
        return;
      }
      retries++;
      LOG.log(System.Logger.Level.WARNING, () -> "tracker " + what + " failed (" + ar.cause().getMessage()
          + "): retrying in " + delayMs + " ms");
      vertx.setTimer(delayMs, t -> {
        if (closed) {
          done.fail(ar.cause());
        } else {
          attempt(what, attempt, retryable, Math.min(delayMs * 2, maxDelayMs), done);
        }
      });
    });
  }

  /** Stops retrying: calls waiting for their next attempt fail with their last cause. */
  void close() {
    closed = true;
  }

  /** Attempts repeated so far (tests, metrics). */
  long retries() {
    return retries;
  }
}
