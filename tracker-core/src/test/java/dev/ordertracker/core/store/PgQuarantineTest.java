package dev.ordertracker.core.store;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.core.OrderTrackerVerticle;
import dev.ordertracker.core.store.pg.PgOrderStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.ordertracker.core.store.StoreFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on PostgreSQL: an order the tracker accepts but the database refuses for good (an id with a NUL
 * character, which TEXT cannot hold) is quarantined; later changes are journaled, getStats' health says DEGRADED
 * with the code, and undeploy succeeds (before: the batch was re-queued every 50 ms forever and undeploy failed).
 */
class PgQuarantineTest {
  private final String schema = "q_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  private final Vertx vertx = Vertx.vertx();

  @Test
  void an_order_postgresql_refuses_is_quarantined_and_nothing_else_is_held_back() throws Exception {
    JsonObject config = new JsonObject().put("store", new JsonObject().put("type", "postgres")
        .put("pg_url", PgOrderStoreTest.url()).put("pg_schema", schema));
    String id = await(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions().setConfig(config)));
    OrderTracker tracker = OrderTracker.create(vertx);

    await(tracker.trackOrder(NewOrder.of("bad\u0000id", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE)));
    await(tracker.trackOrder(NewOrder.of("good", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE)));

    JsonObject journal = journalHealth();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while ((journal.getLong("quarantined") < 1 || journal.getInteger("backlog") > 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
      journal = journalHealth();
    }
    assertThat(journal.getLong("quarantined")).isEqualTo(1);
    assertThat(journal.getString("status")).isEqualTo("DEGRADED");
    assertThat(journal.getString("last_error")).isEqualTo("pg_22021");

    await(vertx.undeploy(id)); // the clean stop flushes and succeeds

    PgOrderStore store = new PgOrderStore(vertx, PgOrderStoreTest.url(), schema, true, 1);
    await(store.open());
    assertThat(await(store.recover(10)).active()).extracting(TrackedOrder::orderId).containsExactly("good");
    await(store.close());
  }

  private JsonObject journalHealth() {
    return await(vertx.eventBus().<JsonObject>request(Addresses.defaults().tracker(), new JsonObject(),
        new DeliveryOptions().addHeader("action", "getStats"))).body().getJsonObject("health")
        .getJsonObject("journal");
  }

  @AfterEach
  void dropSchema() {
    try {
      Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(PgOrderStoreTest.url())).using(vertx)
          .build();
      await(pool.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute());
      await(pool.close());
    } finally {
      await(vertx.close());
    }
  }
}
