package dev.ordertracker.core.store.pg;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
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
import dev.ordertracker.core.store.FilterSql;
import dev.ordertracker.core.store.GroupCommitStore;
import dev.ordertracker.core.store.JournalRows;
import dev.ordertracker.core.store.OrderRow;
import dev.ordertracker.core.store.StoreDocs;
import dev.ordertracker.core.store.StoreSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The cluster store: the same tables as the SQLite store in a PostgreSQL schema, through the non-blocking
 * vertx-pg-client. The I/O never blocks; the CPU work around it — encoding a batch to JSON, parsing pages of rows
 * (up to 10,000 events) back into the model — runs on a worker ({@code executeBlocking}), never on the caller's
 * event loop, which is the tracker's. Use it when history must survive the loss of a node: any node that takes
 * over the tracker recovers from the same database.
 *
 * <p>Refusals: a record that cannot be encoded, or that the server refuses for its content (SQLSTATE class 22, 23,
 * 54), fails the append with {@link JournalRejectedException} (permanent: the journal quarantines it); anything
 * else is transient. At open the {@code schema_version} is checked as the SQLite store does.
 *
 * <p>Every {@link #append} is one transaction of two multi-row statements (the rows' columns as arrays,
 * {@code unnest}ed: see {@link OrderRowChunks} for when the orders take more than one); appends are chained so that
 * they commit in call order. With {@code fsyncEachBatch=false} the transaction commits with
 * {@code synchronous_commit=off} (a server crash may lose the last few hundred milliseconds; a tracker crash loses
 * nothing committed). Decimals are NUMERIC (exact sums in SQL); times are epoch milliseconds.
 *
 * <p>Group commit ({@link GroupCommitStore}, with {@code fsyncEachBatch}): {@link #commit} is the append's
 * transaction with {@code synchronous_commit=off}, {@link #sync} one small transaction committed with
 * {@code synchronous_commit=on}: the server flushes its WAL up to that commit, which covers every earlier commit.
 * It runs on its own connection, beside the next batch's transaction.
 */
public final class PgOrderStore implements OrderStore, GroupCommitStore {
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  /**
   * A batch's snapshots as one statement: arrays of column values, one per column, unnested into rows. One
   * statement per batch instead of one execution per row ({@code executeBatch}): the server's work per statement
   * (bind, portal, executor start and end) was about a fifth of its CPU per change (measured: 35 → 25–28 µs per
   * tracker report).
   */
  private static final String UPSERT_ORDERS = "INSERT INTO orders (symbol, order_id, account, status, is_final, "
      + "created_at, updated_at, time_to_fill_ms, filled_quantity, notional, doc) "
      + "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::bigint[], "
      + "$7::bigint[], $8::bigint[], $9::numeric[], $10::numeric[], $11::text[]) "
      + "ON CONFLICT (symbol, order_id) DO UPDATE SET "
      + "account = excluded.account, status = excluded.status, is_final = excluded.is_final, "
      + "created_at = excluded.created_at, updated_at = excluded.updated_at, "
      + "time_to_fill_ms = excluded.time_to_fill_ms, filled_quantity = excluded.filled_quantity, "
      + "notional = excluded.notional, doc = excluded.doc";
  private static final String INSERT_EVENTS = "INSERT INTO events (seq, event_time, doc) "
      + "SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[]) ON CONFLICT (seq) DO NOTHING";
  private static final String PUT_META = "INSERT INTO meta (key, value) VALUES ($1, $2) "
      + "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  private static final String PUT_LAST_SEQUENCE = "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) "
      + "DO UPDATE SET value = greatest(meta.value::bigint, excluded.value::bigint)::text";
  private static final String ORDER_BY = " ORDER BY created_at DESC, symbol COLLATE \"C\", order_id COLLATE \"C\"";

  private final Vertx vertx;
  private final PgConnectOptions connectOptions;
  private final String schema;
  private final boolean fsyncEachBatch;
  private final int poolSize;
  private Pool pool;
  private Future<Void> tail = Future.succeededFuture();

  /**
   * @param url    {@code postgresql://user:password@host:port/database}
   * @param schema the schema holding the tables (created when missing), lower-case letters, digits, underscore
   */
  public PgOrderStore(Vertx vertx, String url, String schema, boolean fsyncEachBatch, int poolSize) {
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException("schema: '" + schema + "' must be lower-case letters, digits and _");
    }
    this.vertx = vertx;
    this.connectOptions = PgUrl.parse(url);
    this.connectOptions.addProperty("search_path", schema);
    this.connectOptions.addProperty("application_name", "vertx-order-tracker");
    this.schema = schema;
    this.fsyncEachBatch = fsyncEachBatch;
    this.poolSize = poolSize;
  }

  @Override
  public String describe() {
    return "postgresql://" + connectOptions.getUser() + "@" + connectOptions.getHost() + ":"
        + connectOptions.getPort() + "/" + connectOptions.getDatabase() + " (schema " + schema + ")";
  }

  @Override
  public Future<Void> open() {
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(poolSize)).connectingTo(connectOptions)
        .using(vertx).build();
    String[] ddl = {
        "CREATE SCHEMA IF NOT EXISTS " + schema,
        "CREATE TABLE IF NOT EXISTS orders (symbol TEXT NOT NULL, order_id TEXT NOT NULL, account TEXT, "
            + "status TEXT NOT NULL, is_final BOOLEAN NOT NULL, created_at BIGINT NOT NULL, "
            + "updated_at BIGINT NOT NULL, time_to_fill_ms BIGINT, filled_quantity NUMERIC NOT NULL, "
            + "notional NUMERIC NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (symbol, order_id))",
        "CREATE INDEX IF NOT EXISTS orders_final_updated ON orders (is_final, updated_at)",
        "CREATE INDEX IF NOT EXISTS orders_created ON orders (created_at)",
        "CREATE TABLE IF NOT EXISTS events (seq BIGINT PRIMARY KEY, event_time BIGINT NOT NULL, doc TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS events_time ON events (event_time)",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    };
    // Two trackers racing to create the schema: serialise DDL with an advisory lock inside one transaction.
    return pool.withTransaction(conn -> {
      Future<?> f = conn.query("SELECT pg_advisory_xact_lock(727172)").execute();
      for (String sql : ddl) {
        f = f.compose(v -> conn.query(sql).execute());
      }
      return f.compose(v -> conn.preparedQuery("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING")
          .execute(Tuple.of(StoreSchema.META_SCHEMA, Integer.toString(StoreSchema.SCHEMA_VERSION))))
          .compose(v -> conn.preparedQuery("SELECT value FROM meta WHERE key = $1")
              .execute(Tuple.of(StoreSchema.META_SCHEMA)))
          .compose(rs -> {
            // As the SQLite store: a schema written by another (newer) version is refused, never written into.
            String version = rs.iterator().next().getString(0);
            return Integer.toString(StoreSchema.SCHEMA_VERSION).equals(version) ? Future.succeededFuture()
                : Future.failedFuture("schema version " + version + " is not supported (expected "
                    + StoreSchema.SCHEMA_VERSION + "): the schema " + schema + " was written by another version "
                    + "of the tracker; use another pg_schema or a matching tracker");
          });
    }).<Void>mapEmpty().recover(e -> Future.failedFuture(
        new IllegalStateException("order store " + describe() + ": cannot open: " + e.getMessage(), e)));
  }

  @Override
  public Future<Void> append(JournalBatch batch) {
    return append(batch, fsyncEachBatch);
  }

  private Future<Void> append(JournalBatch batch, boolean synchronous) {
    Future<Void> result = tail.transform(ignored -> encode(batch)
        .compose(rows -> pool.withTransaction(conn -> write(conn, rows, synchronous)))
        .recover(e -> Future.failedFuture(classify(e))));
    tail = result.recover(e -> Future.succeededFuture());
    return result;
  }

  @Override
  public boolean syncsToDisk() {
    return fsyncEachBatch;
  }

  @Override
  public Future<Void> commit(JournalBatch batch) {
    return append(batch, false);
  }

  @Override
  public Future<Void> sync() {
    // txid_current() gives the transaction an id, so its commit writes a commit record and, synchronous, waits
    // for the WAL flush up to it (a transaction without one commits without touching the WAL).
    return pool.withTransaction(conn -> conn.query("SET LOCAL synchronous_commit = on").execute()
        .compose(v -> conn.query("SELECT txid_current()").execute())).mapEmpty();
  }

  private Future<Void> write(SqlConnection conn, JournalRows batch, boolean synchronous) {
    Future<?> f = synchronous ? Future.succeededFuture()
        : conn.query("SET LOCAL synchronous_commit = off").execute();
    for (List<OrderRow> part : OrderRowChunks.split(batch.orders())) {
      Tuple columns = orderColumns(part);
      f = f.compose(v -> conn.preparedQuery(UPSERT_ORDERS).execute(columns));
    }
    List<JournalRows.EventRow> events = batch.events();
    for (int from = 0; from < events.size(); from += OrderRowChunks.MAX_ROWS) {
      Tuple columns = eventColumns(events.subList(from, Math.min(events.size(), from + OrderRowChunks.MAX_ROWS)));
      f = f.compose(v -> conn.preparedQuery(INSERT_EVENTS).execute(columns));
    }
    if (batch.counters() != null) {
      f = f.compose(v -> conn.preparedQuery(PUT_META).execute(Tuple.of(StoreSchema.META_COUNTERS,
          batch.counters())));
    }
    if (batch.maxSequence() > 0) {
      String last = Long.toString(batch.maxSequence());
      f = f.compose(v -> conn.preparedQuery(PUT_LAST_SEQUENCE)
          .execute(Tuple.of(StoreSchema.META_LAST_SEQUENCE, last)));
    }
    return f.mapEmpty();
  }

  /** {@link #UPSERT_ORDERS}'s parameters: one array per column. */
  private static Tuple orderColumns(List<OrderRow> rows) {
    int n = rows.size();
    String[] symbol = new String[n];
    String[] orderId = new String[n];
    String[] account = new String[n];
    String[] status = new String[n];
    Boolean[] isFinal = new Boolean[n];
    Long[] created = new Long[n];
    Long[] updated = new Long[n];
    Long[] timeToFill = new Long[n];
    BigDecimal[] filled = new BigDecimal[n];
    BigDecimal[] notional = new BigDecimal[n];
    String[] doc = new String[n];
    for (int i = 0; i < n; i++) {
      OrderRow r = rows.get(i);
      symbol[i] = r.symbol();
      orderId[i] = r.orderId();
      account[i] = r.account();
      status[i] = r.status().name();
      isFinal[i] = r.isFinal();
      created[i] = r.createdMs();
      updated[i] = r.updatedMs();
      timeToFill[i] = r.timeToFillMs();
      filled[i] = r.filledQuantity();
      notional[i] = r.notional();
      doc[i] = r.doc();
    }
    return Tuple.tuple().addArrayOfString(symbol).addArrayOfString(orderId).addArrayOfString(account)
        .addArrayOfString(status).addArrayOfBoolean(isFinal).addArrayOfLong(created).addArrayOfLong(updated)
        .addArrayOfLong(timeToFill).addArrayOfBigDecimal(filled).addArrayOfBigDecimal(notional)
        .addArrayOfString(doc);
  }

  /** {@link #INSERT_EVENTS}'s parameters (a repeated sequence is harmless: DO NOTHING). */
  private static Tuple eventColumns(List<JournalRows.EventRow> rows) {
    int n = rows.size();
    Long[] seq = new Long[n];
    Long[] time = new Long[n];
    String[] doc = new String[n];
    for (int i = 0; i < n; i++) {
      JournalRows.EventRow e = rows.get(i);
      seq[i] = e.sequence();
      time[i] = e.eventMillis();
      doc[i] = e.doc();
    }
    return Tuple.tuple().addArrayOfLong(seq).addArrayOfLong(time).addArrayOfString(doc);
  }

  /**
   * SQLSTATE classes where the server refuses the data itself, so the same batch would fail forever: 22 data
   * exception (e.g. 22003 numeric overflow), 23 integrity constraint, 54 program limit exceeded.
   */
  /** Encoding (JSON of every snapshot and event) runs on a worker, never on the tracker's event loop. */
  private Future<JournalRows> encode(JournalBatch batch) {
    return vertx.executeBlocking(() -> JournalRows.encode(batch), false);
  }

  private static Throwable classify(Throwable e) {
    if (e instanceof PgException pg && pg.getSqlState() != null
        && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23")
        || pg.getSqlState().startsWith("54"))) {
      return new JournalRejectedException("pg_" + pg.getSqlState(), "postgresql refused the batch", e);
    }
    return e;
  }

  @Override
  public Future<RecoveredState> recover(int historyLimit) {
    // Recovery may parse hundreds of thousands of snapshots: off the event loop, on a worker.
    Future<List<TrackedOrder>> active = texts("SELECT doc FROM orders WHERE NOT is_final "
        + "ORDER BY created_at, symbol COLLATE \"C\", order_id COLLATE \"C\"", Tuple.tuple())
        .compose(this::parseOrders);
    Future<List<TrackedOrder>> history = historyLimit <= 0 ? Future.succeededFuture(List.<TrackedOrder>of())
        : texts("SELECT doc FROM orders WHERE is_final ORDER BY updated_at DESC, symbol COLLATE \"C\" DESC, "
            + "order_id COLLATE \"C\" DESC LIMIT $1", Tuple.of(historyLimit)).compose(docs -> {
              List<String> oldestFirst = new ArrayList<>(docs);
              Collections.reverse(oldestFirst);
              return parseOrders(oldestFirst);
            });
    Future<String> counters = meta(StoreSchema.META_COUNTERS);
    return Future.all(active, history, counters, lastSequence()).map(v -> new RecoveredState(active.result(),
        history.result(), v.resultAt(3), counters.result() == null ? null : StoreDocs.stats(counters.result())));
  }

  @Override
  public Future<Long> lastSequence() {
    return pool.query("SELECT greatest(coalesce((SELECT max(seq) FROM events), 0), "
        + "coalesce((SELECT value::bigint FROM meta WHERE key = 'last_sequence'), 0))").execute()
        .map(rs -> rs.iterator().next().getLong(0));
  }

  @Override
  public Future<EventsPage> eventsSince(long afterSequence, int limit) {
    if (limit < 1 || limit > MAX_EVENTS_PER_PAGE) {
      return Future.failedFuture(new IllegalArgumentException("limit must be 1.." + MAX_EVENTS_PER_PAGE
          + ", was " + limit));
    }
    Future<List<String>> docs = texts("SELECT doc FROM events WHERE seq > $1 ORDER BY seq LIMIT $2",
        Tuple.of(afterSequence, limit + 1));
    Future<Long> last = lastSequence();
    Future<Long> first = pool.query("SELECT coalesce(min(seq), 0) FROM events").execute()
        .map(rs -> rs.iterator().next().getLong(0));
    return Future.all(docs, last, first).compose(v -> {
      boolean more = docs.result().size() > limit;
      List<String> page = more ? docs.result().subList(0, limit) : docs.result();
      // Up to 10,000 events of JSON: parsed on a worker, never on the caller's (the tracker's) event loop.
      return vertx.executeBlocking(() -> StoreDocs.events(page), false).map(events -> {
        long lastSeq = last.result();
        long firstSeq = first.result() == 0 ? lastSeq + 1 : first.result();
        return new EventsPage(afterSequence, events, lastSeq, firstSeq, more,
            afterSequence + 1 < firstSeq && afterSequence < lastSeq);
      });
    });
  }

  @Override
  public Future<OrderPage> queryOrders(OrderQuery query) {
    FilterSql f = FilterSql.of(query.filter());
    Future<Long> total = pool.preparedQuery(FilterSql.numbered("SELECT count(*) FROM orders" + f.where))
        .execute(Tuple.from(f.params)).map(rs -> rs.iterator().next().getLong(0));
    List<Object> params = new ArrayList<>(f.params);
    params.add(query.pageSize());
    params.add(query.offset());
    Future<List<TrackedOrder>> orders = texts(
        FilterSql.numbered("SELECT doc FROM orders" + f.where + ORDER_BY + " LIMIT ? OFFSET ?"), Tuple.from(params))
        .compose(this::parseOrders);
    return Future.all(total, orders).map(v ->
        new OrderPage(orders.result(), query.page(), query.pageSize(), total.result()));
  }

  @Override
  public Future<OrderAggregates> aggregates(AggregateQuery query) {
    FilterSql f = FilterSql.of(query.filter());
    Tuple params = Tuple.from(f.params);
    Future<RowSet<Row>> byStatus = pool.preparedQuery(FilterSql.numbered(
        "SELECT status, count(*) FROM orders" + f.where + " GROUP BY status")).execute(params);
    Future<RowSet<Row>> bySymbol = pool.preparedQuery(FilterSql.numbered(
        "SELECT symbol, count(*) FROM orders" + f.where + " GROUP BY symbol")).execute(params);
    Future<RowSet<Row>> volumes = pool.preparedQuery(FilterSql.numbered(
        "SELECT symbol, sum(filled_quantity), sum(notional) FROM orders" + f.and("filled_quantity > 0")
            + " GROUP BY symbol")).execute(params);
    Future<RowSet<Row>> ttf = pool.preparedQuery(FilterSql.numbered(
        "SELECT coalesce(sum(time_to_fill_ms), 0), count(time_to_fill_ms) FROM orders"
            + f.and("status = 'FILLED'"))).execute(params);
    return Future.all(byStatus, bySymbol, volumes, ttf).map(v -> {
      Map<OrderStatus, Long> statuses = new TreeMap<>();
      byStatus.result().forEach(r -> statuses.put(OrderStatus.parse(r.getString(0)), r.getLong(1)));
      Map<String, Long> symbols = new TreeMap<>();
      bySymbol.result().forEach(r -> symbols.put(r.getString(0), r.getLong(1)));
      Map<String, OrderAggregates.SymbolVolume> vols = new TreeMap<>();
      volumes.result().forEach(r -> vols.put(r.getString(0),
          new OrderAggregates.SymbolVolume(r.getBigDecimal(1), r.getBigDecimal(2))));
      Row t = ttf.result().iterator().next();
      return OrderAggregates.of(statuses, symbols, vols, t.getLong(0), t.getLong(1));
    });
  }

  @Override
  public Future<RetentionResult> enforceRetention(RetentionPolicy policy) {
    long cutoff = System.currentTimeMillis() - policy.maxAgeMs();
    return pool.withTransaction(conn -> {
      long[] deleted = new long[2];
      Future<?> f = Future.succeededFuture();
      if (policy.maxAgeMs() > 0) {
        f = f.compose(v -> delete(conn, "DELETE FROM events WHERE event_time < $1", cutoff, deleted, 0))
            .compose(v -> delete(conn, "DELETE FROM orders WHERE is_final AND updated_at < $1", cutoff, deleted, 1));
      }
      if (policy.maxEvents() > 0) {
        f = f.compose(v -> delete(conn, "DELETE FROM events WHERE seq < (SELECT seq FROM events ORDER BY seq DESC "
            + "OFFSET $1 LIMIT 1)", policy.maxEvents() - 1, deleted, 0));
      }
      if (policy.maxCompletedOrders() > 0) {
        f = f.compose(v -> delete(conn, "DELETE FROM orders o USING (SELECT symbol, order_id FROM orders "
            + "WHERE is_final ORDER BY updated_at DESC OFFSET $1) d WHERE o.symbol = d.symbol "
            + "AND o.order_id = d.order_id", policy.maxCompletedOrders(), deleted, 1));
      }
      return f.map(v -> new RetentionResult(deleted[0], deleted[1]));
    });
  }

  @Override
  public Future<Void> close() {
    Pool p = pool;
    pool = null;
    if (p == null) {
      return Future.succeededFuture();
    }
    return tail.transform(ignored -> p.close());
  }

  private static Future<Void> delete(SqlConnection conn, String sql, long param, long[] counts, int slot) {
    return conn.preparedQuery(sql).execute(Tuple.of(param)).map(rs -> {
      counts[slot] += rs.rowCount();
      return null;
    });
  }

  private Future<String> meta(String key) {
    return pool.preparedQuery("SELECT value FROM meta WHERE key = $1").execute(Tuple.of(key))
        .map(rs -> rs.size() == 0 ? null : rs.iterator().next().getString(0));
  }

  private Future<List<String>> texts(String sql, Tuple params) {
    return pool.preparedQuery(sql).execute(params).map(rs -> {
      List<String> out = new ArrayList<>(rs.size());
      rs.forEach(r -> out.add(r.getString(0)));
      return out;
    });
  }

  /** Snapshots are parsed on a worker (a page is up to 1,000 of them, recovery hundreds of thousands). */
  private Future<List<TrackedOrder>> parseOrders(List<String> docs) {
    return docs.isEmpty() ? Future.succeededFuture(List.of())
        : vertx.executeBlocking(() -> StoreDocs.orders(docs), false);
  }
}
