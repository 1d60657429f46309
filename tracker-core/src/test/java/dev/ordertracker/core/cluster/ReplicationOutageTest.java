package dev.ordertracker.core.cluster;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.StatusUpdate;
import dev.ordertracker.api.TrackerErrors;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.SharedData;
import io.vertx.junit5.VertxExtension;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static dev.ordertracker.core.Awaits.await;
import static dev.ordertracker.core.Awaits.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster outage under a replicated tracker (its shared data failing every call while {@link #outage} is set; the
 * rest is the real Vert.x shared data): accepted changes are replicated and published by the retry timer once the
 * cluster is back, without any further command; beyond the backlog bound commands are refused before they change
 * anything, and getStats' health says DOWN.
 */
@ExtendWith(VertxExtension.class)
class ReplicationOutageTest {
  private static final BigDecimal QTY = new BigDecimal("1.000");

  private final AtomicBoolean outage = new AtomicBoolean();
  private final List<OrderEvent> events = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private OrderTracker tracker;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    this.tracker = OrderTracker.create(vertx);
    for (EventType type : EventType.values()) {
      vertx.eventBus().<JsonObject>consumer(Addresses.defaults().event(type),
          m -> events.add(OrderEvent.fromJson(m.body())));
    }
  }

  @Test
  void a_change_accepted_during_an_outage_is_published_when_the_cluster_is_back_without_another_command() {
    deploy(new JsonObject());
    await(tracker.trackOrder(NewOrder.of("1", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, QTY)));

    outage.set(true);
    Throwable notReplicated = failure(tracker.updateOrderStatus(StatusUpdate.of("1", OrderStatus.PLACED)));
    assertThat(notReplicated).isInstanceOf(ServiceException.class).hasMessage(TrackerErrors.NOT_REPLICATED);
    assertThat(events).isEmpty();
    assertThat(replicationHealth().getString("status")).isEqualTo("DEGRADED");

    outage.set(false); // a quiet market: no command follows
    waitFor(() -> !events.isEmpty());
    assertThat(events).extracting(OrderEvent::eventType).containsExactly(EventType.ORDER_PLACED);
    waitFor(() -> "UP".equals(replicationHealth().getString("status")));
  }

  @Test
  void beyond_the_backlog_bound_commands_are_refused_before_they_change_anything_and_health_is_down() {
    deploy(new JsonObject().put(ReplicatedTrackerOptions.MAX_BACKLOG, 4));
    outage.set(true);
    String refusedId = null;
    for (int i = 1; i <= 10 && refusedId == null; i++) {
      Throwable failure = failure(tracker.trackOrder(NewOrder.of(Integer.toString(i), "BTCUSDT", OrderType.LIMIT,
          OrderSide.BUY, QTY)));
      ServiceException e = (ServiceException) failure;
      if (e.failureCode() == TrackerErrors.UNAVAILABLE) {
        assertThat(e.getMessage()).isEqualTo(TrackerErrors.REPLICATION_BACKLOG_FULL);
        refusedId = Integer.toString(i);
      } else {
        assertThat(e.getMessage()).isEqualTo(TrackerErrors.NOT_REPLICATED); // applied, replicated later
      }
    }
    assertThat(refusedId).as("a command refused for the full backlog").isNotNull();
    JsonObject health = statsJson().getJsonObject("health");
    assertThat(health.getString("status")).isEqualTo("DOWN");
    assertThat(health.getJsonObject("replication").getInteger("backlog")).isGreaterThanOrEqualTo(4);
    Throwable unknown = failure(tracker.getOrder(refusedId, "BTCUSDT"));
    assertThat(((ServiceException) unknown).failureCode()).isEqualTo(TrackerErrors.NOT_FOUND);

    outage.set(false);
    waitFor(() -> "UP".equals(replicationHealth().getString("status")));
    assertThat(replicationHealth().getInteger("backlog")).isZero();
    await(tracker.trackOrder(NewOrder.of(refusedId, "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, QTY)));

    // Every accepted change was replicated: a new tracker (a takeover) has each of them.
    await(vertx.undeploy(deployment));
    deploy(new JsonObject());
    assertThat(await(tracker.getActiveOrders())).hasSize(Integer.parseInt(refusedId));
  }

  /**
   * Events whose writes do not complete (a stuck bus) are carried by every commit for a successor; beyond
   * {@code max_unpublished_events} of them commands are refused like a full backlog, so the commit record cannot grow
   * without bound, and accepted again once the writes complete.
   */
  @Test
  void commands_are_refused_while_too_many_events_wait_to_leave_and_accepted_once_they_left() {
    java.util.Set<String> eventAddresses = new java.util.HashSet<>();
    for (EventType type : EventType.values()) {
      eventAddresses.add(Addresses.defaults().event(type));
    }
    List<io.vertx.core.eventbus.DeliveryContext<Object>> held = new CopyOnWriteArrayList<>();
    AtomicBoolean holding = new AtomicBoolean(true);
    vertx.eventBus().addOutboundInterceptor((io.vertx.core.eventbus.DeliveryContext<Object> ctx) -> {
      if (holding.get() && eventAddresses.contains(ctx.message().address())) {
        held.add(ctx);
      } else {
        ctx.next();
      }
    });
    deploy(new JsonObject().put(ReplicatedTrackerOptions.MAX_UNPUBLISHED_EVENTS, 3));
    String refusedId = null;
    for (int i = 1; i <= 10 && refusedId == null; i++) {
      Future<?> placed = tracker.trackOrder(NewOrder.of(Integer.toString(i), "BTCUSDT", OrderType.LIMIT,
          OrderSide.BUY, QTY));
      Throwable failure = placed.transform(r -> Future.succeededFuture(r.failed() ? r.cause() : null))
          .toCompletionStage().toCompletableFuture().join();
      if (failure != null) {
        assertThat(((ServiceException) failure).failureCode()).isEqualTo(TrackerErrors.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo(TrackerErrors.REPLICATION_BACKLOG_FULL);
        refusedId = Integer.toString(i);
      } else {
        await(tracker.updateOrderStatus(StatusUpdate.of(Integer.toString(i), OrderStatus.PLACED))); // one event
      }
    }
    assertThat(refusedId).as("a command refused while 3 events wait to leave").isEqualTo("4");
    assertThat(replicationHealth().getString("status")).isEqualTo("DOWN");
    assertThat(replicationHealth().getInteger("unpublished_events")).isEqualTo(3);

    holding.set(false);
    held.forEach(io.vertx.core.eventbus.DeliveryContext::next); // the bus writes them after all
    waitFor(() -> "UP".equals(replicationHealth().getString("status")));
    assertThat(replicationHealth().getInteger("unpublished_events")).isZero();
    await(tracker.trackOrder(NewOrder.of(refusedId, "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, QTY)));
    await(tracker.updateOrderStatus(StatusUpdate.of(refusedId, OrderStatus.PLACED)));
    waitFor(() -> events.size() >= 4);
    assertThat(events).extracting(OrderEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
  }

  private String deployment;

  private void deploy(JsonObject extra) {
    JsonObject config = new JsonObject().put(ReplicatedTrackerOptions.FENCE_CHECK_MS, 50)
        .put(ReplicatedTrackerOptions.RETRY_INITIAL_MS, 20).put(ReplicatedTrackerOptions.RETRY_MAX_MS, 200)
        .mergeIn(extra);
    deployment = await(vertx.deployVerticle(new ReplicatedTrackerVerticle(this::failingWhenOut),
        new DeploymentOptions().setConfig(config)));
  }

  private JsonObject replicationHealth() {
    return statsJson().getJsonObject("health").getJsonObject("replication");
  }

  private JsonObject statsJson() {
    return await(vertx.eventBus().<JsonObject>request(Addresses.defaults().tracker(), new JsonObject(),
        new DeliveryOptions().addHeader("action", "getStats"))).body();
  }

  /** The shared data, whose async maps fail every call during an outage (what a partitioned cluster does). */
  private SharedData failingWhenOut(SharedData real) {
    return (SharedData) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SharedData.class},
        (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          if (method.getName().equals("getAsyncMap")) {
            return ((Future<?>) result).map(map -> failing((AsyncMap<?, ?>) map));
          }
          return result;
        });
  }

  private AsyncMap<?, ?> failing(AsyncMap<?, ?> real) {
    return (AsyncMap<?, ?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AsyncMap.class},
        (proxy, method, args) -> outage.get() && Future.class.isAssignableFrom(method.getReturnType())
            ? Future.failedFuture(new IllegalStateException("cluster unreachable"))
            : invoke(real, method, args));
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void waitFor(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
