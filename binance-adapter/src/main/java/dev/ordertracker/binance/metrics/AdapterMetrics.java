package dev.ordertracker.binance.metrics;

import dev.ordertracker.binance.codec.FrameDecodeException;
import dev.ordertracker.binance.codec.UnknownValue;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Counters of one adapter instance. Written on the verticle's context, readable from anywhere (tests, a metrics
 * endpoint): plain atomics, bounded labels only (decode error kind). Frame-to-event latency is kept as a small
 * log-scale histogram in microseconds.
 */
public final class AdapterMetrics {
  private final LongAdder frames = new LongAdder();
  private final Map<FrameDecodeException.Kind, LongAdder> decodeErrors = new EnumMap<>(FrameDecodeException.Kind.class);
  private final Map<UnknownValue.Kind, LongAdder> unknownValues = new EnumMap<>(UnknownValue.Kind.class);
  private final LongAdder invalidReports = new LongAdder();
  private final LongAdder duplicatesDropped = new LongAdder();
  private final LongAdder updatesSent = new LongAdder();
  private final LongAdder updateFailures = new LongAdder();
  private final LongAdder connects = new LongAdder();
  private final LongAdder reconnects = new LongAdder();
  private final LongAdder reconciliations = new LongAdder();
  private final LongAdder reconciliationCorrections = new LongAdder();
  private final LongAdder ordersLost = new LongAdder();
  private final LongAdder accountEvents = new LongAdder();
  private final LongAdder subscriptionFailures = new LongAdder();
  private final LongAdder reconcileWeight = new LongAdder();
  private final LongAdder pauses = new LongAdder();
  private final ReconcileMetrics reconcile = new ReconcileMetrics();
  private final AtomicLong[] latencyBuckets = new AtomicLong[31 * 4];
  /** Where latencies also go when a registry is bound (a Micrometer timer); null otherwise. */
  private volatile LongConsumer latencySink;

  public AdapterMetrics() {
    for (FrameDecodeException.Kind k : FrameDecodeException.Kind.values()) {
      decodeErrors.put(k, new LongAdder());
    }
    for (UnknownValue.Kind k : UnknownValue.Kind.values()) {
      unknownValues.put(k, new LongAdder());
    }
    for (int i = 0; i < latencyBuckets.length; i++) {
      latencyBuckets[i] = new AtomicLong();
    }
  }

  public void frame() {
    frames.increment();
  }

  public void decodeError(FrameDecodeException.Kind kind) {
    decodeErrors.get(kind).increment();
  }

  /** A frame carried an enum value this version does not know (counted by field, never by value). */
  public void unknownValue(UnknownValue.Kind kind) {
    unknownValues.get(kind).increment();
  }

  public long unknownValues(UnknownValue.Kind kind) {
    return unknownValues.get(kind).sum();
  }

  public void invalidReport() {
    invalidReports.increment();
  }

  public void duplicateDropped() {
    duplicatesDropped.increment();
  }

  public void updateSent() {
    updatesSent.increment();
  }

  public void updateFailed() {
    updateFailures.increment();
  }

  public void updateFailed(int updates) {
    updateFailures.add(updates);
  }

  public void connected(boolean reconnect) {
    connects.increment();
    if (reconnect) {
      reconnects.increment();
    }
  }

  public void reconciled(int corrections) {
    reconciliations.increment();
    reconciliationCorrections.add(corrections);
  }

  public void orderLost() {
    ordersLost.increment();
  }

  public void accountEvent() {
    accountEvents.increment();
  }

  public void subscriptionFailed() {
    subscriptionFailures.increment();
  }

  /**
   * Records a frame-to-answer latency in nanoseconds. Buckets: four per power of two of microseconds (each at most
   * 19% wide), up to 2^31 µs.
   */
  public void latencyNanos(long nanos) {
    latencyBuckets[bucket(Math.max(1, nanos / 1000))].incrementAndGet();
    LongConsumer sink = latencySink;
    if (sink != null) {
      sink.accept(nanos);
    }
  }

  /** Also sends every recorded latency (nanoseconds) to {@code sink}; null stops it. */
  void latencySink(LongConsumer sink) {
    this.latencySink = sink;
  }

  static int bucket(long micros) {
    int log = 63 - Long.numberOfLeadingZeros(micros);
    int sub = log >= 2 ? (int) (micros >> (log - 2)) & 3 : (int) (micros << (2 - log)) & 3;
    return Math.min(log * 4 + sub, 31 * 4 - 1);
  }

  /** Forgets the recorded latencies (benchmarks: after the warm-up). */
  public void resetLatency() {
    for (AtomicLong b : latencyBuckets) {
      b.set(0);
    }
  }

  /** The exclusive upper bound (µs) of a bucket. */
  static long upperBound(int bucket) {
    int log = bucket / 4;
    int sub = bucket % 4;
    return ((4L + sub + 1) << log) / 4;
  }

  /** The upper bound (µs) of the bucket holding quantile {@code q} of the recorded latencies, or 0. */
  public long latencyQuantileMicros(double q) {
    long total = 0;
    for (AtomicLong b : latencyBuckets) {
      total += b.get();
    }
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (UnknownValue.Kind k : UnknownValue.Kind.values()) {
      unknownValues.put(k, new LongAdder());
    }
    for (int i = 0; i < latencyBuckets.length; i++) {
      seen += latencyBuckets[i].get();
      if (seen >= rank) {
        return upperBound(i);
      }
    }
    return upperBound(latencyBuckets.length - 1);
  }

  /** The continuous reconciliation's counters (issue 14). */
  public ReconcileMetrics reconcile() {
    return reconcile;
  }

  public void reconcileWeight(long weight) {
    reconcileWeight.add(weight);
  }

  /** Binance request weight spent by reconciliation queries. */
  public long reconcileWeight() {
    return reconcileWeight.sum();
  }

  public void paused() {
    pauses.increment();
  }

  /** How often reading was paused because too many updates were waiting for the tracker. */
  public long pauses() {
    return pauses.sum();
  }

  public long frames() {
    return frames.sum();
  }

  public long decodeErrors(FrameDecodeException.Kind kind) {
    return decodeErrors.get(kind).sum();
  }

  public long decodeErrors() {
    return decodeErrors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long invalidReports() {
    return invalidReports.sum();
  }

  public long duplicatesDropped() {
    return duplicatesDropped.sum();
  }

  public long updatesSent() {
    return updatesSent.sum();
  }

  public long updateFailures() {
    return updateFailures.sum();
  }

  public long connects() {
    return connects.sum();
  }

  public long reconnects() {
    return reconnects.sum();
  }

  public long reconciliations() {
    return reconciliations.sum();
  }

  public long reconciliationCorrections() {
    return reconciliationCorrections.sum();
  }

  public long ordersLost() {
    return ordersLost.sum();
  }

  public long accountEvents() {
    return accountEvents.sum();
  }

  public long subscriptionFailures() {
    return subscriptionFailures.sum();
  }
}
