package dev.ordertracker.api.store;

import io.vertx.core.Future;

/**
 * Durable order history: a journal of order snapshots and published events, and queries over it.
 *
 * <p>Implementations never block the calling event loop: every disk or network access runs on a worker (or is
 * asynchronous) and completes the returned future on the caller's context. Calls of {@link #append} are applied in
 * call order. The tracker is the only writer; readers (queries, {@link #eventsSince}) may run concurrently.
 *
 * <p>Failures: {@link #open()} fails with {@link StoreCorruptedException} when the store exists but cannot be
 * read; other failures carry the underlying error.
 */
public interface OrderStore {

  /** Opens (creating when missing) and checks the store. Must complete before any other call. */
  Future<Void> open();

  /**
   * Writes one group commit atomically (see {@link JournalBatch}). Fails with {@link JournalRejectedException} when
   * the batch can never be written as it is (a record that cannot be encoded or that the database refuses for its
   * content); any other failure is transient and the same batch may be retried.
   */
  Future<Void> append(JournalBatch batch);

  /** Active orders, the newest {@code historyLimit} completed orders, the last sequence and the counters. */
  Future<RecoveredState> recover(int historyLimit);

  /** The newest journaled event sequence, 0 when the journal is empty. */
  Future<Long> lastSequence();

  /** At most {@code limit} (1..10,000) journaled events with a sequence greater than {@code afterSequence}. */
  Future<EventsPage> eventsSince(long afterSequence, int limit);

  /** One page of stored orders (active and completed) matching the query. */
  Future<OrderPage> queryOrders(OrderQuery query);

  /** Counts, volumes, time to fill and fill ratio over the stored orders matching the query. */
  Future<OrderAggregates> aggregates(AggregateQuery query);

  /** Removes what lies beyond the policy's bounds (never an active order). */
  Future<RetentionResult> enforceRetention(RetentionPolicy policy);

  /** Releases connections and threads. Pending appends complete first. */
  Future<Void> close();

  /** Where the data lives, for log lines (a file path or a host/database; never a password). */
  String describe();

  /** The largest {@code limit} of {@link #eventsSince}. */
  int MAX_EVENTS_PER_PAGE = 10_000;
}
