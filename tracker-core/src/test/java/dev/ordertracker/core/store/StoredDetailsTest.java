package dev.ordertracker.core.store;

import dev.ordertracker.api.Amendment;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderDetails;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.OrderStore;
import dev.ordertracker.api.store.RecoveredState;
import dev.ordertracker.core.store.sqlite.SqliteOrderStore;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the order details and amendments are journaled and recovered (StoreJson is the model's own JSON), and an
 * ORDER_AMENDED event comes back with its amendment; an order without them comes back without them (JSON written
 * before these keys existed: ExchangeLifecyclesTest).
 */
@ExtendWith(VertxExtension.class)
class StoredDetailsTest {
  @TempDir
  Path dir;

  @Test
  void detailsAndAmendmentsSurviveTheJournalAndARestart(Vertx vertx) {
    OrderStore store = new SqliteOrderStore(vertx, dir.resolve("orders.db"), true, false);
    StoreFixtures.await(store.open());
    TrackedOrder plain = StoreFixtures.order("ETHUSDT", "7", "A", OrderStatus.PLACED, StoreFixtures.at(1),
        StoreFixtures.at(2), "1", List.of());
    OrderDetails details = new OrderDetails("GTC", new BigDecimal("2900.5"), new BigDecimal("0.1"), "12",
        "DECREMENT", new BigDecimal("0.2"), new BigDecimal("0.2"), true, null, new BigDecimal("2999.99"),
        "TRADE_PREVENTION");
    Amendment amendment = new Amendment(StoreFixtures.at(2), new BigDecimal("1"), new BigDecimal("0.8"), "c-7",
        "web_2");
    TrackedOrder order = new TrackedOrder(plain.orderId(), "web_2", plain.symbol(), plain.orderType(), plain.side(),
        new BigDecimal("0.8"), plain.price(), plain.status(), plain.filledQuantity(), plain.averagePrice(),
        plain.createdAt(), plain.updatedAt(), null, plain.statusHistory(), plain.fills(), plain.exchangeResponse(),
        plain.account(), details, List.of(amendment));
    OrderEvent event = OrderEvent.of(EventType.ORDER_AMENDED, 1, order, null);
    event = new OrderEvent(event.eventType(), event.sequence(), event.orderId(), event.clientOrderId(),
        event.symbol(), event.orderType(), event.side(), event.quantity(), event.price(), event.status(),
        event.filledQuantity(), event.averagePrice(), event.createdAt(), event.updatedAt(), event.account(),
        event.errorMessage(), null, event.details(), amendment);
    TrackedOrder old = StoreFixtures.order("ETHUSDT", "8", "A", OrderStatus.PLACED, StoreFixtures.at(1),
        StoreFixtures.at(2), "1", List.of());
    StoreFixtures.await(store.append(new JournalBatch(List.of(order, old), List.of(event), null)));
    StoreFixtures.await(store.close());

    OrderStore reopened = new SqliteOrderStore(vertx, dir.resolve("orders.db"), true, false);
    StoreFixtures.await(reopened.open());
    RecoveredState state = StoreFixtures.await(reopened.recover(100));
    assertThat(state.active()).contains(order);
    TrackedOrder back = state.active().stream().filter(o -> o.orderId().equals("7")).findFirst()
        .orElseThrow();
    assertThat(back.details()).isEqualTo(details);
    assertThat(back.amendments()).containsExactly(amendment);
    assertThat(back.remainingQuantity()).isEqualByComparingTo("0.6");
    assertThat(state.active().stream().filter(o -> o.orderId().equals("8")).findFirst().orElseThrow()
        .details()).isEqualTo(OrderDetails.NONE);
    assertThat(StoreFixtures.await(reopened.eventsSince(0, 10)).events()).containsExactly(event);
    StoreFixtures.await(reopened.close());
  }
}
