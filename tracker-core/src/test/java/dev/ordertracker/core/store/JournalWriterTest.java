package dev.ordertracker.core.store;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.api.store.RecoveredState;
import dev.ordertracker.core.store.sqlite.SqliteOrderStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static dev.ordertracker.core.store.StoreFixtures.at;
import static dev.ordertracker.core.store.StoreFixtures.await;
import static dev.ordertracker.core.store.StoreFixtures.awaitFailure;
import static dev.ordertracker.core.store.StoreFixtures.event;
import static dev.ordertracker.core.store.StoreFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/** Group commit against a real SQLite store, driven on one context like the tracker's. */
class JournalWriterTest {
  @TempDir
  Path dir;
  Vertx vertx;
  Context context;
  SqliteOrderStore store;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    store = new SqliteOrderStore(vertx, dir.resolve("orders.db"), false, false);
  }

  @AfterEach
  void tearDown() {
    await(store.close().recover(e -> Future.succeededFuture()));
    await(vertx.close());
  }

  private <T> T onContext(Supplier<Future<T>> action) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(p));
    return await(p.future());
  }

  private static TrackedOrder placed(String id) {
    return order("BTCUSDT", id, "A", OrderStatus.PLACED, at(0), at(0), "1", List.of());
  }

  @Test
  void coalesces_snapshots_keeps_every_event_and_close_writes_everything() {
    await(store.open());
    JournalWriter writer = new JournalWriter(vertx, store, 60_000, 10_000);
    TrackedOrder first = placed("1");
    TrackedOrder later = order("BTCUSDT", "1", "A", OrderStatus.CANCELLED, at(0), at(5), "1", List.of());
    onContext(() -> {
      writer.counters(() -> new TrackerStats(1, 0, 0, 0, 1, 0, 0, 2, 1, 0, 0, 0, 2)).start();
      writer.onOrderChanged(first);
      writer.onEventPublished(event(1, first));
      writer.onOrderChanged(later);
      writer.onEventPublished(event(2, later));
      assertThat(writer.pendingRecords()).isEqualTo(3); // one snapshot per order, both events
      return writer.close();
    });
    RecoveredState state = await(store.recover(10));
    assertThat(state.active()).isEmpty();
    assertThat(state.recentHistory()).containsExactly(later);
    assertThat(state.lastSequence()).isEqualTo(2);
    assertThat(state.counters().totalCancelled()).isEqualTo(1);
    assertThat(await(store.eventsSince(0, 10)).events()).extracting(OrderEvent::sequence).containsExactly(1L, 2L);
    assertThat(writer.batchesWritten()).isEqualTo(1);
  }

  /**
   * Issue 18 item 3: with fsync_each_batch, the batches that go out because they are full are committed without a
   * sync each; the next tick or flush syncs once for all of them, and only then are they reported durable.
   */
  @Test
  void with_fsync_full_batches_are_committed_and_one_sync_makes_them_all_durable() {
    SqliteOrderStore fsyncStore = new SqliteOrderStore(vertx, dir.resolve("fsync.db"), true, false);
    await(fsyncStore.open());
    JournalWriter writer = new JournalWriter(vertx, fsyncStore, 60_000, 2);
    onContext(() -> {
      writer.start();
      return Future.succeededFuture();
    });
    for (int i = 1; i <= 3; i++) {
      int n = i;
      // one change per task, as the tracker makes them: a full batch (2 records) each time, committed
      onContext(() -> {
        TrackedOrder o = placed("g" + n);
        writer.onOrderChanged(o);
        writer.onEventPublished(event(n, o));
        Promise<Void> committed = Promise.promise();
        vertx.setPeriodic(5, id -> {
          if (writer.recordsWritten() == 2L * n) {
            vertx.cancelTimer(id);
            committed.complete();
          }
        });
        return committed.future();
      });
    }
    assertThat(writer.batchesWritten()).as("three batches").isEqualTo(3);
    assertThat(await(fsyncStore.lastSequence())).as("committed").isEqualTo(3);
    assertThat(writer.syncs()).as("no sync per full batch").isZero();
    assertThat(writer.durableSequence()).as("not reported durable before the sync").isZero();
    onContext(writer::flush);
    assertThat(writer.syncs()).as("one sync for all the batches").isEqualTo(1);
    assertThat(writer.durableSequence()).isEqualTo(3);
    assertThat(onContext(() -> Future.succeededFuture(writer.health().getLong(Fields.DURABLE_SEQUENCE))))
        .isEqualTo(3);
    onContext(writer::close);
    await(fsyncStore.close());
  }

  /**
   * With fsync_each_batch, close() while full batches follow each other: it completes once the last of them is
   * committed and synced (it once waited forever for a sync that the batch before had already consumed).
   */
  @Test
  void with_fsync_close_in_the_middle_of_a_run_of_full_batches_syncs_the_last_one() {
    SqliteOrderStore fsyncStore = new SqliteOrderStore(vertx, dir.resolve("fsync-close.db"), true, false);
    await(fsyncStore.open());
    JournalWriter writer = new JournalWriter(vertx, fsyncStore, 60_000, 2);
    onContext(() -> {
      writer.start();
      for (int i = 1; i <= 200; i++) {
        TrackedOrder o = placed("c" + i);
        writer.onOrderChanged(o);
        writer.onEventPublished(event(i, o));
        if (i % 20 == 0) {
          writer.flush(); // a sync owed in the middle of the run
        }
      }
      return writer.close();
    });
    assertThat(writer.durableSequence()).isEqualTo(200);
    assertThat(await(fsyncStore.lastSequence())).isEqualTo(200);
    await(fsyncStore.close());
  }

  /**
   * With fsync_each_batch, a flush that finds nothing queued while the sync covering every commit is in flight
   * completes when that sync does (it once waited forever: its promise was queued for a sync that never came, since
   * nothing was left to sync; KillNineRecoveryTest's clean stop hung on it in CI).
   */
  @Test
  void with_fsync_a_flush_while_the_covering_sync_is_in_flight_completes_with_it() {
    SqliteOrderStore sqlite = new SqliteOrderStore(vertx, dir.resolve("held.db"), true, false);
    HeldSyncStore held = new HeldSyncStore(sqlite);
    await(held.open());
    JournalWriter writer = new JournalWriter(vertx, held, 60_000, 10_000);
    Future<Void> first = onContext(() -> {
      writer.start();
      TrackedOrder o = placed("h1");
      writer.onOrderChanged(o);
      writer.onEventPublished(event(1, o));
      return Future.succeededFuture(writer.flush());
    });
    Promise<Void> syncing = Promise.promise();
    long poll = vertx.setPeriodic(5, id -> {
      if (held.syncCalls == 1) {
        syncing.tryComplete();
      }
    });
    await(syncing.future());
    vertx.cancelTimer(poll);
    Future<Void> second = onContext(() -> Future.succeededFuture(writer.flush())); // nothing queued: waits on the sync
    onContext(() -> {
      held.release();
      return Future.succeededFuture();
    });
    await(first);
    await(second);
    assertThat(writer.durableSequence()).isEqualTo(1);
    onContext(writer::close);
    await(held.close());
  }

  @Test
  void flushes_on_its_own_when_the_batch_is_full_and_on_the_timer() {
    await(store.open());
    JournalWriter bySize = new JournalWriter(vertx, store, 60_000, 4);
    onContext(() -> {
      bySize.start();
      for (int i = 1; i <= 2; i++) {
        TrackedOrder o = placed("s" + i);
        bySize.onOrderChanged(o);
        bySize.onEventPublished(event(i, o));
      }
      return Future.succeededFuture();
    });
    // The fourth record started a batch without any flush() call; a flush() now waits for it.
    onContext(bySize::flush);
    assertThat(bySize.batchesWritten()).isEqualTo(1);
    assertThat(await(store.lastSequence())).isEqualTo(2);
    onContext(bySize::close);

    JournalWriter byTime = new JournalWriter(vertx, store, 20, 10_000);
    Promise<Long> seen = Promise.promise();
    onContext(() -> {
      byTime.start();
      TrackedOrder o = placed("t1");
      byTime.onOrderChanged(o);
      byTime.onEventPublished(event(3, o));
      vertx.setPeriodic(10, id -> {
        if (byTime.batchesWritten() > 0) {
          vertx.cancelTimer(id);
          seen.complete(byTime.recordsWritten());
        }
      });
      return Future.succeededFuture();
    });
    assertThat(await(seen.future())).isEqualTo(2);
    assertThat(await(store.lastSequence())).isEqualTo(3);
    onContext(byTime::close);
  }

  @Test
  void a_failed_batch_is_kept_and_written_by_the_next_flush() {
    JournalWriter writer = new JournalWriter(vertx, store, 60_000, 10_000);
    TrackedOrder o = placed("1");
    Throwable failure = awaitFailure(onContextFuture(() -> {
      writer.onOrderChanged(o);
      writer.onEventPublished(event(1, o));
      return writer.flush(); // the store is not open yet: this batch fails
    }));
    assertThat(failure).hasMessageContaining("not open");
    assertThat(writer.failedBatches()).isEqualTo(1);
    await(store.open());
    onContext(() -> {
      TrackedOrder o2 = placed("2");
      writer.onOrderChanged(o2);
      writer.onEventPublished(event(2, o2));
      return writer.close();
    });
    assertThat(await(store.eventsSince(0, 10)).events()).extracting(OrderEvent::sequence).containsExactly(1L, 2L);
    assertThat(await(store.recover(10)).active()).hasSize(2);
  }

  /** A snapshot the store can never write: its exchange response holds a value JSON has no form for. */
  private static TrackedOrder unencodable(String id) {
    TrackedOrder o = placed(id);
    return new TrackedOrder(o.orderId(), o.clientOrderId(), o.symbol(), o.orderType(), o.side(), o.quantity(),
        o.price(), o.status(), o.filledQuantity(), o.averagePrice(), o.createdAt(), o.updatedAt(), o.errorMessage(),
        o.statusHistory(), o.fills(), new JsonObject().put("raw", new Object()), o.account());
  }

  @Test
  void an_unencodable_record_is_quarantined_once_and_never_blocks_the_rest() {
    await(store.open());
    JournalWriter writer = new JournalWriter(vertx, store, 60_000, 10_000);
    TrackedOrder good = placed("1");
    TrackedOrder bad = unencodable("2");
    TrackedOrder later = placed("3");
    onContext(() -> {
      writer.onOrderChanged(good);
      writer.onEventPublished(event(1, good));
      writer.onOrderChanged(bad);
      writer.onEventPublished(event(2, bad)); // the event itself is fine: only the snapshot is refused
      writer.onOrderChanged(later);
      writer.onEventPublished(event(3, later));
      return writer.flush(); // before the fix: fails, and the batch is re-queued forever
    });
    assertThat(writer.quarantinedRecords()).isEqualTo(1);
    assertThat(writer.pendingRecords()).isZero();
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    JournalMeters meters = new JournalMeters(registry, writer, "orders");
    assertThat(registry.get("tracker_journal_quarantined_total").tag("tracker", "orders").functionCounter().count())
        .isEqualTo(1.0);
    meters.close();
    assertThat(registry.getMeters()).isEmpty();
    JsonObject health = onContext(() -> Future.succeededFuture(writer.health()));
    assertThat(health.getString("status")).isEqualTo("DEGRADED");
    assertThat(health.getString("last_error")).isEqualTo("encode_failed");
    assertThat(await(store.recover(10)).active()).extracting(TrackedOrder::orderId).containsExactly("1", "3");
    assertThat(await(store.eventsSince(0, 10)).events()).extracting(OrderEvent::sequence)
        .containsExactly(1L, 2L, 3L);

    // Later batches go through; the quarantined record is not retried; close (= undeploy) succeeds.
    onContext(() -> {
      TrackedOrder o4 = placed("4");
      writer.onOrderChanged(o4);
      writer.onEventPublished(event(4, o4));
      return writer.close();
    });
    assertThat(writer.quarantinedRecords()).isEqualTo(1);
    assertThat(await(store.lastSequence())).isEqualTo(4);
  }

  @Test
  void an_absurd_amount_that_slipped_past_the_gate_is_quarantined_not_printed() {
    await(store.open());
    JournalWriter writer = new JournalWriter(vertx, store, 60_000, 10_000);
    TrackedOrder good = placed("1");
    // A plain form of a gigabyte: the encoder must refuse it before building it.
    OrderEvent absurd = new OrderEvent(EventType.ORDER_PARTIALLY_FILLED, 2, "1", null, "BTCUSDT", null, null,
        new java.math.BigDecimal("1e999999999"), null, OrderStatus.PARTIALLY_FILLED, java.math.BigDecimal.ONE,
        null, at(0), at(1), "A", null, null);
    onContext(() -> {
      writer.onOrderChanged(good);
      writer.onEventPublished(event(1, good));
      writer.onEventPublished(absurd);
      return writer.close();
    });
    assertThat(writer.quarantinedRecords()).isEqualTo(1);
    assertThat(await(store.eventsSince(0, 10)).events()).extracting(OrderEvent::sequence).containsExactly(1L);
    assertThat(await(store.recover(10)).active()).containsExactly(good);
  }

  @Test
  void beyond_the_backlog_bound_new_records_are_shed_counted_and_health_is_down() {
    // The store is not open: every write fails (transient), so the backlog only grows.
    JournalWriter writer = new JournalWriter(vertx, store, 60_000, 10_000, 4);
    List<TrackedOrder> orders = List.of(placed("1"), placed("2"), placed("3"));
    JsonObject health = onContext(() -> {
      writer.onOrderChanged(orders.get(0));
      writer.onEventPublished(event(1, orders.get(0)));
      writer.onOrderChanged(orders.get(1));
      writer.onEventPublished(event(2, orders.get(1)));
      writer.onOrderChanged(orders.get(2)); // a new order: shed
      writer.onEventPublished(event(3, orders.get(2))); // shed
      writer.onOrderChanged(order("BTCUSDT", "1", "A", OrderStatus.CANCELLED, at(0), at(5), "1", List.of()));
      return Future.succeededFuture(writer.health());
    });
    assertThat(writer.pendingRecords()).isEqualTo(4);
    assertThat(writer.shedRecords()).isEqualTo(2);
    assertThat(health.getString("status")).isEqualTo("DOWN");
    assertThat(health.getLong("shed")).isEqualTo(2);

    await(store.open());
    onContext(writer::flush);
    JsonObject after = onContext(() -> Future.succeededFuture(writer.health()));
    assertThat(after.getString("status")).isEqualTo("UP");
    // The newest snapshot of a queued order replaced the older one even while the backlog was full.
    assertThat(await(store.recover(10)).recentHistory()).extracting(TrackedOrder::orderId).containsExactly("1");
    assertThat(await(store.eventsSince(0, 10)).events()).extracting(OrderEvent::sequence).containsExactly(1L, 2L);
  }

  private <T> Future<T> onContextFuture(Supplier<Future<T>> action) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(p));
    return p.future();
  }
}
