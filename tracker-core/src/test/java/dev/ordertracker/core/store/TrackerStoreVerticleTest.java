package dev.ordertracker.core.store;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.api.UpdateResult;
import dev.ordertracker.api.store.AggregateQuery;
import dev.ordertracker.api.store.EventsPage;
import dev.ordertracker.api.store.OrderFilter;
import dev.ordertracker.api.store.OrderHistory;
import dev.ordertracker.api.store.OrderQuery;
import dev.ordertracker.core.OrderTrackerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.ordertracker.core.store.StoreFixtures.await;
import static dev.ordertracker.core.store.StoreFixtures.awaitFailure;
import static org.assertj.core.api.Assertions.assertThat;

/** The tracker verticle with a store: clean restart, continuing counters and sequence, history service, bad files. */
class TrackerStoreVerticleTest {
  @TempDir
  Path dir;
  Vertx vertx;
  OrderTracker tracker;
  OrderHistory history;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    tracker = OrderTracker.create(vertx);
    history = OrderHistory.create(vertx);
  }

  @AfterEach
  void tearDown() {
    await(vertx.close());
  }

  private JsonObject config(JsonObject store) {
    return new JsonObject().put("max_history_size", 100).put("store", store);
  }

  private JsonObject sqlite() {
    return new JsonObject().put("data_dir", dir.toString()).put("flush_interval_ms", 60_000);
  }

  private String deploy(JsonObject config) {
    return await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions().setConfig(config)));
  }

  @Test
  void a_clean_restart_loses_nothing_and_continues_counters_and_sequence() {
    ScriptedFeed feed = ScriptedFeed.generate(7, 30);
    String id = deploy(config(sqlite()));
    long lastSeq = 0;
    for (OrderUpdate u : feed.updates()) {
      UpdateResult r = await(tracker.applyUpdate(u));
      lastSeq = Math.max(lastSeq, r.sequence());
    }
    TrackerStats before = await(tracker.getStats());
    List<TrackedOrder> activeBefore = await(tracker.getActiveOrders());
    List<TrackedOrder> completedBefore = await(tracker.getCompletedOrders(dev.ordertracker.api.OrderTracker.MAX_COMPLETED_LIMIT));
    // The flush interval is 60 s: only the clean stop writes the journal.
    await(vertx.undeploy(id));

    deploy(config(sqlite()));
    TrackerStats after = await(tracker.getStats());
    assertThat(after).isEqualTo(before);
    assertThat(after.lastSequence()).isEqualTo(lastSeq);
    assertThat(await(tracker.getActiveOrders())).containsExactlyInAnyOrderElementsOf(activeBefore);
    assertThat(await(tracker.getCompletedOrders(dev.ordertracker.api.OrderTracker.MAX_COMPLETED_LIMIT))).containsExactlyInAnyOrderElementsOf(completedBefore);

    TrackedOrder open = activeBefore.get(0);
    UpdateResult cancel = await(tracker.applyUpdate(OrderUpdate.builder(open.symbol(), open.orderId(),
        OrderStatus.CANCELLED).cumulative(open.filledQuantity(), null).executionId("after-restart").build()));
    assertThat(cancel.applied()).isTrue();
    assertThat(cancel.sequence()).isEqualTo(lastSeq + 1); // never reused

    EventsPage page = await(history.eventsSince(0, 10_000));
    assertThat(page.events()).extracting(OrderEvent::sequence)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, lastSeq).boxed().toList());
    // The new event is still queued (60 s interval): eventsSince serves the journal, not memory.
    assertThat(page.lastSequence()).isEqualTo(lastSeq);
    assertThat(await(history.queryOrders(OrderQuery.of(OrderFilter.ALL))).total()).isEqualTo(30);
    assertThat(await(history.aggregates(AggregateQuery.ALL)).totalOrders()).isEqualTo(30);
  }

  @Test
  void get_stats_reports_the_journal_health_and_a_full_backlog_is_down_not_unbounded() {
    String id = deploy(config(sqlite().put("journal_max_backlog", 3)));
    JsonObject health = statsJson().getJsonObject("health");
    assertThat(health.getString("status")).isEqualTo("UP");
    assertThat(health.getJsonObject("journal").getInteger("max_backlog")).isEqualTo(3);

    ScriptedFeed feed = ScriptedFeed.generate(7, 5);
    for (OrderUpdate u : feed.updates().subList(0, 4)) {
      await(tracker.applyUpdate(u)); // the tracker goes on: its answers do not wait for the journal
    }

    health = statsJson().getJsonObject("health");
    assertThat(health.getString("status")).isEqualTo("DOWN");
    assertThat(health.getJsonObject("journal").getString("status")).isEqualTo("DOWN");
    assertThat(health.getJsonObject("journal").getLong("shed")).isPositive();
    await(vertx.undeploy(id)); // the clean stop still writes what was kept
  }

  private JsonObject statsJson() {
    return await(vertx.eventBus().<JsonObject>request(dev.ordertracker.api.Addresses.defaults().tracker(),
        new JsonObject(), new io.vertx.core.eventbus.DeliveryOptions().addHeader("action", "getStats"))).body();
  }

  @Test
  void a_corrupt_file_fails_the_deployment_naming_it_and_start_fresh_moves_it_aside() throws Exception {
    Path file = dir.resolve("orders.db");
    byte[] garbage = "definitely not sqlite ".repeat(500).getBytes(StandardCharsets.US_ASCII);
    Files.write(file, garbage);

    Throwable failure = awaitFailure(vertx.deployVerticle(new OrderTrackerVerticle(),
        new DeploymentOptions().setConfig(config(sqlite()))));
    assertThat(failure).hasMessageContaining(file.toAbsolutePath().toString());
    assertThat(Files.readAllBytes(file)).isEqualTo(garbage);

    deploy(config(sqlite().put("start_fresh_on_corruption", true)));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("orders.db.corrupt-"));
    }
    assertThat(await(tracker.getStats()).totalTracked()).isZero();
  }

  @Test
  void bad_store_config_fails_the_deployment_naming_the_key() {
    Throwable failure = awaitFailure(vertx.deployVerticle(new OrderTrackerVerticle(),
        new DeploymentOptions().setConfig(config(sqlite().put("flush_every", 3)))));
    assertThat(failure).hasMessageContaining("flush_every");
    Throwable missing = awaitFailure(vertx.deployVerticle(new OrderTrackerVerticle(),
        new DeploymentOptions().setConfig(config(new JsonObject()))));
    assertThat(missing).hasMessageContaining("store.data_dir");
  }
}
