package dev.ordertracker.bridge.metrics;

import dev.ordertracker.bridge.security.BridgeErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bridges' own meters (labels bounded: transport, code), built once, registered in the Vert.x default
 * registry when metrics are enabled, otherwise in a private registry so that the code path is the same.
 * Written from the bridge verticle's event loop only.
 */
public final class BridgeMetrics {
  /** The two transports, as label values. */
  public enum Transport { SOCKJS, TCP }

  private final MeterRegistry registry;
  private final Map<Transport, AtomicInteger> connected = new EnumMap<>(Transport.class);
  private final Map<Transport, Counter> delivered = new EnumMap<>(Transport.class);
  private final Map<Transport, Counter> malformed = new EnumMap<>(Transport.class);
  private final Map<Transport, Counter> slowConsumers = new EnumMap<>(Transport.class);
  private final Map<Transport, Counter> sharedFrames = new EnumMap<>(Transport.class);
  private final Map<BridgeErrorCode, Counter> refusals = new EnumMap<>(BridgeErrorCode.class);

  public BridgeMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Transport t : Transport.values()) {
      String label = t.name().toLowerCase(java.util.Locale.ROOT);
      AtomicInteger gauge = new AtomicInteger();
      connected.put(t, gauge);
      Gauge.builder("bridge_clients_connected", gauge, AtomicInteger::get).strongReference(true)
          .description("Connected bridge clients").tag("transport", label).register(registry);
      delivered.put(t, Counter.builder("bridge_messages_delivered").description("Messages written to clients")
          .tag("transport", label).register(registry));
      malformed.put(t, Counter.builder("bridge_malformed_frames").description("Malformed or oversized frames")
          .tag("transport", label).register(registry));
      slowConsumers.put(t, Counter.builder("bridge_slow_consumers_disconnected")
          .description("Clients disconnected because their outbound queue was full").tag("transport", label)
          .register(registry));
      sharedFrames.put(t, Counter.builder("bridge_event_frames_shared")
          .description("Event frames written to a client as already encoded for another client of the same event")
          .tag("transport", label).register(registry));
    }
    for (BridgeErrorCode code : BridgeErrorCode.values()) {
      refusals.put(code, Counter.builder("bridge_refusals").description("Frames refused by the bridges")
          .tag("code", code.code()).register(registry));
    }
  }

  /** Meters in the Vert.x default registry when there is one, else in a private SimpleMeterRegistry. */
  public static BridgeMetrics fromDefaultRegistry() {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    return new BridgeMetrics(registry != null ? registry : new SimpleMeterRegistry());
  }

  /**
   * VertxOptions with Micrometer metrics, JVM metrics and the Prometheus backend enabled: what the application
   * passes to {@code Vertx.builder().with(...)} so that /metrics has Vert.x's, the tracker's and the adapter's
   * meters.
   */
  public static VertxOptions vertxOptionsWithPrometheus() {
    return new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
        .setJvmMetricsEnabled(true).setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void connected(Transport transport) {
    connected.get(transport).incrementAndGet();
  }

  public void disconnected(Transport transport) {
    connected.get(transport).decrementAndGet();
  }

  public int connectedNow(Transport transport) {
    return connected.get(transport).get();
  }

  public void delivered(Transport transport) {
    delivered.get(transport).increment();
  }

  public void malformed(Transport transport) {
    malformed.get(transport).increment();
  }

  public void slowConsumer(Transport transport) {
    slowConsumers.get(transport).increment();
  }

  public void frameShared(Transport transport) {
    sharedFrames.get(transport).increment();
  }

  public void refused(BridgeErrorCode code) {
    refusals.get(code).increment();
  }

  public double refusedCount(BridgeErrorCode code) {
    return refusals.get(code).count();
  }
}
