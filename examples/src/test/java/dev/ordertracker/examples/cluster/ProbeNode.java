package dev.ordertracker.examples.cluster;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import io.vertx.core.Future;
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
      // -Dprobe.record=false: a benchmark's publisher, whose recorder would copy and keep every event it publishes.
      boolean record = Boolean.parseBoolean(System.getProperty("probe.record", "true"));
      return (record ? node.vertx().deployVerticle(recorder) : Future.succeededFuture("")).compose(id -> {
        var bus = node.vertx().eventBus();
        var publish = bus.<JsonObject>consumer("probe." + name + ".publish", msg -> {
          int count = msg.body().getInteger("count");
          for (int i = 1; i <= count; i++) {
            OrderEvent event = syntheticEvent(i);
            bus.publish(Addresses.defaults().event(event.eventType()), event.toWireJson(), event.deliveryOptions());
          }
          msg.reply(new JsonObject().put("published", count));
        });
        var recorded = bus.consumer("probe." + name + ".recorded", msg -> msg.reply(recorder.snapshot()));
        var rate = bus.<JsonObject>consumer("probe." + name + ".rate", msg -> publishAtRate(node,
            msg.body().getInteger("rate"), msg.body().getInteger("count")).onComplete(done -> msg.reply(done.result())));
        // Ready only once the probes are registered in the cluster.
        return io.vertx.core.Future.all(publish.completion(), recorded.completion(), rate.completion()).map(node);
      });
    }).onComplete(result -> {
      if (result.failed()) {
        result.cause().printStackTrace();
        System.exit(1);
      }
      System.out.println("CLUSTER-NODE-READY " + result.result().nodeId());
    });
  }

  /**
   * Publishes {@code count} synthetic events at {@code rate} per second (1 ms ticks), each with a
   * {@code sent_nanos} header: System.nanoTime is CLOCK_MONOTONIC on Linux, one clock for every process of the host,
   * so a consumer in another JVM on the same machine can subtract it from its own. Answers
   * {@code {published, seconds}}: how long the publishing took, to tell a publisher that fell behind its schedule
   * from a consumer that did.
   */
  static io.vertx.core.Future<JsonObject> publishAtRate(ClusterNode node, int rate, int count) {
    io.vertx.core.Promise<JsonObject> done = io.vertx.core.Promise.promise();
    io.vertx.core.eventbus.EventBus bus = node.vertx().eventBus();
    String address = Addresses.defaults().event(EventType.ORDER_PARTIALLY_FILLED);
    long start = System.nanoTime();
    int[] sent = {0};
    node.vertx().setPeriodic(1, id -> {
      long due = Math.min(count, (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
      while (sent[0] < due) {
        OrderEvent event = syntheticEvent(++sent[0]);
        bus.publish(address, event.toWireJson(), event.deliveryOptions()
            .addHeader("sent_nanos", Long.toString(System.nanoTime())));
      }
      if (sent[0] >= count) {
        node.vertx().cancelTimer(id);
        done.complete(new JsonObject().put("published", sent[0])
            .put("seconds", (System.nanoTime() - start) / 1e9));
      }
    });
    return done.future();
  }

  static OrderEvent syntheticEvent(long sequence) {
    Instant now = Instant.ofEpochMilli(1_700_000_000_000L + sequence);
    return new OrderEvent(EventType.ORDER_PARTIALLY_FILLED, sequence, Long.toString(1000 + sequence), "c" + sequence,
        "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, new BigDecimal("1.00000000"), new BigDecimal("49000.01"),
        OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.10000000"), new BigDecimal("49000.01"), now, now, "main",
        null, null);
  }
}
