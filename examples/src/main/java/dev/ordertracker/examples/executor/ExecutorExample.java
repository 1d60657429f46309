package dev.ordertracker.examples.executor;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.BinanceUserDataVerticle;
import dev.ordertracker.binance.config.BinanceAdapterOptions;
import dev.ordertracker.binance.executor.OrderExecutor;
import dev.ordertracker.binance.executor.PlaceOrder;
import dev.ordertracker.core.OrderTrackerVerticle;
import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.SimulatorOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/**
 * The order executor placing orders and the application watching their events: a MARKET order fills at once, a
 * LIMIT order rests until the (simulated) price crosses it, then it is FILLED. Runs against the embedded simulator;
 * against Binance, the same code with real {@code ws_api_url}, {@code rest_url} and keys.
 *
 * <p>Run: {@code java -cp examples/target/vertx-order-tracker-demo.jar
 * dev.ordertracker.examples.executor.ExecutorExample}
 */
public final class ExecutorExample {
  private ExecutorExample() {
  }

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    run(vertx, event -> { })
        .onSuccess(orders -> orders.forEach(o -> System.out.println("final: " + o.toJson().encode())))
        .onFailure(Throwable::printStackTrace)
        .eventually(vertx::close);
  }

  /** Places a MARKET and a LIMIT order, moves the price through the LIMIT, answers both orders once FILLED. */
  public static Future<List<TrackedOrder>> run(Vertx vertx, Consumer<OrderEvent> observer) {
    Addresses addresses = Addresses.defaults();
    // watch every event type, the way a strategy verticle would
    for (EventType type : EventType.values()) {
      vertx.eventBus().<JsonObject>consumer(addresses.event(type), msg -> {
        OrderEvent e = OrderEvent.fromJson(msg.body());
        System.out.printf("#%d %-22s %s %s %s filled %s avg %s%n", e.sequence(), e.eventType(), e.symbol(),
            e.orderId(), e.status(), e.filledQuantity(), e.averagePrice());
        observer.accept(e);
      });
    }
    BinanceSimulator simulator = BinanceSimulator.create(vertx, new SimulatorOptions().setPriceWalkIntervalMs(0));
    return simulator.start().compose(port -> {
      JsonObject config = new JsonObject()
          .put(BinanceAdapterOptions.WS_API_URL, simulator.wsApiUrl())
          .put(BinanceAdapterOptions.REST_URL, simulator.restUrl())
          .put(BinanceAdapterOptions.ACCOUNTS, new JsonArray().add(new JsonObject()
              .put("name", "demo").put("api_key", AccountOptions.DEMO_API_KEY)
              .put("secret", AccountOptions.DEMO_SECRET)));
      return vertx.deployVerticle(new OrderTrackerVerticle())
          .compose(id -> vertx.deployVerticle(new BinanceUserDataVerticle(),
              new DeploymentOptions().setConfig(config)))
          .compose(id -> OrderExecutor.create(vertx, new BinanceAdapterOptions(config)))
          .compose(executor -> executor
              .place(PlaceOrder.market("demo", "BNBUSDT", OrderSide.BUY, new BigDecimal("2.000")))
              .compose(market -> executor.place(PlaceOrder.limit("demo", "BTCUSDT", OrderSide.BUY,
                      new BigDecimal("0.01000"), new BigDecimal("59000.00")))
                  // the price falls through the limit: the resting order fills as maker
                  .compose(limit -> simulator.movePrice("BTCUSDT", new BigDecimal("58900.00"))
                      .map(v -> List.of(market, limit)))));
    });
  }
}
