package dev.ordertracker.core.service;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderTrackerService;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.core.OrderTrackerCore;
import dev.ordertracker.core.TrackerJournal;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.junit5.VertxExtension;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An unexpected failure inside the tracker answers a stable code; its text (paths, values) stays in the log. */
@ExtendWith(VertxExtension.class)
class TrackerServiceErrorAnswerTest {

  @Test
  void an_unexpected_failure_answers_internal_error_without_its_text(Vertx vertx) throws Exception {
    // A journal that fails the way a broken plug-in would, with internal details in its message.
    TrackerJournal broken = new TrackerJournal() {
      @Override
      public void onOrderChanged(TrackedOrder order) {
        throw new IllegalStateException("cannot write /var/lib/secret/orders.db as user tracker:hunter2");
      }
    };
    OrderTrackerCore core = OrderTrackerCore.builder().journal(broken).build();
    Addresses addresses = Addresses.withPrefix("errors");
    io.vertx.core.Promise<Void> registered = io.vertx.core.Promise.promise();
    vertx.runOnContext(v -> new ServiceBinder(vertx).setAddress(addresses.tracker())
        .register(OrderTrackerService.class, new TrackerServiceEndpoint(core)).completion().onComplete(registered));
    registered.future().await(10, TimeUnit.SECONDS);
    OrderTracker client = OrderTracker.create(vertx, addresses);

    Throwable failure = null;
    try {
      client.trackOrder(NewOrder.of("1", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE))
          .await(10, TimeUnit.SECONDS);
    } catch (ServiceException e) {
      failure = e;
    }

    assertThat(failure).isInstanceOf(ServiceException.class).hasMessage(TrackerErrors.INTERNAL_MESSAGE);
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(TrackerErrors.INTERNAL);

    // The in-JVM ingest answers the same way.
    io.vertx.core.Promise<Void> consuming = io.vertx.core.Promise.promise();
    vertx.runOnContext(v -> LocalUpdateIngest.consume(vertx.eventBus(), addresses, core).completion()
        .onComplete(consuming));
    consuming.future().await(10, TimeUnit.SECONDS);
    OrderUpdate update = OrderUpdate.builder("BTCUSDT", "2", OrderStatus.PLACED)
        .order(OrderType.LIMIT, OrderSide.BUY, BigDecimal.ONE, BigDecimal.TEN).build();
    ReplyException ingest = null;
    try {
      vertx.eventBus().request(addresses.trackerIngest(), update).await(10, TimeUnit.SECONDS);
    } catch (ReplyException e) {
      ingest = e;
    }
    assertThat(ingest).isNotNull().hasMessage(TrackerErrors.INTERNAL_MESSAGE);
    assertThat(ingest.failureCode()).isEqualTo(TrackerErrors.INTERNAL);
  }
}
