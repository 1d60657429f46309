package dev.ordertracker.binance.feed;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.OrderUpdateBatch;
import dev.ordertracker.api.OrderUpdateCodec;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.binance.metrics.AdapterMetrics;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * The adapter's only way into the tracker, over the event bus. Two paths, one contract (an {@link UpdateOutcome}):
 * <ul>
 *   <li>local ingest: {@link OrderUpdate} records and {@link OrderUpdateBatch}es to {@code <prefix>.tracker.ingest}
 *   (tracker-core's in-JVM fast path, no JSON);</li>
 *   <li>the service ({@link OrderTracker#applyUpdate}) with JSON, for a tracker on another node. Used when
 *   local ingest is off, or from the first time the local address has no handler.</li>
 * </ul>
 * {@link #tracker()}, the service for everything else (the reconciliation's reads, the executor), asks the tracker
 * in this JVM first ({@code <prefix>.tracker.local}) and the clustered {@code <prefix>.tracker} only when there is
 * none here ({@link LocalFirstTracker}): after a cluster takeover the clustered address can still name the dead
 * node for a moment.
 *
 * <p>Nothing is given up for want of an answer: a batch, an update or a service call that times out, finds no
 * tracker, or is answered 500 (fenced, not replicated) is sent again with capped exponential backoff until the
 * tracker gives a verdict or {@link #close} ({@link TrackerRetry}). Repeats are harmless: the tracker deduplicates.
 * A batch stays counted in flight while it is retried, so a tracker that does not answer pauses the reading.
 *
 * <p>Stream updates ({@link #stream}) are batched on the local ingest: the updates decoded while the event loop
 * handles one read of the socket go to the tracker as one {@link OrderUpdateBatch} (at most {@value #MAX_BATCH}),
 * sent when that read is done (a task queued on this context runs after the I/O that queued it) or when the batch is
 * full. One message and one wake-up of the tracker per batch instead of per update: on two cores this halved the
 * tracker's hand-off cost. Every batch is a request: its answer measures latency (from the oldest frame in it) and
 * bounds the updates in flight ({@link #onBackpressure}).
 *
 * <p>Ordering: everything is sent from the owner's context, and the event bus delivers messages from one sender to
 * one consumer in order; {@link #apply} sends the pending batch first. So the tracker sees each order's updates in
 * the order the adapter produced them. The adapter does not wait for one answer before sending the next. Two
 * exceptions: should the local ingest disappear while batches are in flight, each comes back and is re-sent through
 * the service; and a batch or an update that got no answer is re-sent after later ones. Either may then arrive
 * after a later update of the same order; the tracker refuses what is then stale (it deduplicates fills by trade
 * id), and the reconciliation after the next connect repairs the rest.
 *
 * <p>Runs on one context (the owner's); not thread-safe.
 */
public final class TrackerFeed {
  private static final System.Logger LOG = System.getLogger(TrackerFeed.class.getName());
  /** Most updates in one batch: bounds the tracker's task, and so the wait of whatever is queued behind it. */
  public static final int MAX_BATCH = 64;

  private final EventBus eventBus;
  private final OrderTracker tracker;
  private final TrackerRetry retry;
  private final String ingestAddress;
  private final DeliveryOptions delivery;
  private boolean local;
  private AdapterMetrics metrics = new AdapterMetrics();
  private List<OrderUpdate> pending = new ArrayList<>(MAX_BATCH);
  private long pendingSinceNanos;
  private boolean flushQueued;
  private int inFlight;
  private int high = Integer.MAX_VALUE;
  private int low;
  private boolean pausedByUs;
  private Runnable pause = () -> { };
  private Runnable resume = () -> { };

  /** A feed whose retries wait 100 ms, doubling up to 5 s ({@link TrackerRetry} defaults). */
  public TrackerFeed(Vertx vertx, Addresses addresses, boolean localIngest, long timeoutMs) {
    this(vertx, addresses, localIngest, timeoutMs, TrackerRetry.DEFAULT_INITIAL_DELAY_MS,
        TrackerRetry.DEFAULT_MAX_DELAY_MS);
  }

  /**
   * @param timeoutMs           how long a request waits for the tracker's answer
   * @param retryInitialDelayMs delay before the first repeat of a call that got no answer (doubled each time)
   * @param retryMaxDelayMs     cap of that delay
   */
  public TrackerFeed(Vertx vertx, Addresses addresses, boolean localIngest, long timeoutMs, long retryInitialDelayMs,
                     long retryMaxDelayMs) {
    this.eventBus = vertx.eventBus();
    // ALWAYS: with tracing on (a Vertx built with a tracer, e.g. vertx-opentelemetry) each hand-off starts the trace
    // that the tracker's events and the bridge's deliveries continue (they PROPAGATE, Vert.x's default); no trace is
    // current when a socket read arrives, so PROPAGATE here would trace nothing. Without a tracer this costs nothing.
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMs).setTracingPolicy(TracingPolicy.ALWAYS);
    this.retry = new TrackerRetry(vertx, retryInitialDelayMs, retryMaxDelayMs);
    this.tracker = OrderTracker.wrap(new LocalFirstTracker(vertx, addresses, delivery, retry));
    this.ingestAddress = addresses.trackerIngest();
    this.local = localIngest;
    if (localIngest) {
      OrderUpdateCodec.registerOnce(eventBus);
    }
  }

  /** Where stream answers are counted: latency, refused updates, pauses. */
  public TrackerFeed metrics(AdapterMetrics metrics) {
    this.metrics = metrics;
    return this;
  }

  /**
   * Flow control: {@code pause} runs when more than {@code high} stream updates are unanswered, {@code resume} once
   * they are back below {@code low}.
   */
  public TrackerFeed onBackpressure(int high, int low, Runnable pause, Runnable resume) {
    this.high = high;
    this.low = low;
    this.pause = pause;
    this.resume = resume;
    return this;
  }

  /** The tracker service: local first, clustered second, retried until a verdict ({@link LocalFirstTracker}). */
  public OrderTracker tracker() {
    return tracker;
  }

  /** Stops retrying (the owner stops): calls waiting for their next attempt fail. */
  public void close() {
    retry.close();
  }

  /** Calls repeated because they got no answer (tests, operations). */
  public long retries() {
    return retry.retries();
  }

  /** True while updates go to the local ingest (records, no JSON). */
  public boolean isLocal() {
    return local;
  }

  /** Stream updates sent and not answered yet. */
  public int inFlight() {
    return inFlight;
  }

  /**
   * A stream update, fire and forget: batched on the local ingest (the tracker logs and counts what it refuses);
   * through the proxy, one by one, when the local ingest is not in use. {@code receivedNanos}: when its frame
   * arrived (System.nanoTime), for the latency metric.
   */
  public void stream(OrderUpdate update, long receivedNanos) {
    if (!local) {
      proxied(update, receivedNanos);
      return;
    }
    if (pending.isEmpty()) {
      pendingSinceNanos = receivedNanos;
    }
    pending.add(update);
    if (pending.size() >= MAX_BATCH) {
      flush();
    } else if (!flushQueued) {
      Context context = Vertx.currentContext();
      if (context == null) {
        flush(); // not on a Vert.x thread: nothing would run the queued flush at the right time
      } else {
        flushQueued = true;
        context.runOnContext(v -> {
          flushQueued = false;
          flush();
        });
      }
    }
  }

  /** Sends the pending stream updates now (one batch). */
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<OrderUpdate> batch = pending;
    long since = pendingSinceNanos;
    pending = new ArrayList<>(MAX_BATCH);
    sent(batch.size());
    OrderUpdateBatch message = new OrderUpdateBatch(batch);
    retry.run("ingest of a batch of " + batch.size(),
            () -> eventBus.<Integer>request(ingestAddress, message, delivery), TrackerRetry::unanswered)
        .onComplete(ar -> batchAnswered(batch, since, ar));
  }

  private void batchAnswered(List<OrderUpdate> batch, long since, AsyncResult<Message<Integer>> ar) {
    if (ar.succeeded()) {
      metrics.latencyNanos(System.nanoTime() - since);
      int refused = ar.result().body();
      if (refused > 0) {
        metrics.updateFailed(refused); // the tracker logged each one
      }
    } else if (TrackerRetry.noHandlers(ar.cause())) {
      useProxy();
      for (OrderUpdate update : batch) {
        proxied(update, since);
      }
    } else {
      metrics.updateFailed(batch.size());
      LOG.log(System.Logger.Level.WARNING, () -> "tracker did not take a batch of " + batch.size()
          + " updates (they may or may not be applied; reconciliation after the next connect repairs): "
          + ar.cause().getMessage());
    }
    answered(batch.size());
  }

  private void proxied(OrderUpdate update, long receivedNanos) {
    sent(1);
    tracker.applyUpdate(update).onComplete(ar -> {
      metrics.latencyNanos(System.nanoTime() - receivedNanos);
      if (ar.failed()) {
        metrics.updateFailed(1);
        LOG.log(System.Logger.Level.WARNING, () -> "tracker refused update " + update.key() + " "
            + update.status() + ": " + ar.cause().getMessage());
      }
      answered(1);
    });
  }

  private void sent(int n) {
    inFlight += n;
    if (inFlight > high && !pausedByUs) {
      pausedByUs = true;
      metrics.paused();
      pause.run();
    }
  }

  private void answered(int n) {
    inFlight -= n;
    if (pausedByUs && inFlight < low) {
      pausedByUs = false;
      resume.run();
    }
  }

  /** One update, answered with its outcome; the pending stream batch is sent first, so order is kept. */
  public Future<UpdateOutcome> apply(OrderUpdate update) {
    flush();
    return retry.run("update " + update.key(), () -> applyOnce(update), TrackerRetry::unanswered);
  }

  private Future<UpdateOutcome> applyOnce(OrderUpdate update) {
    if (!local) {
      return tracker.applyUpdate(update).map(r -> r.outcome());
    }
    return eventBus.<String>request(ingestAddress, update, delivery)
        .map(m -> UpdateOutcome.valueOf(m.body()))
        .recover(e -> {
          // every request that found no local handler falls back, not only the first: several may be in flight
          if (TrackerRetry.noHandlers(e)) {
            useProxy();
            return tracker.applyUpdate(update).map(r -> r.outcome());
          }
          return Future.failedFuture(e);
        });
  }

  private void useProxy() {
    if (local) {
      local = false;
      LOG.log(System.Logger.Level.INFO, "no local tracker ingest at " + ingestAddress
          + ": using the tracker service proxy from now on");
    }
  }
}
