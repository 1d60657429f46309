package dev.ordertracker.core.store;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.store.EventsPage;
import dev.ordertracker.api.store.RecoveredState;
import dev.ordertracker.core.store.sqlite.SqliteOrderStore;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.ordertracker.core.store.StoreFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 in the middle of a stream, restart on the same data directory, feed again (as reconciliation would):
 * the final state equals the feed's truth, and the event journal is gapless, without duplicates, and holds exactly
 * the events of an uninterrupted reference run. Real processes (a separate JVM each), a real SQLite file.
 *
 * <p>With {@code fsync_each_batch} too (group commit: several batches per flush interval committed, one sync per
 * interval): every event the journal reported durable before the kill ({@code DURABLE} lines, its health's
 * {@code durable_sequence}) is in the file after it. A process kill cannot tell a synced commit from an unsynced one
 * (the OS keeps both); what it checks is that nothing is reported durable before it is committed, and that the
 * group commit path loses nothing and duplicates nothing across a kill.
 *
 * <p>The feed is a scripted stream of exchange reports with a known truth ({@link ScriptedFeed}); the simulator
 * and adapter modules cannot be test dependencies here (they depend on tracker-core).
 */
class KillNineRecoveryTest {
  private static final long SEED = 42;
  private static final int ORDERS = 600;

  @TempDir
  Path dir;
  Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() {
    await(vertx.close());
  }

  @ParameterizedTest(name = "fsync_each_batch={0}")
  @ValueSource(booleans = {false, true})
  void a_killed_tracker_restarts_where_its_journal_stopped_and_ends_in_the_true_state(boolean fsync)
      throws Exception {
    ScriptedFeed feed = ScriptedFeed.generate(SEED, ORDERS);
    Path reference = dir.resolve("reference");
    Path killed = dir.resolve("killed");

    Child ref = Child.start(reference, dir.resolve("reference.log"), fsync);
    ref.awaitLine("CLOSED", 120);
    assertThat(ref.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ref.process.exitValue()).isZero();

    Child victim = Child.start(killed, dir.resolve("killed-1.log"), fsync);
    int killAt = feed.updates().size() / 3;
    victim.awaitApplied(killAt, 120);
    // right after the journal reports a new durable sequence, so that a report that ran ahead of the commit (or
    // of the sync) would be caught with the batch still in flight
    victim.awaitLine("DURABLE ", 120);
    victim.process.destroyForcibly(); // SIGKILL: no shutdown hook, no final flush
    assertThat(victim.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(victim.sawLine("FED")).as("killed before the feed ended").isFalse();
    long reportedDurable = victim.lastDurable();
    assertThat(reportedDurable).as("the journal reported something durable before the kill").isPositive();

    List<OrderEvent> referenceEvents = allEvents(reference);
    long beforeRestart = lastSequence(killed);
    assertThat(beforeRestart).as("something was journaled before the kill").isPositive();
    assertThat(beforeRestart).as("the kill came before the end").isLessThan(referenceEvents.size());
    assertThat(beforeRestart).as("every event reported durable before the kill survived it")
        .isGreaterThanOrEqualTo(reportedDurable);

    Child restarted = Child.start(killed, dir.resolve("killed-2.log"), fsync);
    restarted.awaitLine("CLOSED", 120);
    assertThat(restarted.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(restarted.process.exitValue()).isZero();

    // Final state equals the truth, for every order.
    Map<OrderKey, TrackedOrder> state = finalState(killed);
    assertThat(state).hasSize(ORDERS);
    feed.truth().forEach((key, truth) -> {
      TrackedOrder o = state.get(key);
      assertThat(o).as(key.toString()).isNotNull();
      assertThat(o.status()).as(key + " status").isEqualTo(truth.status());
      assertThat(o.filledQuantity()).as(key + " filled").isEqualByComparingTo(truth.filled());
    });

    // The journal: 1..N, no gap, no duplicate, and per order the same events as the uninterrupted run.
    List<OrderEvent> events = allEvents(killed);
    assertThat(events).hasSameSizeAs(referenceEvents);
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).sequence()).isEqualTo(i + 1L);
    }
    assertThat(eventTypesByOrder(events)).isEqualTo(eventTypesByOrder(referenceEvents));
  }

  private Map<OrderKey, List<EventType>> eventTypesByOrder(List<OrderEvent> events) {
    Map<OrderKey, List<EventType>> out = new HashMap<>();
    events.forEach(e -> out.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.eventType()));
    return out;
  }

  private SqliteOrderStore open(Path dataDir) {
    SqliteOrderStore store = new SqliteOrderStore(vertx, dataDir.resolve(StoreOptions.DEFAULT_FILE_NAME), true, false);
    await(store.open());
    return store;
  }

  private long lastSequence(Path dataDir) {
    SqliteOrderStore store = open(dataDir);
    try {
      return await(store.lastSequence());
    } finally {
      await(store.close());
    }
  }

  private Map<OrderKey, TrackedOrder> finalState(Path dataDir) {
    SqliteOrderStore store = open(dataDir);
    try {
      RecoveredState s = await(store.recover(Integer.MAX_VALUE));
      Map<OrderKey, TrackedOrder> out = new HashMap<>();
      s.active().forEach(o -> out.put(o.key(), o));
      s.recentHistory().forEach(o -> out.put(o.key(), o));
      return out;
    } finally {
      await(store.close());
    }
  }

  private List<OrderEvent> allEvents(Path dataDir) {
    SqliteOrderStore store = open(dataDir);
    try {
      List<OrderEvent> out = new ArrayList<>();
      EventsPage page;
      long after = 0;
      do {
        page = await(store.eventsSince(after, 1000));
        out.addAll(page.events());
        after = page.nextAfter();
      } while (page.more());
      return out;
    } finally {
      await(store.close());
    }
  }

  /** A KillableTracker JVM with its stdout read line by line on a daemon thread. */
  private static final class Child {
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> seen = new ArrayList<>();

    private Child(Process process) {
      this.process = process;
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            lines.add(line);
          }
        } catch (java.io.IOException e) {
          lines.add("READ-FAILED " + e.getMessage());
        }
      }, "child-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    static Child start(Path dataDir, Path log, boolean fsync) throws Exception {
      Files.createDirectories(dataDir);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          KillableTracker.class.getName(), dataDir.toString(), Long.toString(SEED), Integer.toString(ORDERS),
          Boolean.toString(fsync));
      pb.redirectError(log.toFile());
      return new Child(pb.start());
    }

    void awaitLine(String prefix, int seconds) throws InterruptedException {
      awaitMatching(line -> line.startsWith(prefix), seconds, prefix);
    }

    void awaitApplied(int count, int seconds) throws InterruptedException {
      awaitMatching(line -> line.startsWith("APPLIED ") && Integer.parseInt(line.substring(8)) >= count, seconds,
          "APPLIED " + count);
    }

    /** The highest {@code DURABLE} sequence the child printed (0: none). */
    long lastDurable() {
      lines.drainTo(seen);
      return seen.stream().filter(l -> l.startsWith("DURABLE ")).mapToLong(l -> Long.parseLong(l.substring(8)))
          .max().orElse(0);
    }

    boolean sawLine(String prefix) {
      lines.drainTo(seen);
      return seen.stream().anyMatch(l -> l.startsWith(prefix));
    }

    private void awaitMatching(java.util.function.Predicate<String> match, int seconds, String what)
        throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null) {
          seen.add(line);
          if (match.test(line)) {
            return;
          }
        } else if (!process.isAlive() && lines.isEmpty()) {
          throw new AssertionError("child exited (" + process.exitValue() + ") before '" + what + "'; saw "
              + tail());
        }
      }
      process.destroyForcibly();
      throw new AssertionError("no '" + what + "' within " + seconds + " s; saw " + tail());
    }

    private List<String> tail() {
      return seen.subList(Math.max(0, seen.size() - 5), seen.size());
    }
  }
}
