package dev.ordertracker.api.consumer;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.store.EventsPage;
import dev.ordertracker.api.store.OrderHistory;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every order event after a given sequence, exactly once and in sequence order: live events from the event bus,
 * with whatever the bus did not bring — the past of a consumer that joins late, a gap — read from the store's
 * gapless journal ({@code eventsSince} of {@link OrderHistory}).
 *
 * <p>{@link #start()}: registers a consumer on every event address, asks the tracker for its {@code last_sequence}
 * (so the events up to it are known to exist even if none arrives live), then reads the journal from
 * {@code afterSequence} until it has everything up to that sequence; live events that arrive meanwhile wait and are
 * merged by sequence. After that, live events are handed over as they come; one arriving after a hole waits
 * {@code gapGraceMs} for the missing ones (events of different types travel on different addresses and can arrive
 * slightly out of order) and then the hole is read from the journal. Repeats (a republished batch after a
 * takeover, an event both read and received) are dropped by sequence. The journal is written in group commits, so
 * a hole it does not cover yet is asked again every {@code retryMs}; a sequence the journal skipped for good (a
 * quarantined or shed record, or one retention removed: the page's {@code first_available_sequence}) is counted in
 * {@link #skipped()} and passed over. At most {@code maxPending} live events wait behind a hole; beyond it the hole
 * is passed over (counted), so memory stays bounded when the store is unreachable.
 *
 * <p>Needs a tracker with a store ({@code <prefix>.history}); without one, holes cannot be filled: they are passed
 * over after {@code maxPending} events or when the caller stops. All state lives on the context of
 * {@link #start()}; the handler runs there.
 *
 * <pre>{@code
 * SequencedEventConsumer.create(vertx, Addresses.defaults(), lastProcessed, event -> apply(event)).start();
 * }</pre>
 */
public final class SequencedEventConsumer {
  private static final System.Logger LOG = System.getLogger(SequencedEventConsumer.class.getName());

  private final Vertx vertx;
  private final Addresses addresses;
  private final SequencedConsumerOptions options;
  private final Handler<OrderEvent> handler;
  private final OrderTracker tracker;
  private final OrderHistory history;
  private final EventSubscriptions subscriptions = new EventSubscriptions();
  /** Live events (and journal events) beyond the next expected sequence, by sequence. */
  private final TreeMap<Long, OrderEvent> pending = new TreeMap<>();
  private Context context;
  private long last;
  /** Everything up to this sequence is known to exist (the tracker's answer at start, or an event seen since). */
  private long target;
  private boolean reading;
  private long gapTimer = -1;
  private boolean stopped;
  private long delivered;
  private long readFromStore;
  private long duplicates;
  private long skipped;

  private SequencedEventConsumer(Vertx vertx, Addresses addresses, long afterSequence,
                                 SequencedConsumerOptions options, Handler<OrderEvent> handler) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.addresses = Objects.requireNonNull(addresses, "addresses");
    this.options = Objects.requireNonNull(options, "options");
    this.handler = Objects.requireNonNull(handler, "handler");
    if (afterSequence < 0) {
      throw new IllegalArgumentException("after sequence must be >= 0, was " + afterSequence);
    }
    this.last = afterSequence;
    this.target = afterSequence;
    this.tracker = OrderTracker.create(vertx, addresses);
    this.history = OrderHistory.create(vertx, addresses);
  }

  /** Every event with a sequence greater than {@code afterSequence} (0: from the first event the journal has). */
  public static SequencedEventConsumer create(Vertx vertx, Addresses addresses, long afterSequence,
                                              Handler<OrderEvent> handler) {
    return create(vertx, addresses, afterSequence, new SequencedConsumerOptions(), handler);
  }

  public static SequencedEventConsumer create(Vertx vertx, Addresses addresses, long afterSequence,
                                              SequencedConsumerOptions options, Handler<OrderEvent> handler) {
    return new SequencedEventConsumer(vertx, addresses, afterSequence, options, handler);
  }

  /**
   * Registers the live consumers, learns the tracker's last sequence and starts the catch-up; completes when the
   * consumers are registered and the tracker answered (the catch-up goes on: watch {@link #lastSequence()}). Fails,
   * undoing the registrations, when the tracker does not answer; start again later.
   */
  public Future<Void> start() {
    if (context != null) {
      return Future.failedFuture(new IllegalStateException("already started"));
    }
    context = vertx.getOrCreateContext();
    Promise<Void> started = Promise.promise();
    context.runOnContext(v -> {
      // Registered first, then asked: every event beyond the answer is published after the registration.
      subscriptions.register(vertx, addresses, List.of(EventType.values()), this::onEvent)
          .compose(r -> tracker.getStats()).onSuccess(stats -> {
        target = Math.max(target, stats.lastSequence());
        advance();
      }).onFailure(e -> {
        // No tracker answer (not up yet, or no handler): undo, so that the caller can start again.
        subscriptions.unregister();
        pending.clear();
        context = null;
      }).<Void>mapEmpty().onComplete(started);
    });
    return started.future();
  }

  /** Unregisters; events waiting behind a hole are dropped (their count is answered). */
  public Future<Integer> stop() {
    if (context == null) {
      return Future.succeededFuture(0);
    }
    Promise<Integer> result = Promise.promise();
    context.runOnContext(v -> {
      stopped = true;
      int dropped = pending.size();
      pending.clear();
      if (gapTimer >= 0) {
        vertx.cancelTimer(gapTimer);
      }
      subscriptions.unregister().map(dropped).onComplete(result);
    });
    return result.future();
  }

  /** The sequence of the last event handed to the handler (or {@code afterSequence}). */
  public long lastSequence() {
    return last;
  }

  public long delivered() {
    return delivered;
  }

  /** Events handed over that came from the journal rather than live. */
  public long readFromStore() {
    return readFromStore;
  }

  public long duplicates() {
    return duplicates;
  }

  /** Sequences passed over: absent from the journal for good, or given up behind a full {@code maxPending}. */
  public long skipped() {
    return skipped;
  }

  public long malformed() {
    return subscriptions.malformed();
  }

  private void onEvent(OrderEvent event) {
    offer(event);
    if (pending.size() > options.getMaxPending()) {
      long hole = pending.firstKey() - last - 1;
      skipped += hole;
      LOG.log(System.Logger.Level.WARNING, () -> "passing over " + hole + " events after #" + last
          + ": " + pending.size() + " events wait and the journal did not fill the hole");
      last = pending.firstKey() - 1;
    }
    advance();
  }

  private void offer(OrderEvent event) {
    if (event.sequence() <= last || pending.containsKey(event.sequence())) {
      duplicates++;
      return;
    }
    pending.put(event.sequence(), event);
    target = Math.max(target, event.sequence());
  }

  /** Hands over what is contiguous; then, if a hole is left, schedules reading it. */
  private void advance() {
    if (stopped) {
      return;
    }
    Map.Entry<Long, OrderEvent> head;
    while ((head = pending.firstEntry()) != null && head.getKey() == last + 1) {
      pending.pollFirstEntry();
      deliver(head.getValue());
    }
    if (last >= target || reading || gapTimer >= 0) {
      return;
    }
    // A hole: the live events before the first pending one may still be on their way on another address.
    long delay = pending.isEmpty() ? 1 : options.getGapGraceMs();
    gapTimer = vertx.setTimer(Math.max(1, delay), id -> {
      gapTimer = -1;
      readHole();
    });
  }

  private void readHole() {
    if (stopped || last >= target || reading) {
      return;
    }
    reading = true;
    long from = last;
    history.eventsSince(from, options.getPageSize()).onComplete(ar -> {
      reading = false;
      if (stopped) {
        return;
      }
      if (ar.failed()) {
        LOG.log(System.Logger.Level.DEBUG, () -> "reading events after #" + from + " failed: " + ar.cause());
        retryLater();
        return;
      }
      EventsPage page = ar.result();
      if (page.truncated() && page.firstAvailableSequence() > last + 1) {
        long gone = page.firstAvailableSequence() - last - 1;
        skipped += gone;
        LOG.log(System.Logger.Level.WARNING, () -> gone + " events after #" + from + " are no longer retained");
        last = page.firstAvailableSequence() - 1;
      }
      for (OrderEvent event : page.events()) {
        if (event.sequence() > last && pending.putIfAbsent(event.sequence(), event) == null) {
          readFromStore++;
        }
      }
      // What the journal has jumped over (below its last sequence and not in this page) it will never have.
      Map.Entry<Long, OrderEvent> head = pending.firstEntry();
      if (!page.more() && head != null && head.getKey() > last + 1 && page.lastSequence() >= head.getKey()) {
        long hole = head.getKey() - last - 1;
        skipped += hole;
        LOG.log(System.Logger.Level.WARNING, () -> "the journal has no events " + (from + 1) + ".."
            + (from + hole));
        last = head.getKey() - 1;
      }
      long before = last;
      advance();
      if (last < target && !page.more() && last == before) {
        retryLater(); // the journal is behind (group commit): ask again
      } else if (last < target) {
        readHole();
      }
    });
  }

  private void retryLater() {
    if (gapTimer < 0 && !stopped) {
      gapTimer = vertx.setTimer(options.getRetryMs(), id -> {
        gapTimer = -1;
        readHole();
      });
    }
  }

  private void deliver(OrderEvent event) {
    last = event.sequence();
    delivered++;
    try {
      handler.handle(event);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, () -> "event handler failed on #" + event.sequence() + ": " + e);
    }
  }
}
