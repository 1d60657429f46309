package dev.ordertracker.notifier.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Supplier;

/**
 * Delivery meters of one sink, built once: {@code notifier_deliveries_total{sink, type, outcome}} with outcome
 * delivered | retried (an attempt failed, another follows) | failed (gave up after max_attempts) | dropped (queue
 * full, the oldest went), and the gauge {@code notifier_queue_size{sink, type}}. Labels are bounded: sink names come
 * from the configuration; no URL, token or order id is ever a label.
 */
public final class SinkMetrics {
  private final Counter delivered;
  private final Counter retried;
  private final Counter failed;
  private final Counter dropped;
  private final Gauge queueSize;
  private final MeterRegistry registry;

  public SinkMetrics(MeterRegistry registry, SinkOptions sink, Supplier<Number> queueSize) {
    this.registry = registry;
    delivered = counter(registry, sink, "delivered");
    retried = counter(registry, sink, "retried");
    failed = counter(registry, sink, "failed");
    dropped = counter(registry, sink, "dropped");
    this.queueSize = Gauge.builder("notifier_queue_size", queueSize)
        .description("Notifications waiting in a sink's queue")
        .tag("sink", sink.getName()).tag("type", sink.getType().configName()).register(registry);
  }

  /** Removes the meters: a redeployed sink registers fresh ones (a gauge would otherwise keep the old queue). */
  void close() {
    for (io.micrometer.core.instrument.Meter m : new io.micrometer.core.instrument.Meter[]{delivered, retried, failed,
        dropped, queueSize}) {
      registry.remove(m);
    }
  }

  private static Counter counter(MeterRegistry registry, SinkOptions sink, String outcome) {
    return Counter.builder("notifier_deliveries").description("Notification deliveries by outcome")
        .tag("sink", sink.getName()).tag("type", sink.getType().configName()).tag("outcome", outcome)
        .register(registry);
  }

  void delivered() {
    delivered.increment();
  }

  void retried() {
    retried.increment();
  }

  void failed() {
    failed.increment();
  }

  void dropped() {
    dropped.increment();
  }

  public long deliveredCount() {
    return (long) delivered.count();
  }

  public long retriedCount() {
    return (long) retried.count();
  }

  public long failedCount() {
    return (long) failed.count();
  }

  public long droppedCount() {
    return (long) dropped.count();
  }
}
