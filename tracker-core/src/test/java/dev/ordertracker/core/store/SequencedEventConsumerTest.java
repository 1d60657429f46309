package dev.ordertracker.core.store;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.consumer.SequencedEventConsumer;
import dev.ordertracker.core.OrderTrackerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static dev.ordertracker.core.store.StoreFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SequencedEventConsumer} against a real tracker with a SQLite journal: a consumer that joins late gets the
 * past from {@code eventsSince} and the rest live, every sequence once and in order; a hole in the live delivery
 * (messages dropped by an event-bus interceptor) is filled from the journal.
 */
class SequencedEventConsumerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;
  Vertx vertx;
  OrderTracker tracker;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    tracker = OrderTracker.create(vertx);
    JsonObject store = new JsonObject().put("data_dir", dir.toString()).put("flush_interval_ms", 20);
    await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions()
        .setConfig(new JsonObject().put("max_history_size", 1000).put("store", store))));
  }

  @AfterEach
  void tearDown() {
    await(vertx.close());
  }

  @Test
  void a_late_consumer_gets_the_past_from_the_journal_and_the_rest_live_each_once_in_order() throws Exception {
    List<OrderUpdate> updates = ScriptedFeed.generate(11, 60).updates();
    int half = updates.size() / 2;
    for (OrderUpdate u : updates.subList(0, half)) {
      await(tracker.applyUpdate(u));
    }
    List<OrderEvent> received = new CopyOnWriteArrayList<>();
    SequencedEventConsumer consumer = SequencedEventConsumer.create(vertx, Addresses.defaults(), 0, received::add);
    await(consumer.start());
    // The second half while the consumer catches up.
    for (OrderUpdate u : updates.subList(half, updates.size())) {
      await(tracker.applyUpdate(u));
    }
    long last = await(tracker.getStats()).lastSequence();
    awaitUntil(() -> received.size() >= last);

    assertThat(received).extracting(OrderEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
    assertThat(consumer.readFromStore()).isPositive();
    assertThat(consumer.skipped()).isZero();
    await(consumer.stop());
  }

  @Test
  void a_hole_in_the_live_delivery_is_filled_from_the_journal() throws Exception {
    List<OrderEvent> received = new CopyOnWriteArrayList<>();
    SequencedEventConsumer consumer = SequencedEventConsumer.create(vertx, Addresses.defaults(), 0, received::add);
    await(consumer.start());
    // Lose sequences 5..9 on the way (as a clustered bus does to a node its publisher does not know yet).
    vertx.eventBus().addInboundInterceptor(ctx -> {
      String sequence = ctx.message().headers().get(Fields.HEADER_SEQUENCE);
      if (sequence != null && Long.parseLong(sequence) >= 5 && Long.parseLong(sequence) <= 9) {
        return;
      }
      ctx.next();
    });
    for (OrderUpdate u : ScriptedFeed.generate(12, 20).updates()) {
      await(tracker.applyUpdate(u));
    }
    long last = await(tracker.getStats()).lastSequence();
    assertThat(last).isGreaterThan(9);
    awaitUntil(() -> received.size() >= last);

    assertThat(received).extracting(OrderEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
    assertThat(consumer.readFromStore()).isGreaterThanOrEqualTo(5);
    await(consumer.stop());
  }

  @Test
  void without_a_tracker_start_fails_and_can_be_retried_once_one_answers() {
    Vertx other = Vertx.vertx();
    try {
      SequencedEventConsumer consumer = SequencedEventConsumer.create(other, Addresses.defaults(), 0, e -> {
      });
      assertThat(StoreFixtures.awaitFailure(consumer.start())).hasMessageContaining("No handlers");
      await(other.deployVerticle(new OrderTrackerVerticle()));
      await(consumer.start());
      await(consumer.stop());
    } finally {
      await(other.close());
    }
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT);
      }
      Thread.sleep(10);
    }
  }
}
