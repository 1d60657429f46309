package dev.ordertracker.api.consumer;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real event bus, events published as the tracker publishes them (OrderEvent JSON + delivery options), a
 * deliberately slow handler. Everything is published in one task on the consumer's context, so the whole batch is
 * waiting before the first handler call completes: the delivery order is deterministic.
 */
@ExtendWith(VertxExtension.class)
class PriorityEventConsumerTest {
  private static final Addresses ADDRESSES = Addresses.defaults();

  private static OrderEvent event(long sequence, String orderId, EventType type) {
    OrderStatus status = type == EventType.ORDER_PLACED ? OrderStatus.PLACED
        : type == EventType.ORDER_PARTIALLY_FILLED ? OrderStatus.PARTIALLY_FILLED
        : type == EventType.ORDER_FILLED ? OrderStatus.FILLED : OrderStatus.FAILED;
    return new OrderEvent(type, sequence, orderId, null, "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE,
        BigDecimal.TEN, status, BigDecimal.ZERO, null, Instant.EPOCH, Instant.EPOCH, null, null, null);
  }

  /** Starts a consumer on a fresh context and answers the context, the consumer and what the handler saw. */
  private record Setup(Context context, PriorityEventConsumer consumer, List<Long> handled, Promise<Void> done) {
    void publish(List<OrderEvent> events, Vertx vertx) {
      context.runOnContext(v -> events.forEach(e ->
          vertx.eventBus().publish(ADDRESSES.event(e.eventType()), e.toJson(), e.deliveryOptions())));
    }
  }

  private static Setup start(Vertx vertx, PriorityConsumerOptions options, int expected,
                             Function<OrderEvent, Future<Void>> work) throws Exception {
    Context context = vertx.getOrCreateContext();
    List<Long> handled = new ArrayList<>();
    Promise<Void> done = Promise.promise();
    Promise<PriorityEventConsumer> started = Promise.promise();
    context.runOnContext(v -> {
      PriorityEventConsumer consumer = PriorityEventConsumer.create(vertx, ADDRESSES, options, event -> {
        handled.add(event.sequence());
        Future<Void> result = work.apply(event);
        if (handled.size() == expected) {
          result.onComplete(ar -> done.tryComplete());
        }
        return result;
      });
      consumer.start().map(consumer).onComplete(started);
    });
    return new Setup(context, started.future().await(10, TimeUnit.SECONDS), handled, done);
  }

  /** The slow handler: completes a few milliseconds later, on the consumer's context. */
  private static Future<Void> slowly(Vertx vertx) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(2, id -> p.complete());
    return p.future();
  }

  @Test
  void underBacklogHigherPriorityFirstButNeverReordersOneOrdersEvents(Vertx vertx) throws Exception {
    List<OrderEvent> events = List.of(
        event(1, "A", EventType.ORDER_PLACED),
        event(2, "B", EventType.ORDER_PLACED),
        event(3, "A", EventType.ORDER_PARTIALLY_FILLED),
        event(4, "C", EventType.ORDER_PLACED),
        event(5, "B", EventType.ERROR_OCCURRED),
        event(6, "C", EventType.ORDER_FILLED),
        event(7, "D", EventType.ERROR_OCCURRED),
        event(8, "A", EventType.ORDER_FILLED));
    Setup setup = start(vertx, new PriorityConsumerOptions(), events.size(), e -> slowly(vertx));

    setup.publish(events, vertx);
    setup.done().future().await(10, TimeUnit.SECONDS);

    // 1 is handed out at once; then D's error (9), A's fills (8, 8: A's head outranks B's and C's PLACED),
    // B's PLACED before its own ERROR (per-order order), then C.
    assertThat(setup.handled()).containsExactly(1L, 7L, 3L, 8L, 2L, 5L, 4L, 6L);
  }

  @Test
  void aFullBacklogPausesTheConsumersAndEverythingIsStillDeliveredInOrder(Vertx vertx) throws Exception {
    List<OrderEvent> events = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      events.add(event(i, "O" + (i % 5), i % 3 == 0 ? EventType.ERROR_OCCURRED : EventType.ORDER_PLACED));
    }
    Setup setup = start(vertx, new PriorityConsumerOptions().setMaxBacklog(6), events.size(), e -> slowly(vertx));

    setup.publish(events, vertx);
    setup.done().future().await(10, TimeUnit.SECONDS);
    long pauses = readOnContext(setup, PriorityEventConsumer::pauses);
    long late = readOnContext(setup, PriorityEventConsumer::lateArrivals);

    assertThat(setup.handled()).hasSize(40).doesNotHaveDuplicates();
    assertThat(pauses).isPositive();
    assertThat(late).isZero();
    for (int order = 0; order < 5; order++) {
      int o = order;
      List<Long> ofOrder = setup.handled().stream().filter(s -> s % 5 == o).toList();
      assertThat(ofOrder).as("order O" + o).isSorted();
    }
  }

  @Test
  void malformedEventsAndFailingHandlersAreCountedAndTheStreamGoesOn(Vertx vertx) throws Exception {
    Setup setup = start(vertx, new PriorityConsumerOptions(), 3, e ->
        e.sequence() == 2 ? Future.failedFuture("position update failed") : Future.succeededFuture());

    setup.context().runOnContext(v -> {
      vertx.eventBus().publish(ADDRESSES.event(EventType.ORDER_PLACED), new JsonObject().put("event_type", "NOPE"));
      for (long s = 1; s <= 3; s++) {
        OrderEvent e = event(s, "A", EventType.ORDER_PLACED);
        vertx.eventBus().publish(ADDRESSES.event(e.eventType()), e.toJson(), e.deliveryOptions());
      }
    });
    setup.done().future().await(10, TimeUnit.SECONDS);

    assertThat(setup.handled()).containsExactly(1L, 2L, 3L);
    assertThat(readOnContext(setup, PriorityEventConsumer::malformed)).isEqualTo(1);
    assertThat(readOnContext(setup, PriorityEventConsumer::handlerFailures)).isEqualTo(1);
    assertThat(setup.consumer().stop().await(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> new PriorityConsumerOptions().setMaxBacklog(0)).hasMessageContaining("max backlog");
    assertThatThrownBy(() -> new PriorityConsumerOptions().setMaxBacklog(10).setResumeBacklog(10))
        .hasMessageContaining("resume backlog");
    assertThatThrownBy(() -> new PriorityConsumerOptions().setEventTypes(List.of()))
        .hasMessageContaining("event types");
  }

  private static long readOnContext(Setup setup, Function<PriorityEventConsumer, Long> read) throws Exception {
    Promise<Long> p = Promise.promise();
    setup.context().runOnContext(v -> p.complete(read.apply(setup.consumer())));
    return p.future().await(10, TimeUnit.SECONDS);
  }
}
