package dev.ordertracker.binance.replay;

import dev.ordertracker.api.OrderUpdate;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Batches from the replay's reader thread to its tracker thread, through a bounded queue: the reader waits when the
 * tracker is behind, so memory stays bounded whatever the file size. One producer, one consumer; the end (or the
 * reader's failure) is a marker after the last batch, so nothing is lost or reordered.
 */
final class BatchHandoff {
  private static final List<OrderUpdate> END = List.of();

  private final BlockingQueue<List<OrderUpdate>> queue;
  private volatile Exception failure;

  BatchHandoff(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  void put(List<OrderUpdate> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replay interrupted", e);
    }
  }

  /** No more batches; {@code error} (may be null) is rethrown to the consumer by {@link #rethrow}. */
  void finish(Exception error) {
    failure = error;
    try {
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next batch, or null at the end. */
  List<OrderUpdate> take() throws InterruptedException {
    List<OrderUpdate> batch = queue.take();
    return batch == END ? null : batch;
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
