package dev.ordertracker.bench.bridge;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventBodyCodec;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.bridge.BridgeVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The bridge under benchmark, in its own Vertx: the BridgeVerticle on 127.0.0.1 (ports 0) and a publisher that
 * publishes OrderEvents exactly as the tracker does on one node (the read-only body with {@link EventBodyCodec}, so
 * local consumers share it, + headers on orders.events.ORDER_FILLED), plus a {@code bench_ns} header carrying System.nanoTime() at publish (CLOCK_MONOTONIC, comparable within the host).
 */
final class BridgeBenchServer implements AutoCloseable {
  static final String SECRET = "bench-secret-0123456789-abcdefghij";
  static final String HEADER_NANOS = "bench_ns";

  final Vertx vertx;
  final BridgeVerticle bridge;
  final String address = Addresses.defaults().event(EventType.ORDER_FILLED);
  /** Written on the server's event loop only; volatile so that the benchmark thread can read it. */
  private volatile long sequence;

  private BridgeBenchServer(Vertx vertx, BridgeVerticle bridge) {
    this.vertx = vertx;
    this.bridge = bridge;
  }

  static BridgeBenchServer start(int maxOutboundQueue) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    BridgeVerticle bridge = new BridgeVerticle();
    JsonObject config = new JsonObject().put("http_port", 0).put("tcp_port", 0).put("host", "127.0.0.1")
        .put("require_adapter", false).put("max_outbound_queue", maxOutboundQueue)
        // every benchmark client connects from 127.0.0.1 (default cap: 64 per address)
        .put("max_connections_per_address", 100_000)
        .put("jwt", new JsonObject().put("secret", SECRET));
    await(vertx.deployVerticle(bridge, new DeploymentOptions().setConfig(config)).toCompletionStage());
    EventBodyCodec.registerOnce(vertx.eventBus());
    return new BridgeBenchServer(vertx, bridge);
  }

  String token() {
    return bridge.tokens().issue("bench", Duration.ofHours(2));
  }

  /** Publishes one event; call on the server's context. */
  void publishOne() {
    long seq = sequence + 1;
    sequence = seq;
    Instant now = Instant.now();
    OrderEvent event = new OrderEvent(EventType.ORDER_FILLED, seq, Long.toString(1_000_000 + seq), "bench-" + seq,
        "BTCUSDT", OrderType.LIMIT, OrderSide.BUY, new BigDecimal("0.01000000"), new BigDecimal("50000.10"),
        OrderStatus.FILLED, new BigDecimal("0.01000000"), new BigDecimal("50000.10"), now, now, "bench", null, null);
    DeliveryOptions options = event.deliveryOptions().addHeader(HEADER_NANOS, Long.toString(System.nanoTime()))
        .setCodecName(EventBodyCodec.NAME);
    vertx.eventBus().publish(address, event.toReadOnlyJson(), options);
  }

  long published() {
    return sequence;
  }

  @Override
  public void close() {
    try {
      await(vertx.close().toCompletionStage());
    } catch (IllegalStateException slowClose) {
      System.err.println("bridge bench: Vertx close took over 60 s (" + slowClose.getCause() + ")");
    }
  }

  static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
