package dev.ordertracker.core.store;

import dev.ordertracker.api.config.ConfigReader;
import dev.ordertracker.api.store.RetentionPolicy;
import dev.ordertracker.core.store.pg.PgOrderStore;
import dev.ordertracker.core.store.pg.PgUrl;
import dev.ordertracker.core.store.sqlite.SqliteOrderStore;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code store} object of the tracker's options: where order history is journaled and how. Unknown keys and
 * bad values are rejected with a message naming the key ({@code store.<key>}).
 *
 * <pre>
 *   type                       "sqlite" | "postgres"   "sqlite"
 *   data_dir                   string (sqlite)         required for sqlite: the directory of the database file
 *   file_name                  string (sqlite)         "orders.db"
 *   pg_url                     string (postgres)       required for postgres: postgresql://user:pass@host:port/db
 *   pg_schema                  string (postgres)       "order_tracker"
 *   pg_pool_size               int 1..64               4
 *   flush_interval_ms          long 1..60000           50     group commit: at most this long between flushes
 *   flush_max_records          int 1..100000           500    ... or as soon as this many records are pending
 *   journal_max_backlog        int 1..10000000         100000 records that may wait for the store; beyond it new
 *                                                             records are shed (counted, logged, health DOWN)
 *   fsync_each_batch           boolean                 false  true: fsync every batch (sqlite synchronous=FULL; pg
 *                                                             synchronous_commit=on), committed batches survive
 *                                                             power loss; false: a process kill loses no committed
 *                                                             batch, power loss may lose the last ones
 *   journal_max_age_ms         long &gt;= 0               0      0 = keep forever; else events and completed orders
 *                                                             older than this are removed
 *   journal_max_events         long &gt;= 0               0      0 = unbounded; else keep only the newest N events
 *   history_max_orders         long &gt;= 0               0      0 = unbounded; else keep only the newest N completed
 *   retention_interval_ms      long &gt;= 1000            60000  how often retention runs (in the background)
 *   start_fresh_on_corruption  boolean                 false  true: move a corrupt sqlite file aside and start empty
 *   check_on_open              boolean                 true   sqlite: PRAGMA quick_check at open (reads the file)
 *   history_service            boolean                 true   serve OrderHistoryService at &lt;prefix&gt;.history
 * </pre>
 */
public final class StoreOptions {
  public static final String TYPE = "type";
  public static final String DATA_DIR = "data_dir";
  public static final String FILE_NAME = "file_name";
  public static final String PG_URL = "pg_url";
  public static final String PG_SCHEMA = "pg_schema";
  public static final String PG_POOL_SIZE = "pg_pool_size";
  public static final String FLUSH_INTERVAL_MS = "flush_interval_ms";
  public static final String FLUSH_MAX_RECORDS = "flush_max_records";
  public static final String JOURNAL_MAX_BACKLOG = "journal_max_backlog";
  public static final String FSYNC_EACH_BATCH = "fsync_each_batch";
  public static final String JOURNAL_MAX_AGE_MS = "journal_max_age_ms";
  public static final String JOURNAL_MAX_EVENTS = "journal_max_events";
  public static final String HISTORY_MAX_ORDERS = "history_max_orders";
  public static final String RETENTION_INTERVAL_MS = "retention_interval_ms";
  public static final String START_FRESH_ON_CORRUPTION = "start_fresh_on_corruption";
  public static final String HISTORY_SERVICE = "history_service";
  public static final String CHECK_ON_OPEN = "check_on_open";

  public static final String TYPE_SQLITE = "sqlite";
  public static final String TYPE_POSTGRES = "postgres";
  public static final String DEFAULT_FILE_NAME = "orders.db";
  public static final String DEFAULT_PG_SCHEMA = "order_tracker";
  public static final int DEFAULT_PG_POOL_SIZE = 4;
  public static final long DEFAULT_FLUSH_INTERVAL_MS = 50;
  public static final int DEFAULT_FLUSH_MAX_RECORDS = 500;
  /** About 200 MB of snapshots and events at ~2 KB each: hours of a busy account. */
  public static final int DEFAULT_JOURNAL_MAX_BACKLOG = 100_000;
  public static final boolean DEFAULT_FSYNC_EACH_BATCH = false;
  public static final long DEFAULT_RETENTION_INTERVAL_MS = 60_000;

  private static final Set<String> KEYS = Set.of(TYPE, DATA_DIR, FILE_NAME, PG_URL, PG_SCHEMA, PG_POOL_SIZE,
      FLUSH_INTERVAL_MS, FLUSH_MAX_RECORDS, JOURNAL_MAX_BACKLOG, FSYNC_EACH_BATCH, JOURNAL_MAX_AGE_MS, JOURNAL_MAX_EVENTS,
      HISTORY_MAX_ORDERS, RETENTION_INTERVAL_MS, START_FRESH_ON_CORRUPTION, HISTORY_SERVICE, CHECK_ON_OPEN);

  private String type = TYPE_SQLITE;
  private String dataDir;
  private String fileName = DEFAULT_FILE_NAME;
  private String pgUrl;
  private String pgSchema = DEFAULT_PG_SCHEMA;
  private int pgPoolSize = DEFAULT_PG_POOL_SIZE;
  private long flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS;
  private int flushMaxRecords = DEFAULT_FLUSH_MAX_RECORDS;
  private int journalMaxBacklog = DEFAULT_JOURNAL_MAX_BACKLOG;
  private boolean fsyncEachBatch = DEFAULT_FSYNC_EACH_BATCH;
  private long journalMaxAgeMs;
  private long journalMaxEvents;
  private long historyMaxOrders;
  private long retentionIntervalMs = DEFAULT_RETENTION_INTERVAL_MS;
  private boolean startFreshOnCorruption;
  private boolean historyService = true;
  private boolean checkOnOpen = true;

  public StoreOptions() {
  }

  /** @throws IllegalArgumentException naming the key ({@code store.<key>}) for unknown keys and bad values */
  public StoreOptions(JsonObject json) {
    ConfigReader r = ConfigReader.of(json, "store.", KEYS, "store option");
    setType(r.text(TYPE, type));
    setDataDir(r.text(DATA_DIR, dataDir));
    setFileName(r.text(FILE_NAME, fileName));
    if (r.has(PG_URL)) {
      setPgUrl(r.text(PG_URL, null));
    }
    setPgSchema(r.text(PG_SCHEMA, pgSchema));
    setPgPoolSize(r.intValue(PG_POOL_SIZE, pgPoolSize, 1, 64));
    setFlushIntervalMs(r.longValue(FLUSH_INTERVAL_MS, flushIntervalMs, 1, 60_000));
    setFlushMaxRecords(r.intValue(FLUSH_MAX_RECORDS, flushMaxRecords, 1, 100_000));
    setJournalMaxBacklog(r.intValue(JOURNAL_MAX_BACKLOG, journalMaxBacklog, 1, 10_000_000));
    setFsyncEachBatch(r.bool(FSYNC_EACH_BATCH, fsyncEachBatch));
    setJournalMaxAgeMs(r.longValue(JOURNAL_MAX_AGE_MS, journalMaxAgeMs, 0, Long.MAX_VALUE));
    setJournalMaxEvents(r.longValue(JOURNAL_MAX_EVENTS, journalMaxEvents, 0, Long.MAX_VALUE));
    setHistoryMaxOrders(r.longValue(HISTORY_MAX_ORDERS, historyMaxOrders, 0, Long.MAX_VALUE));
    setRetentionIntervalMs(r.longValue(RETENTION_INTERVAL_MS, retentionIntervalMs, 1000, Long.MAX_VALUE));
    setStartFreshOnCorruption(r.bool(START_FRESH_ON_CORRUPTION, startFreshOnCorruption));
    setHistoryService(r.bool(HISTORY_SERVICE, historyService));
    setCheckOnOpen(r.bool(CHECK_ON_OPEN, checkOnOpen));
    validate();
  }

  /** Cross-field checks: what each store type requires. */
  public StoreOptions validate() {
    if (TYPE_SQLITE.equals(type) && (dataDir == null || dataDir.isBlank())) {
      throw new IllegalArgumentException("store." + DATA_DIR + " is required for the sqlite store");
    }
    if (TYPE_POSTGRES.equals(type) && (pgUrl == null || pgUrl.isBlank())) {
      throw new IllegalArgumentException("store." + PG_URL + " is required for the postgres store");
    }
    return this;
  }

  public String getType() {
    return type;
  }

  public StoreOptions setType(String value) {
    if (!TYPE_SQLITE.equals(value) && !TYPE_POSTGRES.equals(value)) {
      throw new IllegalArgumentException("store." + TYPE + ": '" + value + "', expected sqlite or postgres");
    }
    this.type = value;
    return this;
  }

  public String getDataDir() {
    return dataDir;
  }

  public StoreOptions setDataDir(String value) {
    this.dataDir = value;
    return this;
  }

  public String getFileName() {
    return fileName;
  }

  public StoreOptions setFileName(String value) {
    if (value.contains("/") || value.contains("\\")) {
      throw new IllegalArgumentException("store." + FILE_NAME + ": '" + value + "' must be a plain file name");
    }
    this.fileName = value;
    return this;
  }

  /** The SQLite database file: {@code data_dir/file_name}. */
  public Path sqliteFile() {
    return Path.of(dataDir).resolve(fileName);
  }

  public String getPgUrl() {
    return pgUrl;
  }

  /** @throws IllegalArgumentException when it is not a valid URL (the message shows it without the password) */
  public StoreOptions setPgUrl(String value) {
    PgUrl.parse(value);
    this.pgUrl = value;
    return this;
  }

  public String getPgSchema() {
    return pgSchema;
  }

  public StoreOptions setPgSchema(String value) {
    if (!value.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("store." + PG_SCHEMA + ": '" + value + "' must be lower-case letters, "
          + "digits and _");
    }
    this.pgSchema = value;
    return this;
  }

  public int getPgPoolSize() {
    return pgPoolSize;
  }

  public StoreOptions setPgPoolSize(int value) {
    this.pgPoolSize = value;
    return this;
  }

  public long getFlushIntervalMs() {
    return flushIntervalMs;
  }

  public StoreOptions setFlushIntervalMs(long value) {
    if (value < 1) {
      throw new IllegalArgumentException("store." + FLUSH_INTERVAL_MS + " must be positive, was " + value);
    }
    this.flushIntervalMs = value;
    return this;
  }

  public int getFlushMaxRecords() {
    return flushMaxRecords;
  }

  public StoreOptions setFlushMaxRecords(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("store." + FLUSH_MAX_RECORDS + " must be positive, was " + value);
    }
    this.flushMaxRecords = value;
    return this;
  }

  public int getJournalMaxBacklog() {
    return journalMaxBacklog;
  }

  public StoreOptions setJournalMaxBacklog(int value) {
    if (value < 1 || value > 10_000_000) {
      throw new IllegalArgumentException("store." + JOURNAL_MAX_BACKLOG + " must be 1..10000000, was " + value);
    }
    this.journalMaxBacklog = value;
    return this;
  }

  public boolean isFsyncEachBatch() {
    return fsyncEachBatch;
  }

  public StoreOptions setFsyncEachBatch(boolean value) {
    this.fsyncEachBatch = value;
    return this;
  }

  public long getJournalMaxAgeMs() {
    return journalMaxAgeMs;
  }

  public StoreOptions setJournalMaxAgeMs(long value) {
    this.journalMaxAgeMs = value;
    return this;
  }

  public long getJournalMaxEvents() {
    return journalMaxEvents;
  }

  public StoreOptions setJournalMaxEvents(long value) {
    this.journalMaxEvents = value;
    return this;
  }

  public long getHistoryMaxOrders() {
    return historyMaxOrders;
  }

  public StoreOptions setHistoryMaxOrders(long value) {
    this.historyMaxOrders = value;
    return this;
  }

  public long getRetentionIntervalMs() {
    return retentionIntervalMs;
  }

  public StoreOptions setRetentionIntervalMs(long value) {
    this.retentionIntervalMs = value;
    return this;
  }

  public boolean isStartFreshOnCorruption() {
    return startFreshOnCorruption;
  }

  public StoreOptions setStartFreshOnCorruption(boolean value) {
    this.startFreshOnCorruption = value;
    return this;
  }

  public boolean isHistoryService() {
    return historyService;
  }

  public StoreOptions setHistoryService(boolean value) {
    this.historyService = value;
    return this;
  }

  public boolean isCheckOnOpen() {
    return checkOnOpen;
  }

  public StoreOptions setCheckOnOpen(boolean value) {
    this.checkOnOpen = value;
    return this;
  }

  public RetentionPolicy retentionPolicy() {
    return new RetentionPolicy(journalMaxAgeMs, journalMaxEvents, historyMaxOrders);
  }

  /** For display and logs: {@code pg_url} comes out with its password redacted (as the adapter's secrets do). */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put(TYPE, type);
    if (dataDir != null) {
      json.put(DATA_DIR, dataDir).put(FILE_NAME, fileName);
    }
    if (pgUrl != null) {
      json.put(PG_URL, PgUrl.redact(pgUrl)).put(PG_SCHEMA, pgSchema).put(PG_POOL_SIZE, pgPoolSize);
    }
    return json.put(FLUSH_INTERVAL_MS, flushIntervalMs).put(FLUSH_MAX_RECORDS, flushMaxRecords)
        .put(JOURNAL_MAX_BACKLOG, journalMaxBacklog)
        .put(FSYNC_EACH_BATCH, fsyncEachBatch).put(JOURNAL_MAX_AGE_MS, journalMaxAgeMs)
        .put(JOURNAL_MAX_EVENTS, journalMaxEvents).put(HISTORY_MAX_ORDERS, historyMaxOrders)
        .put(RETENTION_INTERVAL_MS, retentionIntervalMs).put(START_FRESH_ON_CORRUPTION, startFreshOnCorruption)
        .put(HISTORY_SERVICE, historyService).put(CHECK_ON_OPEN, checkOnOpen);
  }

  /** The store these options describe (not yet opened). */
  public dev.ordertracker.api.store.OrderStore createStore(io.vertx.core.Vertx vertx) {
    validate();
    if (TYPE_POSTGRES.equals(type)) {
      return new PgOrderStore(vertx, pgUrl, pgSchema, fsyncEachBatch, pgPoolSize);
    }
    return new SqliteOrderStore(vertx, sqliteFile(), fsyncEachBatch, startFreshOnCorruption, checkOnOpen);
  }
}
