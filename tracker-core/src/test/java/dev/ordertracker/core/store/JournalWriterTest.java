package dev.ordertracker.core.store;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.api.store.RecoveredState;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
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

  private <T> Future<T> onContextFuture(Supplier<Future<T>> action) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(p));
    return p.future();
  }
}
