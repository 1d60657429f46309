package dev.ordertracker.binance.metrics;

import dev.ordertracker.binance.codec.FrameDecodeException;
import dev.ordertracker.binance.codec.UnknownValue;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.micrometer.backends.BackendRegistries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Exposes an {@link AdapterMetrics} in the Vert.x Micrometer registry when metrics are enabled
 * ({@code BackendRegistries.getDefaultNow()} is not null); otherwise the plain counters stay the only view.
 * Meters are built once; labels are bounded ({@code adapter} = the address prefix, {@code kind} = decode error kind).
 * Names: {@code binance_adapter_frames_total}, {@code ..._decode_errors_total{kind}}, {@code ..._duplicates_dropped_total},
 * {@code ..._unknown_values_total{kind}} (EXECUTION_TYPE | ORDER_STATUS | ORDER_TYPE: enum values Binance sent that
 * this version does not know),
 * {@code ..._updates_total}, {@code ..._update_failures_total}, {@code ..._reconnects_total},
 * {@code ..._reconciliations_total}, {@code ..._reconciliation_corrections_total}, {@code ..._orders_lost_total},
 * {@code ..._reconcile_weight_total}, {@code ..._corrections_total{cause}} (LOST_REPORT | RECONNECT_GAP | GAP_BORN |
 * AMEND), {@code ..._reconcile_sweeps_total}, {@code ..._reconcile_sweep_failures_total},
 * {@code ..._reconcile_query_retries_total}, {@code ..._reconcile_unresolved_total},
 * {@code ..._rate_limit_backoffs_total}, {@code ..._rate_limit_bans_total}, {@code ..._reconcile_weight_holds_total}, the gauge {@code ..._used_weight}, and the timer {@code binance_adapter_frame_to_answer_seconds} (a histogram:
 * {@code _bucket{le}}, {@code _count}, {@code _sum}, {@code _max}) from a frame read to the tracker's answer.
 *
 * <p>A binding is undone by {@link Binding#close()} (the verticle's {@code stop()}), so a redeployed adapter
 * registers fresh meters instead of finding the stopped instance's.
 */
public final class MicrometerAdapterMetrics {
  private static final System.Logger LOG = System.getLogger(MicrometerAdapterMetrics.class.getName());

  private MicrometerAdapterMetrics() {
  }

  /** The meters one adapter registered; closing removes them from the registry. */
  public static final class Binding implements AutoCloseable {
    private final MeterRegistry registry;
    private final AdapterMetrics metrics;
    private final List<Meter> meters;

    private Binding(MeterRegistry registry, AdapterMetrics metrics, List<Meter> meters) {
      this.registry = registry;
      this.metrics = metrics;
      this.meters = meters;
    }

    @Override
    public void close() {
      metrics.latencySink(null);
      meters.forEach(registry::remove);
    }
  }

  /** Binds {@code metrics} to the default registry; empty when there is none (metrics disabled). */
  public static Optional<Binding> bindToDefaultRegistry(AdapterMetrics metrics, String adapter) {
    MeterRegistry registry;
    try {
      registry = BackendRegistries.getDefaultNow();
    } catch (NoClassDefFoundError | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, () -> "adapter metrics not exported: no Micrometer registry (" + e + ")");
      return Optional.empty();
    }
    if (registry == null) {
      return Optional.empty();
    }
    List<Meter> meters = new ArrayList<>();
    try {
      bind(registry, metrics, adapter, meters);
    } catch (RuntimeException e) {
      meters.forEach(registry::remove);
      LOG.log(System.Logger.Level.WARNING, () -> "adapter metrics not exported: registration failed (" + e + ")");
      return Optional.empty();
    }
    return Optional.of(new Binding(registry, metrics, meters));
  }

  private static void bind(MeterRegistry registry, AdapterMetrics metrics, String adapter, List<Meter> meters) {
    counter(registry, "frames", adapter, metrics, AdapterMetrics::frames, meters);
    for (FrameDecodeException.Kind kind : FrameDecodeException.Kind.values()) {
      meters.add(FunctionCounter.builder("binance_adapter_decode_errors", metrics, m -> m.decodeErrors(kind))
          .tag("adapter", adapter).tag("kind", kind.name()).register(registry));
    }
    for (UnknownValue.Kind kind : UnknownValue.Kind.values()) {
      meters.add(FunctionCounter.builder("binance_adapter_unknown_values", metrics, m -> m.unknownValues(kind))
          .tag("adapter", adapter).tag("kind", kind.name()).register(registry));
    }
    counter(registry, "duplicates_dropped", adapter, metrics, AdapterMetrics::duplicatesDropped, meters);
    counter(registry, "invalid_reports", adapter, metrics, AdapterMetrics::invalidReports, meters);
    counter(registry, "updates", adapter, metrics, AdapterMetrics::updatesSent, meters);
    counter(registry, "update_failures", adapter, metrics, AdapterMetrics::updateFailures, meters);
    counter(registry, "connects", adapter, metrics, AdapterMetrics::connects, meters);
    counter(registry, "reconnects", adapter, metrics, AdapterMetrics::reconnects, meters);
    counter(registry, "reconciliations", adapter, metrics, AdapterMetrics::reconciliations, meters);
    counter(registry, "reconciliation_corrections", adapter, metrics, AdapterMetrics::reconciliationCorrections, meters);
    counter(registry, "orders_lost", adapter, metrics, AdapterMetrics::ordersLost, meters);
    counter(registry, "reconcile_weight", adapter, metrics, AdapterMetrics::reconcileWeight, meters);
    counter(registry, "account_events", adapter, metrics, AdapterMetrics::accountEvents, meters);
    ReconcileMetrics r = metrics.reconcile();
    for (dev.ordertracker.binance.reconcile.CorrectionCause cause
        : dev.ordertracker.binance.reconcile.CorrectionCause.values()) {
      meters.add(FunctionCounter.builder("binance_adapter_corrections", r, m -> m.corrections(cause))
          .tag("adapter", adapter).tag("cause", cause.name()).register(registry));
    }
    counter(registry, "reconcile_sweeps", adapter, metrics, m -> m.reconcile().sweeps(), meters);
    counter(registry, "reconcile_sweep_failures", adapter, metrics, m -> m.reconcile().sweepFailures(), meters);
    counter(registry, "reconcile_query_retries", adapter, metrics, m -> m.reconcile().queryRetries(), meters);
    counter(registry, "reconcile_unresolved", adapter, metrics, m -> m.reconcile().unresolved(), meters);
    counter(registry, "rate_limit_backoffs", adapter, metrics, m -> m.reconcile().rateLimitBackoffs(), meters);
    counter(registry, "rate_limit_bans", adapter, metrics, m -> m.reconcile().bans(), meters);
    counter(registry, "reconcile_weight_holds", adapter, metrics, m -> m.reconcile().weightHolds(), meters);
    meters.add(io.micrometer.core.instrument.Gauge.builder("binance_adapter_used_weight", r,
        ReconcileMetrics::usedWeight).description("the IP's request weight used this minute, as Binance reports it")
        .tag("adapter", adapter).register(registry));
    Timer latency = Timer.builder("binance_adapter_frame_to_answer")
        .description("from a frame read off the socket to the tracker's answer for its update")
        .tag("adapter", adapter)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(10_000))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
    meters.add(latency);
    metrics.latencySink(nanos -> latency.record(nanos, TimeUnit.NANOSECONDS));
  }

  private static void counter(MeterRegistry registry, String name, String adapter, AdapterMetrics metrics,
                              ToDoubleFunction<AdapterMetrics> value, List<Meter> meters) {
    meters.add(FunctionCounter.builder("binance_adapter_" + name, metrics, value).tag("adapter", adapter)
        .register(registry));
  }
}
