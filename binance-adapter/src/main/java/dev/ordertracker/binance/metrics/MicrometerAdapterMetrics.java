package dev.ordertracker.binance.metrics;

import dev.ordertracker.binance.codec.FrameDecodeException;
import dev.ordertracker.binance.codec.UnknownValue;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;

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
 * {@code ..._reconcile_weight_total}, {@code ..._frame_to_answer_p99_micros} (gauge).
 */
public final class MicrometerAdapterMetrics {
  private MicrometerAdapterMetrics() {
  }

  /** Binds {@code metrics} to the default registry; returns false when there is none. */
  public static boolean bindToDefaultRegistry(AdapterMetrics metrics, String adapter) {
    MeterRegistry registry;
    try {
      registry = BackendRegistries.getDefaultNow();
    } catch (NoClassDefFoundError | RuntimeException e) {
      return false;
    }
    if (registry == null) {
      return false;
    }
    counter(registry, "frames", adapter, metrics, AdapterMetrics::frames);
    for (FrameDecodeException.Kind kind : FrameDecodeException.Kind.values()) {
      FunctionCounter.builder("binance_adapter_decode_errors", metrics, m -> m.decodeErrors(kind))
          .tag("adapter", adapter).tag("kind", kind.name()).register(registry);
    }
    for (UnknownValue.Kind kind : UnknownValue.Kind.values()) {
      FunctionCounter.builder("binance_adapter_unknown_values", metrics, m -> m.unknownValues(kind))
          .tag("adapter", adapter).tag("kind", kind.name()).register(registry);
    }
    counter(registry, "duplicates_dropped", adapter, metrics, AdapterMetrics::duplicatesDropped);
    counter(registry, "invalid_reports", adapter, metrics, AdapterMetrics::invalidReports);
    counter(registry, "updates", adapter, metrics, AdapterMetrics::updatesSent);
    counter(registry, "update_failures", adapter, metrics, AdapterMetrics::updateFailures);
    counter(registry, "connects", adapter, metrics, AdapterMetrics::connects);
    counter(registry, "reconnects", adapter, metrics, AdapterMetrics::reconnects);
    counter(registry, "reconciliations", adapter, metrics, AdapterMetrics::reconciliations);
    counter(registry, "reconciliation_corrections", adapter, metrics, AdapterMetrics::reconciliationCorrections);
    counter(registry, "orders_lost", adapter, metrics, AdapterMetrics::ordersLost);
    counter(registry, "reconcile_weight", adapter, metrics, AdapterMetrics::reconcileWeight);
    counter(registry, "account_events", adapter, metrics, AdapterMetrics::accountEvents);
    Gauge.builder("binance_adapter_frame_to_answer_p99_micros", metrics, m -> m.latencyQuantileMicros(0.99))
        .tag("adapter", adapter).strongReference(true).register(registry);
    return true;
  }

  private static void counter(MeterRegistry registry, String name, String adapter, AdapterMetrics metrics,
                              ToDoubleFunction<AdapterMetrics> value) {
    FunctionCounter.builder("binance_adapter_" + name, metrics, value).tag("adapter", adapter).register(registry);
  }
}
