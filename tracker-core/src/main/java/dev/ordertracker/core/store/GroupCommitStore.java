package dev.ordertracker.core.store;

import dev.ordertracker.api.store.JournalBatch;
import io.vertx.core.Future;

/**
 * A store that can separate committing a batch from making it durable, so that one sync covers every batch
 * committed before it: group commit across batches ({@code fsync_each_batch}). The {@link JournalWriter} commits
 * the batches it writes between two flush-timer ticks with {@link #commit} and makes them durable with one
 * {@link #sync} after the tick's batch; the durability promise stays "the last flush interval plus the batch in
 * flight".
 */
public interface GroupCommitStore {
  /** True when the store syncs to disk at all ({@code fsync_each_batch}); otherwise {@code append} is used. */
  boolean syncsToDisk();

  /** Commits the batch exactly as {@code OrderStore.append} does, without waiting for the disk. */
  Future<Void> commit(JournalBatch batch);

  /**
   * Makes every batch whose {@link #commit} completed before this call durable: one fsync of SQLite's write-ahead
   * log, or one PostgreSQL transaction committed with {@code synchronous_commit=on} (its WAL flush covers every
   * earlier commit).
   */
  Future<Void> sync();
}
