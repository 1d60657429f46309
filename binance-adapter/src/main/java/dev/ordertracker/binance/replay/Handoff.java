package dev.ordertracker.binance.replay;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Batches from one replay thread to the next, through a bounded queue: the producer waits when the consumer is
 * behind, so memory stays bounded whatever the file size. One producer, one consumer; the end (or the producer's
 * failure) is a marker after the last batch, so nothing is lost or reordered.
 */
final class Handoff<T> {
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue;
  private volatile Exception failure;

  Handoff(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  void put(T batch) {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replay interrupted", e);
    }
  }

  /** No more batches; {@code error} (may be null) is rethrown to the consumer by {@link #rethrow}. */
  void finish(Exception error) {
    if (error != null) {
      failure = error;
    }
    try {
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next batch, or null at the end. */
  @SuppressWarnings("unchecked")
  T take() throws InterruptedException {
    Object batch = queue.take();
    return batch == END ? null : (T) batch;
  }

  void rethrow() throws IOException {
    Exception e = failure;
    if (e instanceof IOException io) {
      throw io;
    }
    if (e instanceof RuntimeException re) {
      throw re;
    }
  }
}
