package dev.ordertracker.core.store;

import dev.ordertracker.api.store.OrderStore;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;

import java.util.UUID;

import static dev.ordertracker.core.store.StoreFixtures.await;

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
