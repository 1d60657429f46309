package dev.ordertracker.api.consumer;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderKey;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Hands order events to one slow handler, most urgent first, without ever reordering two events of the same order.
 *
 * <p>The handler gets the next event only when the Future it returned for the previous one completes. Events that
 * arrive meanwhile wait in per-order FIFO queues; the next event handed out is the head of the order queue whose
 * head has the highest {@link EventType#priority()} (then the lowest tracker sequence). So under backlog an
 * ERROR_OCCURRED (9) overtakes ORDER_PLACED (7) events of other orders, while each order's own events stay in the
 * order the tracker published them (an order whose head is a low-priority event waits as a whole).
 *
 * <p>Bounded: when {@code maxBacklog} events wait, the event-bus consumers are paused (Vert.x then buffers a limited
 * number of further messages per consumer and drops beyond that, see {@code MessageConsumerOptions}); they resume
 * when the backlog falls to {@code resumeBacklog}. Each paused consumer (one per event address) releases its own
 * buffer, so after a pause events of different addresses arrive out of publication order: on resume nothing is
 * handed out until the buffers are drained, and per-order queues are kept sorted by the tracker's sequence, which
 * restores each order's order. An event that still arrives after a later one of its order was handed out is
 * delivered anyway and counted in {@link #lateArrivals()}. Malformed bodies and handler failures are logged and counted,
 * never stop the stream.
 *
 * <p>All state lives on the context that {@link #start()} captures (the caller's, or a new event-loop context); the
 * handler runs there. Read the counters from that context.
 *
 * <pre>{@code
 * PriorityEventConsumer consumer = PriorityEventConsumer.create(vertx, Addresses.defaults(),
 *     event -> positions.apply(event));   // returns Future<Void>
 * consumer.start();
 * }</pre>
 */
public final class PriorityEventConsumer {
  private static final System.Logger LOG = System.getLogger(PriorityEventConsumer.class.getName());

  /** Highest priority first, then the tracker's sequence (older first). */
  private static final Comparator<OrderEvent> URGENCY = Comparator.comparingInt(OrderEvent::priority).reversed()
      .thenComparingLong(OrderEvent::sequence);

  private final Vertx vertx;
  private final Addresses addresses;
  private final PriorityConsumerOptions options;
  private final Function<OrderEvent, Future<Void>> handler;

  private final Map<OrderKey, ArrayDeque<OrderEvent>> queues = new HashMap<>();
  /** Exactly one entry (its head event) per order with a non-empty queue. */
  private final PriorityQueue<OrderEvent> heads = new PriorityQueue<>(URGENCY);
  private final EventSubscriptions subscriptions = new EventSubscriptions();
  /** Sequence of the last event handed out, per live order (removed when its final event is handed out). */
  private final Map<OrderKey, Long> lastHandedOut = new HashMap<>();
  private Context context;
  private int backlog;
  private boolean busy;
  private boolean draining;
  private boolean paused;
  private boolean settling;
  private long arrivals;
  private boolean stopped;
  private long delivered;
  private long handlerFailures;
  private long pauses;
  private long lateArrivals;

  private PriorityEventConsumer(Vertx vertx, Addresses addresses, PriorityConsumerOptions options,
                                Function<OrderEvent, Future<Void>> handler) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.addresses = Objects.requireNonNull(addresses, "addresses");
    this.options = Objects.requireNonNull(options, "options");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  public static PriorityEventConsumer create(Vertx vertx, Addresses addresses,
                                             Function<OrderEvent, Future<Void>> handler) {
    return create(vertx, addresses, new PriorityConsumerOptions(), handler);
  }

  public static PriorityEventConsumer create(Vertx vertx, Addresses addresses, PriorityConsumerOptions options,
                                             Function<OrderEvent, Future<Void>> handler) {
    return new PriorityEventConsumer(vertx, addresses, options, handler);
  }

  /** Subscribes to the configured event addresses; completes when every consumer is registered. */
  public Future<Void> start() {
    if (context != null) {
      return Future.failedFuture(new IllegalStateException("already started"));
    }
    context = vertx.getOrCreateContext();
    Promise<Void> started = Promise.promise();
    context.runOnContext(v -> {
      subscriptions.register(vertx, addresses, options.getEventTypes(), this::onEvent).onComplete(started);
    });
    return started.future();
  }

  /** Unsubscribes; events still waiting are dropped (their count is answered). */
  public Future<Integer> stop() {
    if (context == null) {
      return Future.succeededFuture(0);
    }
    Promise<Integer> stoppedPromise = Promise.promise();
    context.runOnContext(v -> {
      stopped = true;
      int dropped = backlog;
      queues.clear();
      heads.clear();
      backlog = 0;
      subscriptions.unregister().map(dropped).onComplete(stoppedPromise);
    });
    return stoppedPromise.future();
  }

  /** Events waiting for the handler (not counting the one it is handling). */
  public int backlog() {
    return backlog;
  }

  public long delivered() {
    return delivered;
  }

  public long malformed() {
    return subscriptions.malformed();
  }

  public long handlerFailures() {
    return handlerFailures;
  }

  /** How many times the consumers were paused because the backlog was full. */
  public long pauses() {
    return pauses;
  }

  /**
   * Events that arrived after a later event of the same order had been handed out (possible only after a pause,
   * when the backlog drained before the paused consumers' buffers did). Zero in normal operation.
   */
  public long lateArrivals() {
    return lateArrivals;
  }

  private void onEvent(OrderEvent event) {
    enqueue(event);
    drain();
  }

  private void enqueue(OrderEvent event) {
    OrderKey key = event.key();
    Long handedOut = lastHandedOut.get(key);
    if (handedOut != null && event.sequence() < handedOut) {
      // An earlier event of an order whose later event the handler already has: it was held in a paused
      // consumer of another address. Delivered anyway (dropping it would lose it), counted.
      lateArrivals++;
      LOG.log(System.Logger.Level.WARNING, () -> "event #" + event.sequence() + " of " + key
          + " arrived after #" + handedOut + " was handed out");
    }
    ArrayDeque<OrderEvent> queue = queues.get(key);
    if (queue == null) {
      queue = new ArrayDeque<>(4);
      queues.put(key, queue);
    }
    if (queue.isEmpty() || queue.peekLast().sequence() <= event.sequence()) {
      queue.addLast(event);
      if (queue.size() == 1) {
        heads.add(event);
      }
    } else {
      insertBySequence(queue, event);
    }
    backlog++;
    arrivals++;
    if (!paused && !settling && backlog >= options.getMaxBacklog()) {
      pause();
    }
  }

  private void pause() {
    paused = true;
    pauses++;
    subscriptions.pause();
  }

  /**
   * Resumes every consumer and hands nothing out until their buffers are drained (no arrival during a full turn of
   * the context's task queue): each paused consumer releases its own buffer, and an order's earlier event may sit
   * in another address's buffer than its later one. Not pausing while settling keeps the extra growth bounded by
   * the consumers' buffer limits.
   */
  private void resume() {
    paused = false;
    settling = true;
    subscriptions.resume();
    settle(-1);
  }

  private void settle(long arrivalsBefore) {
    context.runOnContext(v -> {
      if (arrivals != arrivalsBefore) {
        settle(arrivals);
        return;
      }
      settling = false;
      if (backlog >= options.getMaxBacklog()) {
        pause();
      }
      drain();
    });
  }

  /**
   * Events of different addresses can arrive out of publication order after a pause (each paused consumer buffers
   * its own messages), so an order's queue is kept sorted by the tracker's sequence.
   */
  private void insertBySequence(ArrayDeque<OrderEvent> queue, OrderEvent event) {
    OrderEvent oldHead = queue.peekFirst();
    List<OrderEvent> sorted = new ArrayList<>(queue);
    int i = sorted.size();
    while (i > 0 && sorted.get(i - 1).sequence() > event.sequence()) {
      i--;
    }
    sorted.add(i, event);
    queue.clear();
    queue.addAll(sorted);
    if (queue.peekFirst() != oldHead) {
      heads.remove(oldHead);
      heads.add(queue.peekFirst());
    }
  }

  private OrderEvent next() {
    OrderEvent head = heads.poll();
    ArrayDeque<OrderEvent> queue = queues.get(head.key());
    queue.pollFirst();
    if (queue.isEmpty()) {
      queues.remove(head.key());
    } else {
      heads.add(queue.peekFirst());
    }
    backlog--;
    if (head.status() != null && head.status().isFinal()) {
      lastHandedOut.remove(head.key()); // nothing follows a final event: keep the map to live orders
    } else {
      lastHandedOut.put(head.key(), head.sequence());
    }
    if (paused && backlog <= options.getResumeBacklog()) {
      resume();
    }
    return head;
  }

  /** Hands out events while the handler is free; a loop, not recursion, for handlers that complete at once. */
  private void drain() {
    if (draining) {
      return;
    }
    draining = true;
    try {
      while (!busy && !settling && !stopped && !heads.isEmpty()) {
        OrderEvent event = next();
        busy = true;
        delivered++;
        Future<Void> result;
        try {
          result = handler.apply(event);
        } catch (RuntimeException e) {
          result = Future.failedFuture(e);
        }
        if (result == null) {
          result = Future.succeededFuture();
        }
        if (result.isComplete()) {
          finished(event, result);
        } else {
          result.onComplete(ar -> onContext(() -> {
            finished(event, ar.failed() ? Future.failedFuture(ar.cause()) : Future.succeededFuture());
            drain();
          }));
        }
      }
    } finally {
      draining = false;
    }
  }

  private void finished(OrderEvent event, Future<Void> result) {
    busy = false;
    if (result.failed()) {
      handlerFailures++;
      LOG.log(System.Logger.Level.WARNING, () -> "handler failed on " + event.eventType() + " #" + event.sequence()
          + " of " + event.key() + ": " + result.cause());
    }
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }
}
