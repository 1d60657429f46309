package dev.ordertracker.core.store.sqlite;

import dev.ordertracker.api.store.AggregateQuery;
import dev.ordertracker.api.store.EventsPage;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.JournalRejectedException;
import dev.ordertracker.api.store.OrderAggregates;
import dev.ordertracker.api.store.OrderPage;
import dev.ordertracker.api.store.OrderQuery;
import dev.ordertracker.api.store.OrderStore;
import dev.ordertracker.api.store.RecoveredState;
import dev.ordertracker.api.store.RetentionPolicy;
import dev.ordertracker.api.store.RetentionResult;
import dev.ordertracker.api.store.StoreCorruptedException;
import dev.ordertracker.core.store.GroupCommitStore;
import dev.ordertracker.core.store.JournalRows;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded default store: one SQLite file in WAL mode (xerial sqlite-jdbc), no server.
 *
 * <p>Threads: all writes (appends, retention, recovery) run on a dedicated one-thread worker with its own
 * connection, in call order; queries run on a second one-thread worker with a read connection (WAL lets it read
 * while the writer commits). Nothing here runs on an event loop.
 *
 * <p>Durability: every {@link #append} is one transaction. With {@code fsyncEachBatch} the WAL is fsynced after
 * every append (what {@code synchronous=FULL} does): a committed batch survives power loss. Without it
 * ({@code synchronous=NORMAL}) a committed batch survives a process kill (the OS has it) but the last batches may be
 * lost on power loss. Group commit ({@link GroupCommitStore}): {@link #commit} is the same transaction without the
 * fsync, {@link #sync} one fsync of the WAL file (and, the first time, of its directory) on the writer thread,
 * after every commit before it. The connection runs {@code synchronous=NORMAL} either way, so SQLite's own syncs
 * (at checkpoints: the WAL before, the database after) are unchanged.
 *
 * <p>Refusals: a record that cannot be encoded, or that SQLite refuses for its content ({@code TOOBIG},
 * {@code CONSTRAINT}, {@code MISMATCH}, {@code RANGE}), fails the append with {@link JournalRejectedException}
 * (permanent: the journal quarantines it); anything else is transient.
 */
public final class SqliteOrderStore implements OrderStore, GroupCommitStore {
  private static final Logger LOG = Logger.getLogger(SqliteOrderStore.class.getName());
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path file;
  private final boolean fsyncEachBatch;
  private final boolean startFreshOnCorruption;
  private final boolean checkOnOpen;
  private final WorkerExecutor writer;
  private final WorkerExecutor reader;
  private Connection writeConnection;
  private Connection readConnection;
  private volatile Path movedAside;
  private boolean directorySynced;

  public SqliteOrderStore(Vertx vertx, Path file, boolean fsyncEachBatch, boolean startFreshOnCorruption) {
    this(vertx, file, fsyncEachBatch, startFreshOnCorruption, true);
  }

  /**
   * @param checkOnOpen run {@code PRAGMA quick_check} at open (reads the whole file: seconds for gigabytes). Without
   *                    it a file that is not a database still fails the open; damage elsewhere shows up when read.
   */
  public SqliteOrderStore(Vertx vertx, Path file, boolean fsyncEachBatch, boolean startFreshOnCorruption,
                          boolean checkOnOpen) {
    this.checkOnOpen = checkOnOpen;
    this.file = file.toAbsolutePath();
    this.fsyncEachBatch = fsyncEachBatch;
    this.startFreshOnCorruption = startFreshOnCorruption;
    int id = IDS.incrementAndGet();
    this.writer = vertx.createSharedWorkerExecutor("order-store-writer-" + id, 1, 10, TimeUnit.MINUTES);
    this.reader = vertx.createSharedWorkerExecutor("order-store-reader-" + id, 1, 10, TimeUnit.MINUTES);
  }

  public Path file() {
    return file;
  }

  /** Where a corrupt file was moved by {@code startFreshOnCorruption}, or null. */
  public Path movedAside() {
    return movedAside;
  }

  @Override
  public String describe() {
    return "sqlite:" + file;
  }

  @Override
  public Future<Void> open() {
    return onWriter(() -> {
      Files.createDirectories(file.getParent());
      try {
        openConnections();
      } catch (StoreCorruptedException e) {
        if (!startFreshOnCorruption) {
          throw e;
        }
        closeConnections();
        moveAside();
        openConnections();
      }
      return null;
    });
  }

  @Override
  public Future<Void> append(JournalBatch batch) {
    return onWriter(() -> {
      write(batch);
      if (fsyncEachBatch) {
        syncWal();
      }
      return null;
    });
  }

  @Override
  public boolean syncsToDisk() {
    return fsyncEachBatch;
  }

  @Override
  public Future<Void> commit(JournalBatch batch) {
    return onWriter(() -> {
      write(batch);
      return null;
    });
  }

  @Override
  public Future<Void> sync() {
    return onWriter(() -> {
      syncWal();
      return null;
    });
  }

  private void write(JournalBatch batch) throws SQLException {
    JournalRows rows = JournalRows.encode(batch);
    try {
      SqliteJournal.append(writeConnection(), rows);
    } catch (SQLException e) {
      if (refusedForGood(e)) {
        throw new JournalRejectedException(code(e), "sqlite refused the batch", e);
      }
      throw e;
    }
  }

  /**
   * Forces the write-ahead log to disk: every frame written so far, so every transaction committed so far (on the
   * writer thread, so no checkpoint runs meanwhile). A new WAL file's directory entry is synced once, as SQLite
   * does for a file it creates.
   */
  private void syncWal() throws IOException {
    writeConnection(); // fails when closed
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    if (!Files.exists(wal)) {
      return; // nothing committed since the log was checkpointed away: the database file has it, synced
    }
    try (FileChannel channel = FileChannel.open(wal, StandardOpenOption.READ)) {
      channel.force(false);
    }
    if (!directorySynced) {
      try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
        dir.force(true);
      }
      directorySynced = true;
    }
  }

  /** The database refuses the data itself (too big, a constraint, a type): retrying cannot help. */
  private static boolean refusedForGood(SQLException e) {
    if (!(e instanceof SQLiteException)) {
      return false;
    }
    int primary = ((SQLiteException) e).getResultCode().code & 0xff;
    return primary == SQLiteErrorCode.SQLITE_TOOBIG.code || primary == SQLiteErrorCode.SQLITE_CONSTRAINT.code
        || primary == SQLiteErrorCode.SQLITE_MISMATCH.code || primary == SQLiteErrorCode.SQLITE_RANGE.code;
  }

  private static String code(SQLException e) {
    return ((SQLiteException) e).getResultCode().name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public Future<RecoveredState> recover(int historyLimit) {
    return onWriter(() -> SqliteJournal.recover(writeConnection(), historyLimit));
  }

  @Override
  public Future<Long> lastSequence() {
    return onWriter(() -> SqliteJournal.lastSequence(writeConnection()));
  }

  @Override
  public Future<EventsPage> eventsSince(long afterSequence, int limit) {
    if (limit < 1 || limit > MAX_EVENTS_PER_PAGE) {
      return Future.failedFuture(new IllegalArgumentException("limit must be 1.." + MAX_EVENTS_PER_PAGE
          + ", was " + limit));
    }
    return onReader(() -> SqliteJournal.eventsSince(readConnection(), afterSequence, limit));
  }

  @Override
  public Future<OrderPage> queryOrders(OrderQuery query) {
    return onReader(() -> SqliteJournal.query(readConnection(), query));
  }

  @Override
  public Future<OrderAggregates> aggregates(AggregateQuery query) {
    return onReader(() -> SqliteJournal.aggregates(readConnection(), query));
  }

  /** Rows removed per retention step; journal batches queued meanwhile run between steps. */
  public static final int RETENTION_CHUNK = 5_000;

  @Override
  public Future<RetentionResult> enforceRetention(RetentionPolicy policy) {
    return retentionFrom(policy, System.currentTimeMillis(), RetentionResult.NOTHING);
  }

  private Future<RetentionResult> retentionFrom(RetentionPolicy policy, long nowMs, RetentionResult sofar) {
    return onWriter(() -> SqliteJournal.retentionStep(writeConnection(), policy, nowMs, RETENTION_CHUNK))
        .compose(step -> {
          RetentionResult total = new RetentionResult(sofar.eventsDeleted() + step.eventsDeleted(),
              sofar.ordersDeleted() + step.ordersDeleted());
          return step.eventsDeleted() + step.ordersDeleted() == 0 ? Future.succeededFuture(total)
              : retentionFrom(policy, nowMs, total);
        });
  }

  @Override
  public Future<Void> close() {
    // The reader first (queries may still be running), then the writer after every queued append.
    return onReader(() -> {
      closeQuietly(readConnection);
      readConnection = null;
      return null;
    }).transform(r -> onWriter(() -> {
      if (writeConnection != null) {
        try (Statement s = writeConnection.createStatement()) {
          s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
          LOG.log(Level.WARNING, "order store " + file + ": checkpoint at close failed: " + e.getMessage());
        }
      }
      closeQuietly(writeConnection);
      writeConnection = null;
      return null;
    })).eventually(() -> {
      writer.close();
      reader.close();
      return Future.succeededFuture();
    }).mapEmpty();
  }

  private void openConnections() throws SQLException {
    try {
      writeConnection = connect(false);
      if (checkOnOpen) {
        check(writeConnection);
      }
      SqliteJournal.createSchema(writeConnection);
      readConnection = connect(true);
      readConnection.setAutoCommit(false);
    } catch (SQLException e) {
      closeConnections();
      if (isCorruption(e)) {
        throw new StoreCorruptedException(file, e.getMessage(), e);
      }
      throw new SQLException("order store " + file + ": cannot open: " + e.getMessage(), e);
    }
  }

  private Connection connect(boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    if (!readOnly) {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL); // persistent in the file; readers just follow it
    }
    // NORMAL either way: with fsyncEachBatch the store forces the WAL itself after each append, or once per group
    // of commits (syncWal), which is what FULL does at every commit.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-32_768); // KiB: index pages of a large journal stay in memory
    config.setReadOnly(readOnly);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  /** A quick structural check: a damaged file must fail here, not later in the middle of a batch. */
  private void check(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
      String first = rs.next() ? rs.getString(1) : "no answer";
      if (!"ok".equalsIgnoreCase(first)) {
        throw new StoreCorruptedException(file, "quick_check: " + first, null);
      }
    }
  }

  private static boolean isCorruption(SQLException e) {
    if (e instanceof SQLiteException) {
      SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
      int primary = code.code & 0xff;
      return primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code;
    }
    return false;
  }

  private void moveAside() throws IOException {
    String suffix = ".corrupt-" + STAMP.format(java.time.Instant.now());
    Path target = file.resolveSibling(file.getFileName() + suffix);
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    for (String side : new String[] {"-wal", "-shm"}) {
      Path p = file.resolveSibling(file.getFileName() + side);
      if (Files.exists(p)) {
        Files.move(p, target.resolveSibling(target.getFileName() + side), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    movedAside = target;
    LOG.severe("order store " + file + " was corrupt or unreadable: MOVED ASIDE to " + target
        + " (start_fresh_on_corruption=true); starting with an EMPTY store. Recover it by hand if needed.");
  }

  private void closeConnections() {
    closeQuietly(readConnection);
    closeQuietly(writeConnection);
    readConnection = null;
    writeConnection = null;
  }

  private void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "order store " + file + ": close failed: " + e.getMessage());
    }
  }

  private <T> Future<T> onWriter(Callable<T> task) {
    return writer.executeBlocking(task, true);
  }

  private <T> Future<T> onReader(Callable<T> task) {
    return reader.executeBlocking(task, true);
  }

  private Connection writeConnection() {
    if (writeConnection == null) {
      throw new IllegalStateException("order store " + file + " is not open");
    }
    return writeConnection;
  }

  private Connection readConnection() {
    if (readConnection == null) {
      throw new IllegalStateException("order store " + file + " is not open");
    }
    return readConnection;
  }
}
