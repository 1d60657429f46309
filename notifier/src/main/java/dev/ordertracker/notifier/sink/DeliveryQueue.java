package dev.ordertracker.notifier.sink;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;

/**
 * A sink: a bounded queue in front of a {@link Transport}, one delivery in flight at a time (so a sink sees
 * notifications in order), each retried with capped exponential backoff. When the queue is full the oldest waiting
 * notification is dropped (counted, logged) — a sink that is down costs bounded memory and never slows anything
 * else. Owned by the notifier verticle's context: {@link #offer} is called there, and the transport's futures
 * complete there.
 */
public final class DeliveryQueue {
  private static final System.Logger LOG = System.getLogger(DeliveryQueue.class.getName());

  private final Vertx vertx;
  private final SinkOptions options;
  private final Transport transport;
  private final ArrayDeque<Notification> waiting = new ArrayDeque<>();
  private final SinkMetrics metrics;
  private boolean busy;
  private boolean closed;
  private long retryTimer = -1;
  private long droppedSinceLog;

  public DeliveryQueue(Vertx vertx, SinkOptions options, Transport transport,
                       io.micrometer.core.instrument.MeterRegistry registry) {
    this.vertx = vertx;
    this.options = options;
    this.transport = transport;
    this.metrics = new SinkMetrics(registry, options, waiting::size);
  }

  public String name() {
    return options.getName();
  }

  public SinkMetrics metrics() {
    return metrics;
  }

  /** Queues {@code n}; never fails and never blocks. */
  public void offer(Notification n) {
    if (closed) {
      return;
    }
    if (waiting.size() >= options.getQueueCapacity()) {
      waiting.pollFirst();
      metrics.dropped();
      // a line for the first drop of a run of drops and one per 1,000 after it: an outage must not flood the log
      if (droppedSinceLog++ % 1000 == 0) {
        LOG.log(System.Logger.Level.WARNING, () -> options.label() + ": queue full (" + options.getQueueCapacity()
            + "), oldest notification dropped (" + metrics.droppedCount() + " dropped so far)");
      }
    }
    waiting.addLast(n);
    next();
  }

  private void next() {
    if (busy || closed || waiting.isEmpty()) {
      return;
    }
    busy = true;
    attempt(waiting.pollFirst(), 1, options.getRetryInitialDelayMs());
  }

  private void attempt(Notification n, int attempt, long delayMs) {
    Future<Void> sent;
    try {
      sent = transport.send(n);
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    sent.onComplete(ar -> {
      if (ar.succeeded()) {
        metrics.delivered();
        droppedSinceLog = 0;
        done();
      } else if (attempt < options.getMaxAttempts() && !closed) {
        metrics.retried();
        LOG.log(System.Logger.Level.DEBUG, () -> options.label() + ": attempt " + attempt + " failed ("
            + ar.cause().getMessage() + "), retrying in " + delayMs + " ms");
        retryTimer = vertx.setTimer(delayMs, t -> {
          retryTimer = -1;
          attempt(n, attempt + 1, Math.min(delayMs * 2, options.getRetryMaxDelayMs()));
        });
      } else {
        metrics.failed();
        LOG.log(System.Logger.Level.WARNING, () -> options.label() + ": notification of rule '"
            + n.alert().rule().name() + "' not delivered after " + attempt + " attempt(s): "
            + ar.cause().getMessage());
        done();
      }
    });
  }

  private void done() {
    busy = false;
    next();
  }

  /** Stops delivering: waiting notifications are abandoned. */
  public Future<Void> close() {
    closed = true;
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
    }
    waiting.clear();
    metrics.close();
    return transport.close();
  }
}
