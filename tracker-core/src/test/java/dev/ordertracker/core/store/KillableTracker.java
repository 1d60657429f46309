package dev.ordertracker.core.store;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.Fields;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderTrackerService;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateResult;
import dev.ordertracker.api.store.OrderHistory;
import dev.ordertracker.core.OrderTrackerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The process that {@link KillNineRecoveryTest} kills: a tracker with the SQLite store in {@code args[0]}, fed the
 * {@link ScriptedFeed} of seed {@code args[1]} with {@code args[2]} orders, from its first report (a restarted
 * tracker is fed everything again, as reconciliation with the exchange would), {@code fsync_each_batch} =
 * {@code args[3]}. Prints {@code APPLIED <n>} as it goes and {@code DURABLE <sequence>} each time the journal's
 * health reports a higher durable sequence (what it promises survives a crash), {@code FED} at the end, then stops
 * cleanly (flushing the journal) and prints {@code CLOSED}.
 */
public final class KillableTracker {
  /** Updates applied before the feed waits for the journal's first commit (well before the kill). */
  private static final int FIRST_BATCH_AFTER = 100;
  private KillableTracker() {
  }

  public static void main(String[] args) throws Exception {
    String dataDir = args[0];
    long seed = Long.parseLong(args[1]);
    int orders = Integer.parseInt(args[2]);
    boolean fsync = args.length > 3 && Boolean.parseBoolean(args[3]);
    Vertx vertx = Vertx.vertx();
    // flush_max_records 50: several batches per flush interval, so that group commit (fsync) leaves commits
    // waiting for the interval's sync when the kill comes
    JsonObject config = new JsonObject().put("store", new JsonObject()
        .put("data_dir", dataDir)
        .put("flush_interval_ms", 50)
        .put("flush_max_records", 50)
        .put("fsync_each_batch", fsync));
    get(vertx.deployVerticle(new OrderTrackerVerticle(), new DeploymentOptions().setConfig(config)));
    System.out.println("STARTED");
    OrderTracker tracker = OrderTracker.create(vertx);
    OrderTrackerService service = OrderTrackerService.createProxy(vertx, Addresses.defaults().tracker());
    long durable = 0;
    List<OrderUpdate> feed = ScriptedFeed.generate(seed, orders).updates();
    List<Future<UpdateResult>> window = new ArrayList<>();
    for (int i = 0; i < feed.size(); i++) {
      window.add(tracker.applyUpdate(feed.get(i)));
      if (window.size() == 10) {
        for (Future<UpdateResult> f : window) {
          get(f);
        }
        window.clear();
        System.out.println("APPLIED " + (i + 1));
        long now = get(service.getStats()).getJsonObject(Fields.HEALTH).getJsonObject(Fields.HEALTH_JOURNAL)
            .getLong(Fields.DURABLE_SEQUENCE);
        if (now > durable) {
          durable = now;
          System.out.println("DURABLE " + durable);
        }
        System.out.flush();
        if (i + 1 == FIRST_BATCH_AFTER) {
          awaitJournaled(vertx);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // a feed rate, so that a kill lands mid-stream
      }
    }
    for (Future<UpdateResult> f : window) {
      get(f);
    }
    System.out.println("FED " + feed.size());
    get(vertx.close());
    System.out.println("CLOSED");
    System.out.flush();
    System.exit(0);
  }

  /**
   * Waits (once, early in the feed) until the journal has committed something, so that a kill at a third of the feed
   * always finds a journal to continue from, however slowly a loaded machine runs this process' first batch.
   */
  private static void awaitJournaled(Vertx vertx) throws Exception {
    OrderHistory history = OrderHistory.create(vertx);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (get(history.eventsSince(0, 1)).lastSequence() == 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
