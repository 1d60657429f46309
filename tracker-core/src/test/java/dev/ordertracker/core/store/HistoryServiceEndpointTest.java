package dev.ordertracker.core.store;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.api.store.AggregateQuery;
import dev.ordertracker.api.store.EventsPage;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.OrderFilter;
import dev.ordertracker.api.store.OrderHistory;
import dev.ordertracker.api.store.OrderPage;
import dev.ordertracker.api.store.OrderQuery;
import dev.ordertracker.core.store.sqlite.SqliteOrderStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.ordertracker.core.store.StoreFixtures.await;
import static dev.ordertracker.core.store.StoreFixtures.awaitFailure;
import static dev.ordertracker.core.store.StoreFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/** OrderHistoryService over the event bus, through the typed client and as raw JSON. */
class HistoryServiceEndpointTest {
  @TempDir
  Path dir;
  Vertx vertx;
  SqliteOrderStore store;
  OrderHistory history;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    store = new SqliteOrderStore(vertx, dir.resolve("orders.db"), false, false);
    await(store.open());
    List<OrderEvent> events = new ArrayList<>();
    long seq = 0;
    for (TrackedOrder o : OrderStoreContractTest.ALL) {
      events.add(event(++seq, o));
    }
    await(store.append(new JournalBatch(OrderStoreContractTest.ALL, events, null)));
    await(new ServiceBinder(vertx).setAddress(OrderHistory.address(Addresses.defaults()))
        .register(dev.ordertracker.api.store.OrderHistoryService.class, new HistoryServiceEndpoint(store))
        .completion());
    history = OrderHistory.create(vertx);
  }

  @AfterEach
  void tearDown() {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void serves_queries_aggregates_and_events_since() {
    assertThat(OrderHistory.address(Addresses.defaults())).isEqualTo("orders.history");
    OrderPage page = await(history.queryOrders(OrderQuery.of(OrderFilter.ALL.withSymbol("BTCUSDT")).page(0, 2)));
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.orders()).containsExactly(OrderStoreContractTest.BTC5, OrderStoreContractTest.BTC2);
    assertThat(page.orders().get(0).fills().get(0).price()).isEqualByComparingTo("12345678.12345678");

    assertThat(await(history.aggregates(AggregateQuery.ALL)).fillRatio()).isEqualByComparingTo("0.5");
    assertThat(await(history.aggregates(AggregateQuery.ALL)).volumeBySymbol().get("BTCUSDT").notional())
        .isEqualByComparingTo("29903.1734567812345678");

    EventsPage events = await(history.eventsSince(4, 100));
    assertThat(events.events()).extracting(OrderEvent::sequence).containsExactly(5L, 6L);
    assertThat(events.events().get(0)).isEqualTo(event(5, OrderStoreContractTest.BTC5));
  }

  @Test
  void a_store_failure_answers_a_stable_code_without_internal_text() {
    // A store that was never opened: every read fails with a message naming its file.
    SqliteOrderStore broken = new SqliteOrderStore(vertx, dir.resolve("other.db"), false, false);
    Addresses other = Addresses.withPrefix("other");
    await(new ServiceBinder(vertx).setAddress(OrderHistory.address(other))
        .register(dev.ordertracker.api.store.OrderHistoryService.class, new HistoryServiceEndpoint(broken))
        .completion());
    OrderHistory client = OrderHistory.create(vertx, other);

    for (Throwable failure : List.of(awaitFailure(client.service().queryOrders(new JsonObject())),
        awaitFailure(client.service().aggregates(new JsonObject())),
        awaitFailure(client.service().eventsSince(0, 10)))) {
      assertThat(failure).isInstanceOf(ServiceException.class).hasMessage(TrackerErrors.STORE_UNAVAILABLE);
      assertThat(((ServiceException) failure).failureCode()).isEqualTo(TrackerErrors.UNAVAILABLE);
    }
  }

  @Test
  void bad_queries_answer_400_naming_the_field() {
    Throwable unknown = awaitFailure(history.service().queryOrders(new JsonObject().put("colour", "red")));
    assertThat(unknown).isInstanceOf(ServiceException.class).hasMessageContaining("colour");
    assertThat(((ServiceException) unknown).failureCode()).isEqualTo(TrackerErrors.BAD_REQUEST);

    Throwable status = awaitFailure(history.service().aggregates(new JsonObject().put("status", "SHINY")));
    assertThat(((ServiceException) status).failureCode()).isEqualTo(TrackerErrors.BAD_REQUEST);
    assertThat(status).hasMessageContaining("status");

    Throwable time = awaitFailure(history.service().queryOrders(new JsonObject().put("created_from", "yesterday")));
    assertThat(time).hasMessageContaining("created_from");

    Throwable size = awaitFailure(history.service().queryOrders(new JsonObject().put("page_size", 0)));
    assertThat(size).hasMessageContaining("page_size");

    Throwable limit = awaitFailure(history.service().eventsSince(0, 0));
    assertThat(((ServiceException) limit).failureCode()).isEqualTo(TrackerErrors.BAD_REQUEST);
    assertThat(limit).hasMessageContaining("limit");
    // Still serving after bad input.
    assertThat(await(history.queryOrders(OrderQuery.of(OrderFilter.ALL.withStatus(OrderStatus.FILLED)))).total())
        .isEqualTo(2);
  }
}
