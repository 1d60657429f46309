package dev.ordertracker.core.store;

import dev.ordertracker.api.store.AggregateQuery;
import dev.ordertracker.api.store.EventsPage;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.OrderAggregates;
import dev.ordertracker.api.store.OrderPage;
import dev.ordertracker.api.store.OrderQuery;
import dev.ordertracker.api.store.OrderStore;
import dev.ordertracker.api.store.RecoveredState;
import dev.ordertracker.api.store.RetentionPolicy;
import dev.ordertracker.api.store.RetentionResult;
import dev.ordertracker.core.store.sqlite.SqliteOrderStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.List;

/**
 * A real SQLite store (fsync on) whose group-commit syncs are held until the test releases them, so a test can act
 * while a sync is in flight. Syncs are counted; everything else is the store's.
 */
final class HeldSyncStore implements OrderStore, GroupCommitStore {
  private final SqliteOrderStore store;
  private final List<Promise<Void>> held = new ArrayList<>();
  volatile int syncCalls;

  HeldSyncStore(SqliteOrderStore store) {
    this.store = store;
  }

  /** Lets every held sync go on (call on the writer's context). */
  void release() {
    List<Promise<Void>> go = new ArrayList<>(held);
    held.clear();
    go.forEach(p -> store.sync().onComplete(p));
  }

  @Override
  public boolean syncsToDisk() {
    return true;
  }

  @Override
  public Future<Void> commit(JournalBatch batch) {
    return store.commit(batch);
  }

  @Override
  public Future<Void> sync() {
    syncCalls++;
    Promise<Void> p = Promise.promise();
    held.add(p);
    return p.future();
  }

  @Override
  public Future<Void> open() {
    return store.open();
  }

  @Override
  public Future<Void> append(JournalBatch batch) {
    return store.append(batch);
  }

  @Override
  public Future<RecoveredState> recover(int historyLimit) {
    return store.recover(historyLimit);
  }

  @Override
  public Future<Long> lastSequence() {
    return store.lastSequence();
  }

  @Override
  public Future<EventsPage> eventsSince(long afterSequence, int limit) {
    return store.eventsSince(afterSequence, limit);
  }

  @Override
  public Future<OrderPage> queryOrders(OrderQuery query) {
    return store.queryOrders(query);
  }

  @Override
  public Future<OrderAggregates> aggregates(AggregateQuery query) {
    return store.aggregates(query);
  }

  @Override
  public Future<RetentionResult> enforceRetention(RetentionPolicy policy) {
    return store.enforceRetention(policy);
  }

  @Override
  public Future<Void> close() {
    return store.close();
  }

  @Override
  public String describe() {
    return "held-sync " + store.describe();
  }
}
