package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A test main: a {@link ClusterNode} (same flags) plus probes the test JVM drives over the clustered event bus.
 * <ul>
 *   <li>{@code probe.<name>.publish} {count}: publishes that many synthetic ORDER_PARTIALLY_FILLED events with
 *   their headers, sequences 1..count (a plain publisher, independent of the tracker);</li>
 *   <li>{@code probe.<name>.recorded}: answers every order event this node received (body + headers).</li>
 * </ul>
 */
public final class ProbeNode {
  private ProbeNode() {
  }

  public static void main(String[] args) {
    ClusterNode.configureLogging();
    String name = System.getProperty("probe.name", "probe");
    ClusterNodeOptions options = ClusterNodeOptions.parse(args, Map.of());
    ClusterNode.start(options).compose(node -> {
      EventRecorder recorder = new EventRecorder();
      return node.vertx().deployVerticle(recorder).map(id -> {
        node.vertx().eventBus().<JsonObject>consumer("probe." + name + ".publish", msg -> {
          int count = msg.body().getInteger("count");
          for (int i = 1; i <= count; i++) {
            OrderEvent event = syntheticEvent(i);
            node.vertx().eventBus().publish(Addresses.defaults().event(event.eventType()), event.toJson(),
                event.deliveryOptions());
          }
          msg.reply(new JsonObject().put("published", count));
        });
        node.vertx().eventBus().consumer("probe." + name + ".recorded", msg -> msg.reply(recorder.snapshot()));
        return node;
      });
    }).onComplete(result -> {
      if (result.failed()) {
        result.cause().printStackTrace();
        System.exit(1);
      }
      System.out.println("CLUSTER-NODE-READY " + result.result().nodeId());
    });
  }

  static OrderEvent syntheticEvent(long sequence) {
    Instant now = Instant.ofEpochMilli(1_700_000_000_000L + sequence);
    return new OrderEvent(EventType.ORDER_PARTIALLY_FILLED, sequence, Long.toString(1000 + sequence), "c" + sequence,
        "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, new BigDecimal("1.00000000"), new BigDecimal("49000.01"),
        OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.10000000"), new BigDecimal("49000.01"), now, now, "main",
        null, null);
  }
}
