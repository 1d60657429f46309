package dev.ordertracker.core.store;

import dev.ordertracker.api.store.OrderStore;
import dev.ordertracker.core.store.sqlite.SqliteOrderStore;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store contract against the embedded SQLite store, in a fresh temporary directory per test. */
class SqliteOrderStoreTest extends OrderStoreContractTest {
  @TempDir
  Path dir;

  @Override
  protected OrderStore newStore(Vertx vertx) {
    return new SqliteOrderStore(vertx, dir.resolve("orders.db"), true, false);
  }

  @org.junit.jupiter.api.Test
  void retention_of_more_rows_than_one_step_runs_in_several_steps_and_removes_them_all() {
    java.util.List<dev.ordertracker.api.OrderEvent> events = new java.util.ArrayList<>();
    java.util.List<dev.ordertracker.api.TrackedOrder> orders = new java.util.ArrayList<>();
    int n = SqliteOrderStore.RETENTION_CHUNK * 2 + 500;
    for (int i = 1; i <= n; i++) {
      dev.ordertracker.api.TrackedOrder o = StoreFixtures.order("BTCUSDT", "r" + i, "A",
          dev.ordertracker.api.OrderStatus.CANCELLED, StoreFixtures.at(i), StoreFixtures.at(i), "1",
          java.util.List.of());
      orders.add(o);
      events.add(StoreFixtures.event(i, o));
    }
    StoreFixtures.await(store.append(new dev.ordertracker.api.store.JournalBatch(orders, events, null)));
    dev.ordertracker.api.store.RetentionResult r = StoreFixtures.await(store.enforceRetention(
        new dev.ordertracker.api.store.RetentionPolicy(0, 100, 10)));
    org.assertj.core.api.Assertions.assertThat(r.eventsDeleted()).isEqualTo(n - 100);
    org.assertj.core.api.Assertions.assertThat(r.ordersDeleted()).isEqualTo(n - 10);
    dev.ordertracker.api.store.EventsPage page = StoreFixtures.await(store.eventsSince(0, 1000));
    org.assertj.core.api.Assertions.assertThat(page.events()).hasSize(100);
    org.assertj.core.api.Assertions.assertThat(page.firstAvailableSequence()).isEqualTo(n - 99);
    org.assertj.core.api.Assertions.assertThat(StoreFixtures.await(store.recover(1000)).recentHistory())
        .extracting(dev.ordertracker.api.TrackedOrder::orderId).containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(n - 9, n).mapToObj(i -> "r" + i).toList());
  }

  @Override
  protected OrderStore reopenStore(Vertx vertx) {
    return new SqliteOrderStore(vertx, dir.resolve("orders.db"), true, false);
  }
}
