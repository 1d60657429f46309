package dev.ordertracker.core.stats;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.UpdateKind;
import dev.ordertracker.api.UpdateOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.EnumMap;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micrometer meters of one tracker, built once; labels are bounded enums (outcome, event type, status), never an
 * order id. Counters are thread-safe; the two gauges read atomics the core sets after each change, so the scrape
 * thread never touches the core's maps.
 *
 * <pre>
 *   tracker_updates_total{outcome}   applied | duplicate | stale | illegal_transition | late_fill | unknown_order
 *   tracker_changes_total{kind}               amendment | trade_prevention (applied, also counted as applied)
 *   tracker_events_published_total{event_type}
 *   tracker_orders_total{status}              FILLED | FAILED | CANCELLED | EXPIRED
 *   tracker_publish_failures_total
 *   tracker_active_orders, tracker_history_size (gauges)
 * </pre>
 */
public final class MicrometerTrackerMetrics implements TrackerMetrics {
  private final EnumMap<UpdateOutcome, Counter> updates = new EnumMap<>(UpdateOutcome.class);
  private final EnumMap<UpdateKind, Counter> changes = new EnumMap<>(UpdateKind.class);
  private final Counter lateFills;
  private final Counter unknownOrders;
  private final EnumMap<EventType, Counter> events = new EnumMap<>(EventType.class);
  private final EnumMap<OrderStatus, Counter> orders = new EnumMap<>(OrderStatus.class);
  private final Counter publishFailures;
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger history = new AtomicInteger();
  private final MeterRegistry registry;
  private final Gauge activeGauge;
  private final Gauge historyGauge;

  public MicrometerTrackerMetrics(MeterRegistry registry, String addressPrefix) {
    this.registry = registry;
    for (UpdateOutcome o : UpdateOutcome.values()) {
      updates.put(o, Counter.builder("tracker_updates_total").tag("outcome", o.name().toLowerCase(Locale.ROOT))
          .tag("tracker", addressPrefix).register(registry));
    }
    for (UpdateKind k : UpdateKind.values()) {
      if (k != UpdateKind.STATUS) {
        changes.put(k, Counter.builder("tracker_changes_total").tag("kind", k.name().toLowerCase(Locale.ROOT))
            .tag("tracker", addressPrefix).register(registry));
      }
    }
    lateFills = Counter.builder("tracker_updates_total").tag("outcome", "late_fill").tag("tracker", addressPrefix)
        .register(registry);
    unknownOrders = Counter.builder("tracker_updates_total").tag("outcome", "unknown_order")
        .tag("tracker", addressPrefix).register(registry);
    for (EventType t : EventType.values()) {
      events.put(t, Counter.builder("tracker_events_published_total").tag("event_type", t.name())
          .tag("tracker", addressPrefix).register(registry));
    }
    for (OrderStatus s : OrderStatus.values()) {
      if (s.isFinal()) {
        orders.put(s, Counter.builder("tracker_orders_total").tag("status", s.name()).tag("tracker", addressPrefix)
            .register(registry));
      }
    }
    publishFailures = Counter.builder("tracker_publish_failures_total").tag("tracker", addressPrefix)
        .register(registry);
    activeGauge = Gauge.builder("tracker_active_orders", active, AtomicInteger::get).tag("tracker", addressPrefix)
        .strongReference(true).register(registry);
    historyGauge = Gauge.builder("tracker_history_size", history, AtomicInteger::get).tag("tracker", addressPrefix)
        .strongReference(true).register(registry);
  }

  /** Meters on the default Vert.x Micrometer registry, or {@link TrackerMetrics#NONE} when none is configured. */
  public static TrackerMetrics forDefaultRegistry(String addressPrefix) {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    return registry == null ? TrackerMetrics.NONE : new MicrometerTrackerMetrics(registry, addressPrefix);
  }

  /**
   * Removes the gauges (a tracker redeployed in the same JVM registers fresh ones; Micrometer would otherwise keep
   * reading the old tracker's). Counters stay: they continue counting for the same labels.
   */
  @Override
  public void close() {
    registry.remove(activeGauge);
    registry.remove(historyGauge);
  }

  @Override
  public void update(UpdateOutcome outcome) {
    updates.get(outcome).increment();
  }

  @Override
  public void changed(UpdateKind kind) {
    Counter c = changes.get(kind);
    if (c != null) {
      c.increment();
    }
  }

  @Override
  public void lateFill() {
    lateFills.increment();
  }

  @Override
  public void unknownOrder() {
    unknownOrders.increment();
  }

  @Override
  public void finalStatus(OrderStatus status) {
    Counter c = orders.get(status);
    if (c != null) {
      c.increment();
    }
  }

  @Override
  public void published(EventType type) {
    events.get(type).increment();
  }

  @Override
  public void publishFailed() {
    publishFailures.increment();
  }

  @Override
  public void sizes(int activeOrders, int historySize) {
    active.lazySet(activeOrders);
    history.lazySet(historySize);
  }
}
