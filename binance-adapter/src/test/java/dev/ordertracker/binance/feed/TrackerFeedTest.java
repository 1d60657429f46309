package dev.ordertracker.binance.feed;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.OrderUpdateBatch;
import dev.ordertracker.api.OrderUpdateCodec;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.binance.metrics.AdapterMetrics;
import dev.ordertracker.core.OrderTrackerVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How stream updates reach the tracker's local ingest: one batch per event-loop task, split at
 * {@link TrackerFeed#MAX_BATCH}, in order with answered updates, under flow control, and through the service proxy
 * when no local ingest exists; service calls to the tracker in this JVM first; whatever got no answer sent again
 * until it gets one. The ingest here is a recording consumer on the real event bus; the service tests use a real
 * tracker.
 */
@ExtendWith(VertxExtension.class)
class TrackerFeedTest {
  private final Addresses addresses = Addresses.defaults();

  private static OrderUpdate update(int i) {
    return OrderUpdate.builder("BTCUSDT", "c" + i, OrderStatus.PLACED)
        .order(OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE, BigDecimal.TEN).build();
  }

  /** Records what arrives at the ingest; answers at once unless {@code hold} keeps the messages. */
  private List<Message<Object>> ingest(Vertx vertx, boolean hold) throws Exception {
    OrderUpdateCodec.registerOnce(vertx.eventBus());
    List<Message<Object>> received = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().localConsumer(addresses.trackerIngest(), (Message<Object> m) -> {
      received.add(m);
      if (!hold) {
        m.reply(m.body() instanceof OrderUpdateBatch ? (Object) 0 : "APPLIED");
      }
    }).completion());
    return received;
  }

  /** Runs {@code action} with a feed in one task of one event-loop context. */
  private static TrackerFeed onContext(Vertx vertx, Consumer<TrackerFeed> action) throws Exception {
    return onContext(vertx, action, 5_000);
  }

  /** {@code timeoutMs}: how long the feed waits for an answer; retries start at 20 ms, capped at 100 ms. */
  private static TrackerFeed onContext(Vertx vertx, Consumer<TrackerFeed> action, long timeoutMs) throws Exception {
    Context context = vertx.getOrCreateContext();
    Promise<TrackerFeed> done = Promise.promise();
    context.runOnContext(v -> {
      TrackerFeed feed = new TrackerFeed(vertx, Addresses.defaults(), true, timeoutMs, 20, 100);
      action.accept(feed);
      done.complete(feed);
    });
    return await(done.future());
  }

  private static List<String> shapes(List<Message<Object>> received) {
    List<String> out = new ArrayList<>();
    for (Message<Object> m : received) {
      out.add(m.body() instanceof OrderUpdateBatch b ? "batch " + b.updates().stream()
          .map(OrderUpdate::orderId).toList() : "single " + ((OrderUpdate) m.body()).orderId());
    }
    return out;
  }

  @Test
  void theUpdatesOfOneTaskGoAsOneBatchInOrder(Vertx vertx) throws Exception {
    List<Message<Object>> received = ingest(vertx, false);

    onContext(vertx, feed -> {
      for (int i = 0; i < 5; i++) {
        feed.stream(update(i), System.nanoTime());
      }
    });

    waitFor(() -> received.size() >= 1);
    Thread.sleep(50); // nothing else may follow
    assertThat(shapes(received)).containsExactly("batch [c0, c1, c2, c3, c4]");
  }

  @Test
  void aFullBatchLeavesAtOnceAndTheRestAtTheEndOfTheTask(Vertx vertx) throws Exception {
    List<Message<Object>> received = ingest(vertx, false);
    int n = TrackerFeed.MAX_BATCH + 3;

    onContext(vertx, feed -> {
      for (int i = 0; i < n; i++) {
        feed.stream(update(i), System.nanoTime());
      }
    });

    waitFor(() -> received.size() >= 2);
    assertThat(received).extracting(m -> ((OrderUpdateBatch) m.body()).size())
        .containsExactly(TrackerFeed.MAX_BATCH, 3);
    assertThat(((OrderUpdateBatch) received.get(1).body()).updates().get(0).orderId())
        .isEqualTo("c" + TrackerFeed.MAX_BATCH);
  }

  @Test
  void anAnsweredUpdateSendsThePendingBatchFirst(Vertx vertx) throws Exception {
    List<Message<Object>> received = ingest(vertx, false);

    onContext(vertx, feed -> {
      feed.stream(update(1), System.nanoTime());
      feed.stream(update(2), System.nanoTime());
      feed.apply(update(3));
      feed.stream(update(4), System.nanoTime());
    });

    waitFor(() -> received.size() >= 3);
    assertThat(shapes(received)).containsExactly("batch [c1, c2]", "single c3", "batch [c4]");
  }

  @Test
  void readingPausesAboveHighAndResumesBelowLowWithLatencyAndRefusalsCounted(Vertx vertx) throws Exception {
    List<Message<Object>> received = ingest(vertx, true);
    AtomicInteger pauses = new AtomicInteger();
    AtomicInteger resumes = new AtomicInteger();
    AdapterMetrics metrics = new AdapterMetrics();
    Context context = vertx.getOrCreateContext();
    Promise<TrackerFeed> made = Promise.promise();
    context.runOnContext(v -> made.complete(new TrackerFeed(vertx, addresses, true, 5_000).metrics(metrics)
        .onBackpressure(100, 40, pauses::incrementAndGet, resumes::incrementAndGet)));
    TrackerFeed feed = await(made.future());
    // three tasks of 50 updates: 50, 100 (not above), 150 (above high)
    for (int task = 0; task < 3; task++) {
      int base = task * 50;
      context.runOnContext(v -> {
        for (int i = 0; i < 50; i++) {
          feed.stream(update(base + i), System.nanoTime());
        }
      });
    }
    waitFor(() -> received.stream().mapToInt(m -> ((OrderUpdateBatch) m.body()).size()).sum() == 150);
    assertThat(pauses.get()).isEqualTo(1);
    assertThat(metrics.pauses()).isEqualTo(1);

    // answering up to 64 + 36 + 50 = 150 → 86 → 50 → 14 in flight: resumes below 40, once
    for (Message<Object> m : received) {
      context.runOnContext(v -> assertThat(resumes.get()).isZero());
      m.reply(m == received.get(0) ? 2 : 0);
    }
    waitFor(() -> resumes.get() == 1);
    assertThat(resumes.get()).isEqualTo(1);
    waitFor(() -> metrics.updateFailures() == 2);
    assertThat(metrics.latencyQuantileMicros(0.5)).isPositive();
  }

  @Test
  void withoutALocalIngestStreamUpdatesGoThroughTheServiceProxyInOrder(Vertx vertx) throws Exception {
    // a real tracker with its local ingest switched off: only the JSON service answers
    await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions()
        .setConfig(new JsonObject().put("local_ingest", false))));
    OrderTracker tracker = OrderTracker.create(vertx, addresses);
    OrderUpdate placed = update(7);
    OrderUpdate filled = OrderUpdate.builder("BTCUSDT", "c7", OrderStatus.FILLED)
        .cumulative(BigDecimal.ONE, BigDecimal.TEN).build();

    TrackerFeed feed = onContext(vertx, f -> {
      f.stream(placed, System.nanoTime());
      f.stream(filled, System.nanoTime());
    });

    waitFor(() -> !feed.isLocal() && feed.inFlight() == 0);
    waitFor(() -> await(tracker.getOrder("c7")).status() == OrderStatus.FILLED);
    assertThat(await(tracker.getOrder("c7")).status()).isEqualTo(OrderStatus.FILLED);
  }

  @Test
  void serviceCallsGoToTheTrackerInThisJvmNotToAClusteredRegistrationThatDoesNotAnswer(Vertx vertx)
      throws Exception {
    // A registration of orders.tracker that never answers: what the cluster still lists for a node killed -9.
    List<Message<Object>> toTheDeadNode = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().consumer(addresses.tracker(), toTheDeadNode::add).completion());
    await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions()));
    TrackerFeed feed = onContext(vertx, f -> { }, 2_000);

    for (int i = 0; i < 4; i++) {
      assertThat(await(feed.tracker().getActiveOrders())).isEmpty();
    }
    assertThat(toTheDeadNode).isEmpty();
    assertThat(feed.retries()).isZero();
  }

  @Test
  void withoutATrackerInThisJvmServiceCallsGoToTheClusteredAddress(Vertx vertx) throws Exception {
    await(vertx.eventBus().consumer(addresses.tracker(), m -> m.reply(new JsonArray())).completion());
    TrackerFeed feed = onContext(vertx, f -> { }, 2_000);

    assertThat(await(feed.tracker().getActiveOrders())).isEmpty();
    assertThat(feed.retries()).isZero();
  }

  @Test
  void aServiceCallThatFindsNoTrackerIsRetriedUntilOneIsThere(Vertx vertx) throws Exception {
    TrackerFeed feed = onContext(vertx, f -> { }, 2_000);
    Future<List<TrackedOrder>> active = feed.tracker().getActiveOrders();
    waitFor(() -> feed.retries() >= 2);
    assertThat(active.isComplete()).isFalse();

    await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions()));

    assertThat(await(active)).isEmpty();
  }

  @Test
  void aServiceCallAnsweredWithAVerdictIsNotRetried(Vertx vertx) throws Exception {
    await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions()));
    TrackerFeed feed = onContext(vertx, f -> { }, 2_000);

    Future<TrackedOrder> missing = feed.tracker().getOrder("nope", "BTCUSDT");
    waitFor(missing::isComplete);
    assertThat(missing.failed()).isTrue();
    assertThat(((ReplyException) missing.cause()).failureCode()).isEqualTo(TrackerErrors.NOT_FOUND);
    assertThat(feed.retries()).isZero();
  }

  /** An ingest that leaves the first message unanswered (it times out at the sender) and answers the others. */
  private List<Message<Object>> ingestIgnoringTheFirst(Vertx vertx) throws Exception {
    OrderUpdateCodec.registerOnce(vertx.eventBus());
    List<Message<Object>> received = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().localConsumer(addresses.trackerIngest(), (Message<Object> m) -> {
      received.add(m);
      if (received.size() > 1) {
        m.reply(m.body() instanceof OrderUpdateBatch ? (Object) 0 : "APPLIED");
      }
    }).completion());
    return received;
  }

  @Test
  void aBatchTheTrackerDidNotAnswerIsSentAgainUntilItIs(Vertx vertx) throws Exception {
    List<Message<Object>> received = ingestIgnoringTheFirst(vertx);
    TrackerFeed feed = onContext(vertx, f -> {
      f.stream(update(1), System.nanoTime());
      f.stream(update(2), System.nanoTime());
    }, 300);

    waitFor(() -> received.size() == 2 && feed.inFlight() == 0);
    assertThat(shapes(received)).containsExactly("batch [c1, c2]", "batch [c1, c2]");
    assertThat(feed.retries()).isEqualTo(1);
  }

  @Test
  void anUpdateTheTrackerDidNotAnswerIsSentAgainUntilItIs(Vertx vertx) throws Exception {
    List<Message<Object>> received = ingestIgnoringTheFirst(vertx);
    Promise<Future<UpdateOutcome>> applied = Promise.promise();
    onContext(vertx, f -> applied.complete(f.apply(update(3))), 300);

    assertThat(await(await(applied.future()))).isEqualTo(UpdateOutcome.APPLIED);
    assertThat(shapes(received)).containsExactly("single c3", "single c3");
  }

  @Test
  void closingStopsTheRetries(Vertx vertx) throws Exception {
    TrackerFeed feed = onContext(vertx, f -> { }, 2_000);
    Future<List<TrackedOrder>> active = feed.tracker().getActiveOrders();
    waitFor(() -> feed.retries() >= 1);
    vertx.getOrCreateContext().runOnContext(v -> feed.close());

    waitFor(active::isComplete);
    assertThat(active.failed()).isTrue();
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(Check check) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (Exception notYet) {
        // not there yet
      }
      Thread.sleep(5);
    }
    assertThat(check.ok()).as("condition within 10 s").isTrue();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
