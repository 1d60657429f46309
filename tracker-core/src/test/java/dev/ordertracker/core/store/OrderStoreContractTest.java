package dev.ordertracker.core.store;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.api.store.AggregateQuery;
import dev.ordertracker.api.store.EventsPage;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.JournalRejectedException;
import dev.ordertracker.api.store.OrderAggregates;
import dev.ordertracker.api.store.OrderFilter;
import dev.ordertracker.api.store.OrderPage;
import dev.ordertracker.api.store.OrderQuery;
import dev.ordertracker.api.store.OrderStore;
import dev.ordertracker.api.store.RecoveredState;
import dev.ordertracker.api.store.RetentionPolicy;
import dev.ordertracker.api.store.RetentionResult;
import dev.ordertracker.api.store.TimeRange;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.ordertracker.core.store.StoreFixtures.at;
import static dev.ordertracker.core.store.StoreFixtures.await;
import static dev.ordertracker.core.store.StoreFixtures.awaitFailure;
import static dev.ordertracker.core.store.StoreFixtures.event;
import static dev.ordertracker.core.store.StoreFixtures.fill;
import static dev.ordertracker.core.store.StoreFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link OrderStore} meets, run against each implementation (one subclass per store) with the
 * same data and the same hand-computed expectations.
 */
abstract class OrderStoreContractTest {
  protected Vertx vertx;
  protected OrderStore store;

  // The data set of the query and aggregate tests (see the expectations in each test).
  static final TrackedOrder BTC1 = order("BTCUSDT", "1", "A", OrderStatus.FILLED, at(0), at(60), "0.5",
      List.of(fill(11, "0.2", "50000", at(30)), fill(12, "0.3", "50010", at(60))));
  static final TrackedOrder BTC2 = order("BTCUSDT", "2", "B", OrderStatus.CANCELLED, at(100), at(200), "1",
      List.of(fill(21, "0.1", "49000.5", at(150))));
  static final TrackedOrder ETH1 = order("ETHUSDT", "1", "A", OrderStatus.FILLED, at(300), at(420), "2",
      List.of(fill(31, "2", "3000.25", at(420))));
  static final TrackedOrder ETH4 = order("ETHUSDT", "4", "B", OrderStatus.PLACED, at(500), at(500), "3", List.of());
  static final TrackedOrder BTC5 = order("BTCUSDT", "5", "A", OrderStatus.PARTIALLY_FILLED, at(600), at(650), "1",
      List.of(fill(51, "0.00000001", "12345678.12345678", at(650))));
  static final TrackedOrder SOL6 = order("SOLUSDT", "6", "A", OrderStatus.FAILED, at(700), at(701), "10", List.of());
  static final List<TrackedOrder> ALL = List.of(BTC1, BTC2, ETH1, ETH4, BTC5, SOL6);

  /** A new, empty store (not opened) on a fresh location. */
  protected abstract OrderStore newStore(Vertx vertx) throws Exception;

  /** A second store on the same location as {@link #newStore} last made (a restart). */
  protected abstract OrderStore reopenStore(Vertx vertx) throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    store = newStore(vertx);
    await(store.open());
  }

  @AfterEach
  void tearDown() {
    if (store != null) {
      await(store.close().recover(e -> io.vertx.core.Future.succeededFuture()));
    }
    await(vertx.close());
  }

  private void loadDataSet() {
    List<OrderEvent> events = new ArrayList<>();
    long seq = 0;
    for (TrackedOrder o : ALL) {
      events.add(event(++seq, o));
    }
    await(store.append(new JournalBatch(ALL, events, stats(seq))));
  }

  static TrackerStats stats(long lastSequence) {
    return new TrackerStats(6, 2, 2, 1, 1, 0, 0, lastSequence, 4, 3, 1, 0, lastSequence);
  }

  @Test
  void a_batch_with_a_record_that_cannot_be_encoded_is_refused_for_good_and_writes_nothing() {
    TrackedOrder bad = new TrackedOrder("7", null, "BTCUSDT", BTC1.orderType(), BTC1.side(), BTC1.quantity(),
        BTC1.price(), OrderStatus.PLACED, BigDecimal.ZERO, null, at(0), at(0), null, List.of(), List.of(),
        new io.vertx.core.json.JsonObject().put("raw", new Object()), "A");

    Throwable refused = awaitFailure(store.append(new JournalBatch(List.of(ETH4, bad), List.of(event(1, ETH4)),
        stats(1))));

    assertThat(refused).isInstanceOf(JournalRejectedException.class);
    assertThat(((JournalRejectedException) refused).code()).isEqualTo(JournalRejectedException.ENCODE_FAILED);
    assertThat(refused.getMessage()).contains("BTCUSDT/7");
    RecoveredState state = await(store.recover(100));
    assertThat(state.active()).isEmpty();
    assertThat(state.lastSequence()).isZero();
  }

  @Test
  void an_empty_store_recovers_nothing() {
    RecoveredState state = await(store.recover(100));
    assertThat(state.active()).isEmpty();
    assertThat(state.recentHistory()).isEmpty();
    assertThat(state.lastSequence()).isZero();
    assertThat(state.counters()).isNull();
    EventsPage page = await(store.eventsSince(0, 10));
    assertThat(page.events()).isEmpty();
    assertThat(page.truncated()).isFalse();
    assertThat(page.more()).isFalse();
  }

  @Test
  void recovers_active_orders_recent_history_sequence_and_counters_after_a_restart() throws Exception {
    loadDataSet();
    await(store.close());
    store = reopenStore(vertx);
    await(store.open());

    RecoveredState state = await(store.recover(2));
    assertThat(state.active()).containsExactly(ETH4, BTC5); // oldest first, full snapshots with fills and history
    assertThat(state.recentHistory()).containsExactly(ETH1, SOL6); // the 2 most recently completed, oldest first
    assertThat(state.lastSequence()).isEqualTo(6);
    assertThat(state.counters()).isEqualTo(stats(6));
    assertThat(state.active().get(1).fills().get(0).price()).isEqualByComparingTo("12345678.12345678");
    assertThat(state.active().get(1).fills().get(0).quantity()).isEqualByComparingTo("0.00000001");
    assertThat(await(store.lastSequence())).isEqualTo(6);
  }

  @Test
  void a_later_snapshot_replaces_the_earlier_one_and_a_repeated_batch_changes_nothing() {
    loadDataSet();
    TrackedOrder filled = order("ETHUSDT", "4", "B", OrderStatus.FILLED, at(500), at(900), "3",
        List.of(fill(41, "3", "3001", at(900))));
    JournalBatch batch = new JournalBatch(List.of(filled), List.of(event(7, filled)), stats(7));
    await(store.append(batch));
    await(store.append(batch)); // a retried batch: idempotent

    RecoveredState state = await(store.recover(10));
    assertThat(state.active()).containsExactly(BTC5);
    assertThat(state.recentHistory()).containsExactly(BTC1, BTC2, ETH1, SOL6, filled);
    EventsPage page = await(store.eventsSince(0, 100));
    assertThat(page.events()).extracting(OrderEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(page.events().get(6)).isEqualTo(event(7, filled));
    assertThat(await(store.queryOrders(OrderQuery.of(OrderFilter.ALL))).total()).isEqualTo(6);
  }

  @Test
  void a_batch_holding_two_snapshots_of_one_order_keeps_the_later_as_one_upsert_per_row_would() {
    // PostgreSQL writes a batch's rows with one multi-row statement, which may not touch a row twice (SQLSTATE
    // 21000): the store must cut the batch there and still end with the later snapshot. Two accounts may also
    // share a symbol and order id (the table's key), and a snapshot may have no account at all.
    TrackedOrder placed = order("ETHUSDT", "9", null, OrderStatus.PLACED, at(100), at(100), "2", List.of());
    TrackedOrder filled = order("ETHUSDT", "9", "C", OrderStatus.FILLED, at(100), at(300), "2",
        List.of(fill(91, "2", "3000", at(300))));
    await(store.append(new JournalBatch(List.of(ETH4, placed, BTC5, filled),
        List.of(event(1, placed), event(2, filled), event(2, filled)), stats(2))));

    RecoveredState state = await(store.recover(10));
    assertThat(state.active()).containsExactly(ETH4, BTC5);
    assertThat(state.recentHistory()).containsExactly(filled);
    assertThat(await(store.eventsSince(0, 10)).events()).extracting(OrderEvent::sequence).containsExactly(1L, 2L);
  }

  @Test
  void a_batch_larger_than_one_statement_is_stored_whole() {
    // PostgreSQL writes at most 1,000 rows per statement: 2,500 orders and events take three of each.
    List<TrackedOrder> orders = new ArrayList<>();
    List<OrderEvent> events = new ArrayList<>();
    for (int i = 1; i <= 2_500; i++) {
      TrackedOrder o = order("BTCUSDT", "big" + i, "A", OrderStatus.PLACED, at(i), at(i), "1", List.of());
      orders.add(o);
      events.add(event(i, o));
    }
    await(store.append(new JournalBatch(orders, events, stats(2_500))));

    RecoveredState state = await(store.recover(10));
    assertThat(state.active()).hasSize(2_500);
    assertThat(state.lastSequence()).isEqualTo(2_500);
    EventsPage page = await(store.eventsSince(2_490, 100));
    assertThat(page.events()).extracting(OrderEvent::sequence).containsExactly(2_491L, 2_492L, 2_493L, 2_494L,
        2_495L, 2_496L, 2_497L, 2_498L, 2_499L, 2_500L);
  }

  @Test
  void events_since_pages_in_sequence_order() {
    loadDataSet();
    EventsPage first = await(store.eventsSince(0, 4));
    assertThat(first.events()).extracting(OrderEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(first.more()).isTrue();
    assertThat(first.lastSequence()).isEqualTo(6);
    assertThat(first.events().get(0)).isEqualTo(event(1, BTC1));
    EventsPage second = await(store.eventsSince(first.nextAfter(), 4));
    assertThat(second.events()).extracting(OrderEvent::sequence).containsExactly(5L, 6L);
    assertThat(second.more()).isFalse();
    assertThat(second.truncated()).isFalse();
    assertThat(await(store.eventsSince(6, 4)).events()).isEmpty();
    assertThat(awaitFailure(store.eventsSince(0, 0))).hasMessageContaining("limit");
  }

  @Test
  void queries_by_time_range_status_symbol_account_and_pages() {
    loadDataSet();
    OrderPage all = await(store.queryOrders(OrderQuery.of(OrderFilter.ALL).page(0, 4)));
    assertThat(all.total()).isEqualTo(6);
    assertThat(all.orders()).containsExactly(SOL6, BTC5, ETH4, ETH1); // newest created first
    assertThat(all.hasMore()).isTrue();
    OrderPage second = await(store.queryOrders(OrderQuery.of(OrderFilter.ALL).page(1, 4)));
    assertThat(second.orders()).containsExactly(BTC2, BTC1);
    assertThat(second.hasMore()).isFalse();

    assertThat(query(OrderFilter.ALL.withStatus(OrderStatus.FILLED))).containsExactly(ETH1, BTC1);
    assertThat(query(OrderFilter.ALL.withSymbol("BTCUSDT"))).containsExactly(BTC5, BTC2, BTC1);
    assertThat(query(OrderFilter.ALL.withAccount("B"))).containsExactly(ETH4, BTC2);
    assertThat(query(OrderFilter.ALL.withCreated(TimeRange.between(at(100), at(500))))).containsExactly(ETH1, BTC2);
    assertThat(query(OrderFilter.ALL.withUpdated(TimeRange.between(at(200), at(501)))))
        .containsExactly(ETH4, ETH1, BTC2);
    assertThat(query(OrderFilter.ALL.withSymbol("ETHUSDT").withStatus(OrderStatus.FILLED))).containsExactly(ETH1);
    assertThat(query(OrderFilter.ALL.withSymbol("XRPUSDT"))).isEmpty();
  }

  private List<TrackedOrder> query(OrderFilter filter) {
    OrderPage page = await(store.queryOrders(OrderQuery.of(filter)));
    assertThat(page.total()).isEqualTo(page.orders().size());
    return page.orders();
  }

  @Test
  void aggregates_match_hand_computed_figures() {
    loadDataSet();
    OrderAggregates all = await(store.aggregates(AggregateQuery.ALL));
    assertThat(all.totalOrders()).isEqualTo(6);
    assertThat(all.countsByStatus()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
        OrderStatus.FILLED, 2L, OrderStatus.CANCELLED, 1L, OrderStatus.PLACED, 1L,
        OrderStatus.PARTIALLY_FILLED, 1L, OrderStatus.FAILED, 1L));
    assertThat(all.countsBySymbol()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
        "BTCUSDT", 3L, "ETHUSDT", 2L, "SOLUSDT", 1L));
    assertThat(all.volumeBySymbol()).containsOnlyKeys("BTCUSDT", "ETHUSDT");
    // BTC: 0.2 + 0.3 + 0.1 + 0.00000001; notional 10000 + 15003 + 4900.05 + 0.1234567812345678
    assertThat(all.volumeBySymbol().get("BTCUSDT").filledQuantity()).isEqualByComparingTo("0.60000001");
    assertThat(all.volumeBySymbol().get("BTCUSDT").notional()).isEqualByComparingTo("29903.1734567812345678");
    assertThat(all.volumeBySymbol().get("ETHUSDT").filledQuantity()).isEqualByComparingTo("2");
    assertThat(all.volumeBySymbol().get("ETHUSDT").notional()).isEqualByComparingTo("6000.50");
    assertThat(all.averageTimeToFillMs()).isEqualTo(90_000L); // (60 s + 120 s) / 2
    assertThat(all.filledOrders()).isEqualTo(2);
    assertThat(all.finalOrders()).isEqualTo(4);
    assertThat(all.fillRatio()).isEqualByComparingTo("0.5");

    OrderAggregates a = await(store.aggregates(new AggregateQuery(OrderFilter.ALL.withAccount("A"))));
    assertThat(a.totalOrders()).isEqualTo(4);
    assertThat(a.volumeBySymbol().get("BTCUSDT").notional()).isEqualByComparingTo("25003.1234567812345678");
    assertThat(a.fillRatio()).isEqualByComparingTo(new BigDecimal("0.6666666667"));

    OrderAggregates early = await(store.aggregates(new AggregateQuery(
        OrderFilter.ALL.withSymbol("BTCUSDT").withCreated(TimeRange.between(at(0), at(150))))));
    assertThat(early.totalOrders()).isEqualTo(2);
    assertThat(early.averageTimeToFillMs()).isEqualTo(60_000L);
    assertThat(early.fillRatio()).isEqualByComparingTo("0.5");

    OrderAggregates none = await(store.aggregates(new AggregateQuery(OrderFilter.ALL.withSymbol("XRPUSDT"))));
    assertThat(none.totalOrders()).isZero();
    assertThat(none.averageTimeToFillMs()).isNull();
    assertThat(none.fillRatio()).isNull();
  }

  @Test
  void retention_by_size_keeps_the_newest_events_and_completed_orders_and_every_active_order() {
    loadDataSet();
    RetentionResult r = await(store.enforceRetention(new RetentionPolicy(0, 3, 1)));
    assertThat(r.eventsDeleted()).isEqualTo(3);
    assertThat(r.ordersDeleted()).isEqualTo(3); // BTC1, BTC2, ETH1; SOL6 is the newest completed one

    EventsPage page = await(store.eventsSince(0, 100));
    assertThat(page.events()).extracting(OrderEvent::sequence).containsExactly(4L, 5L, 6L);
    assertThat(page.truncated()).isTrue();
    assertThat(page.firstAvailableSequence()).isEqualTo(4);
    assertThat(await(store.eventsSince(3, 100)).truncated()).isFalse();
    RecoveredState state = await(store.recover(100));
    assertThat(state.active()).containsExactly(ETH4, BTC5);
    assertThat(state.recentHistory()).containsExactly(SOL6);
    assertThat(state.lastSequence()).isEqualTo(6);
    assertThat(await(store.enforceRetention(new RetentionPolicy(0, 3, 1)))).isEqualTo(
        new dev.ordertracker.api.store.RetentionResult(0, 0));
  }

  @Test
  void retention_by_age_removes_old_events_and_old_completed_orders_but_never_active_ones() {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant old = now.minusSeconds(7200);
    Instant recent = now.minusSeconds(60);
    TrackedOrder oldFinal = order("BTCUSDT", "o1", "A", OrderStatus.CANCELLED, old, old, "1", List.of());
    TrackedOrder oldActive = order("BTCUSDT", "o2", "A", OrderStatus.PLACED, old, old, "1", List.of());
    TrackedOrder newFinal = order("BTCUSDT", "o3", "A", OrderStatus.CANCELLED, recent, recent, "1", List.of());
    await(store.append(new JournalBatch(List.of(oldFinal, oldActive, newFinal),
        List.of(event(1, oldFinal), event(2, oldActive), event(3, newFinal)), null)));

    RetentionResult r = await(store.enforceRetention(new RetentionPolicy(3_600_000, 0, 0)));
    assertThat(r).isEqualTo(new RetentionResult(2, 1));
    RecoveredState state = await(store.recover(10));
    assertThat(state.active()).containsExactly(oldActive);
    assertThat(state.recentHistory()).containsExactly(newFinal);
    assertThat(await(store.eventsSince(0, 10)).events()).extracting(OrderEvent::sequence).containsExactly(3L);
  }

  @Test
  void the_sequence_survives_retention_removing_every_event() {
    loadDataSet();
    await(store.enforceRetention(new RetentionPolicy(1, 0, 0)));
    assertThat(await(store.lastSequence())).isEqualTo(6);
    EventsPage page = await(store.eventsSince(2, 10));
    assertThat(page.events()).isEmpty();
    assertThat(page.truncated()).isTrue();
    assertThat(page.firstAvailableSequence()).isEqualTo(7);
    assertThat(await(store.eventsSince(6, 10)).truncated()).isFalse();
  }
}
