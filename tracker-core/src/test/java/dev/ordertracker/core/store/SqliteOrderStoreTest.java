package dev.ordertracker.core.store;

import dev.ordertracker.api.store.OrderStore;
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

  @Override
  protected OrderStore reopenStore(Vertx vertx) {
    return new SqliteOrderStore(vertx, dir.resolve("orders.db"), true, false);
  }
}
