package dev.ordertracker.core.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;

import java.util.List;

/**
 * Micrometer meters of a tracker's journal, read from the {@link JournalWriter}'s volatile counters by the scrape
 * thread (never its queues):
 *
 * <pre>
 *   tracker_journal_backlog_records        gauge    records waiting for the store (queued + in flight)
 *   tracker_journal_quarantined_total      counter  records the store refused for good, left out of the journal
 *   tracker_journal_shed_total             counter  records dropped because the backlog was full
 *   tracker_journal_failed_batches_total   counter  batches that failed and were retried
 * </pre>
 */
final class JournalMeters {
  private final MeterRegistry registry;
  private final List<Meter> meters;

  JournalMeters(MeterRegistry registry, JournalWriter journal, String tracker) {
    this.registry = registry;
    this.meters = List.of(
        Gauge.builder("tracker_journal_backlog_records", journal, JournalWriter::backlog).tag("tracker", tracker)
            .register(registry),
        FunctionCounter.builder("tracker_journal_quarantined_total", journal, JournalWriter::quarantinedRecords)
            .tag("tracker", tracker).register(registry),
        FunctionCounter.builder("tracker_journal_shed_total", journal, JournalWriter::shedRecords)
            .tag("tracker", tracker).register(registry),
        FunctionCounter.builder("tracker_journal_failed_batches_total", journal, JournalWriter::failedBatches)
            .tag("tracker", tracker).register(registry));
  }

  /** On the default Vert.x Micrometer registry; null when metrics are off. */
  static JournalMeters bind(JournalWriter journal, String tracker) {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    return registry == null ? null : new JournalMeters(registry, journal, tracker);
  }

  /** The tracker stops: a redeployed one binds its own journal. */
  void close() {
    meters.forEach(registry::remove);
  }
}
