package dev.ordertracker.core.store;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.JournalRejectedException;
import dev.ordertracker.api.store.OrderStore;
import dev.ordertracker.core.store.pg.PgOrderStore;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import java.util.UUID;

import static dev.ordertracker.core.store.StoreFixtures.at;
import static dev.ordertracker.core.store.StoreFixtures.await;
import static dev.ordertracker.core.store.StoreFixtures.awaitFailure;
import static dev.ordertracker.core.store.StoreFixtures.event;
import static dev.ordertracker.core.store.StoreFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract against PostgreSQL, each test in its own schema (dropped afterwards). Needs PG_TEST_URL
 * (scripts/postgres-for-tests.sh starts a server on loopback and prints it); without it the tests fail, on purpose.
 */
class PgOrderStoreTest extends OrderStoreContractTest {
  private String schema;

  static String url() {
    String url = System.getenv("PG_TEST_URL");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("PG_TEST_URL is not set: run scripts/postgres-for-tests.sh (as root) and "
          + "export PG_TEST_URL=postgresql://tracker:tracker@127.0.0.1:55432/tracker");
    }
    return url;
  }

  @Override
  protected OrderStore newStore(Vertx vertx) {
    schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return new PgOrderStore(vertx, url(), schema, true, 4);
  }

  @Override
  protected OrderStore reopenStore(Vertx vertx) {
    return new PgOrderStore(vertx, url(), schema, true, 4);
  }

  @Test
  void a_value_postgresql_refuses_for_what_it_is_fails_as_a_permanent_refusal() {
    // TEXT cannot hold a NUL character (SQLSTATE 22021): the same batch would fail forever.
    TrackedOrder nul = order("BTCUSDT", "bad\u0000id", "A", OrderStatus.PLACED, at(0), at(0), "1", List.of());

    Throwable refused = awaitFailure(store.append(new JournalBatch(List.of(nul), List.of(), null)));

    assertThat(refused).isInstanceOf(JournalRejectedException.class);
    assertThat(((JournalRejectedException) refused).code()).isEqualTo("pg_22021");
    await(store.append(new JournalBatch(List.of(ETH4), List.of(), null))); // the store goes on
    assertThat(await(store.recover(10)).active()).containsExactly(ETH4);
  }

  @Test
  void results_are_parsed_on_a_worker_never_on_the_event_loop() throws Exception {
    await(store.append(new JournalBatch(List.of(ETH4), List.of(event(1, ETH4), event(2, ETH4)), null)));
    // One worker thread, held: a page can complete only once its parsing gets a worker.
    Vertx oneWorker = Vertx.vertx(new io.vertx.core.VertxOptions().setWorkerPoolSize(1));
    PgOrderStore onOneConnection = new PgOrderStore(oneWorker, url(), schema, true, 1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try {
      await(onOneConnection.open());
      oneWorker.executeBlocking(() -> release.await(30, java.util.concurrent.TimeUnit.SECONDS), false);

      io.vertx.core.Future<dev.ordertracker.api.store.EventsPage> page = onOneConnection.eventsSince(0, 10);
      io.vertx.core.Future<dev.ordertracker.api.store.OrderPage> orders = onOneConnection.queryOrders(
          dev.ordertracker.api.store.OrderQuery.of(dev.ordertracker.api.store.OrderFilter.ALL));
      // Queued behind the reads on the one connection: when it answers, their rows have arrived.
      await(onOneConnection.lastSequence());

      assertThat(page.isComplete()).as("events parsed without a worker").isFalse();
      assertThat(orders.isComplete()).as("orders parsed without a worker").isFalse();
      release.countDown();
      assertThat(await(page).events()).hasSize(2);
      assertThat(await(orders).orders()).containsExactly(ETH4);
    } finally {
      release.countDown();
      await(onOneConnection.close());
      await(oneWorker.close());
    }
  }

  @Test
  void a_schema_written_by_another_version_is_refused_at_open() {
    Vertx v = Vertx.vertx();
    try {
      Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url())).using(v).build();
      await(pool.query("UPDATE " + schema + ".meta SET value = '99' WHERE key = 'schema_version'").execute());
      await(pool.close());
    } finally {
      await(v.close());
    }
    await(store.close());
    store = reopenStore(vertx);

    Throwable refused = awaitFailure(store.open());

    assertThat(refused).hasMessageContaining("schema version 99 is not supported (expected 1)")
        .hasMessageContaining(schema);
  }

  @Test
  void a_malformed_url_never_shows_the_password() {
    for (String url : List.of("postgresql://tracker:s3cr3t-pw@127.0.0.1:notaport/tracker",
        "postgresql://tracker:s3cr3t-pw@[::1/tracker", "postgresql://127.0.0.1:x/db?user=t&password=s3cr3t-pw")) {
      Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
          () -> new PgOrderStore(vertx, url, "s", true, 1));
      assertThat(failure).as(url).isInstanceOf(IllegalArgumentException.class);
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(t.getMessage()).as(url).doesNotContain("s3cr3t-pw");
      }
    }
  }

  @AfterEach
  void dropSchema() {
    if (schema == null) {
      return;
    }
    Vertx v = Vertx.vertx();
    try {
      Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url())).using(v).build();
      await(pool.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute());
      await(pool.close());
    } finally {
      await(v.close());
    }
  }
}
