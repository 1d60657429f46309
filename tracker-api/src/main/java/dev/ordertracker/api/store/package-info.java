/**
 * Durable order history: the {@link dev.ordertracker.api.store.OrderStore} contract that the tracker journals to,
 * and the read-only {@link dev.ordertracker.api.store.OrderHistoryService} that serves it on the event bus.
 *
 * <pre>
 *   tracker context ──snapshots + events──▶ JournalWriter (group commit) ──JournalBatch──▶ OrderStore (worker)
 *   client ──queryOrders / aggregates / eventsSince──▶ &lt;prefix&gt;.history ──▶ OrderStore (reader)
 * </pre>
 */
package dev.ordertracker.api.store;
