package dev.ordertracker.core.store.sqlite;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.TrackerStats;
import dev.ordertracker.api.store.AggregateQuery;
import dev.ordertracker.api.store.EventsPage;
import dev.ordertracker.api.store.OrderAggregates;
import dev.ordertracker.api.store.OrderPage;
import dev.ordertracker.api.store.OrderQuery;
import dev.ordertracker.api.store.RecoveredState;
import dev.ordertracker.api.store.RetentionPolicy;
import dev.ordertracker.api.store.RetentionResult;

import dev.ordertracker.core.store.FilterSql;
import dev.ordertracker.core.store.JournalRows;
import dev.ordertracker.core.store.OrderRow;
import dev.ordertracker.core.store.StoreDocs;
import dev.ordertracker.core.store.StoreSchema;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL of the SQLite store: blocking JDBC calls on one connection. Only {@link SqliteOrderStore} calls it, and
 * only from its worker threads (the writer connection on one thread, the reader connection on another), never
 * from an event loop.
 *
 * <p>Decimals are stored as text (SQLite has no exact decimal type) and summed in Java with BigDecimal; times are
 * epoch milliseconds.
 */
final class SqliteJournal {

  private static final String[] SCHEMA = {
      "CREATE TABLE IF NOT EXISTS orders (symbol TEXT NOT NULL, order_id TEXT NOT NULL, account TEXT, "
          + "status TEXT NOT NULL, is_final INTEGER NOT NULL, created_at INTEGER NOT NULL, "
          + "updated_at INTEGER NOT NULL, time_to_fill_ms INTEGER, has_fill INTEGER NOT NULL, "
          + "filled_quantity TEXT NOT NULL, notional TEXT NOT NULL, doc TEXT NOT NULL, "
          + "PRIMARY KEY (symbol, order_id))",
      // Few indexes on purpose: every one costs each journaled change. Recovery and retention use
      // (is_final, updated_at); queries sort and range on created_at; other filters scan (history queries are rare).
      "CREATE INDEX IF NOT EXISTS orders_final_updated ON orders (is_final, updated_at)",
      "CREATE INDEX IF NOT EXISTS orders_created ON orders (created_at)",
      "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, event_time INTEGER NOT NULL, doc TEXT NOT NULL)",
      "CREATE INDEX IF NOT EXISTS events_time ON events (event_time)",
      "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
  };

  private static final String UPSERT_ORDER = "INSERT INTO orders (symbol, order_id, account, status, is_final, "
      + "created_at, updated_at, time_to_fill_ms, has_fill, filled_quantity, notional, doc) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, order_id) DO UPDATE SET "
      + "account = excluded.account, status = excluded.status, is_final = excluded.is_final, "
      + "created_at = excluded.created_at, updated_at = excluded.updated_at, "
      + "time_to_fill_ms = excluded.time_to_fill_ms, has_fill = excluded.has_fill, "
      + "filled_quantity = excluded.filled_quantity, notional = excluded.notional, doc = excluded.doc";
  private static final String INSERT_EVENT = "INSERT OR IGNORE INTO events (seq, event_time, doc) VALUES (?, ?, ?)";
  private static final String PUT_META = "INSERT INTO meta (key, value) VALUES (?, ?) "
      + "ON CONFLICT (key) DO UPDATE SET value = excluded.value";

  private SqliteJournal() {
  }

  static void createSchema(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String ddl : SCHEMA) {
        s.executeUpdate(ddl);
      }
    }
    String version = meta(c, StoreSchema.META_SCHEMA);
    if (version == null) {
      putMeta(c, StoreSchema.META_SCHEMA, Integer.toString(StoreSchema.SCHEMA_VERSION));
    } else if (!version.equals(Integer.toString(StoreSchema.SCHEMA_VERSION))) {
      c.rollback();
      throw new SQLException("schema version " + version + " is not supported (expected "
          + StoreSchema.SCHEMA_VERSION + ")");
    }
    c.commit();
  }

  /** Writes one encoded batch in one transaction (see {@link JournalRows#encode}). */
  static void append(Connection c, JournalRows batch) throws SQLException {
    try {
      if (!batch.orders().isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_ORDER)) {
          for (OrderRow r : batch.orders()) {
            ps.setString(1, r.symbol());
            ps.setString(2, r.orderId());
            ps.setString(3, r.account());
            ps.setString(4, r.status().name());
            ps.setInt(5, r.isFinal() ? 1 : 0);
            ps.setLong(6, r.createdMs());
            ps.setLong(7, r.updatedMs());
            if (r.timeToFillMs() == null) {
              ps.setNull(8, Types.INTEGER);
            } else {
              ps.setLong(8, r.timeToFillMs());
            }
            ps.setInt(9, r.hasFill() ? 1 : 0);
            ps.setString(10, r.filledQuantity().toPlainString());
            ps.setString(11, r.notional().toPlainString());
            ps.setString(12, r.doc());
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      if (!batch.events().isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
          for (JournalRows.EventRow e : batch.events()) {
            ps.setLong(1, e.sequence());
            ps.setLong(2, e.eventMillis());
            ps.setString(3, e.doc());
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      if (batch.counters() != null) {
        putMeta(c, StoreSchema.META_COUNTERS, batch.counters());
      }
      if (batch.maxSequence() > 0) {
        // Kept apart from the events so that retention can empty the events table without losing the sequence.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
            + "DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))")) {
          ps.setString(1, StoreSchema.META_LAST_SEQUENCE);
          ps.setLong(2, batch.maxSequence());
          ps.executeUpdate();
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c, e);
      throw e;
    }
  }

  static RecoveredState recover(Connection c, int historyLimit) throws SQLException {
    List<String> activeDocs = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT doc FROM orders WHERE is_final = 0 ORDER BY created_at, symbol, order_id");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        activeDocs.add(rs.getString(1));
      }
    }
    List<TrackedOrder> active = StoreDocs.orders(activeDocs);
    List<TrackedOrder> history = new ArrayList<>();
    if (historyLimit > 0) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT doc FROM orders WHERE is_final = 1 ORDER BY updated_at DESC, symbol DESC, order_id DESC LIMIT ?")) {
        ps.setInt(1, historyLimit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            history.add(StoreDocs.order(rs.getString(1)));
          }
        }
      }
      Collections.reverse(history);
    }
    String counters = meta(c, StoreSchema.META_COUNTERS);
    c.commit();
    return new RecoveredState(active, history, lastSequence(c),
        counters == null ? null : StoreDocs.stats(counters));
  }

  static long lastSequence(Connection c) throws SQLException {
    long fromEvents = longQuery(c, "SELECT coalesce(max(seq), 0) FROM events");
    String fromMeta = meta(c, StoreSchema.META_LAST_SEQUENCE);
    c.commit();
    return Math.max(fromEvents, fromMeta == null ? 0 : Long.parseLong(fromMeta));
  }

  static EventsPage eventsSince(Connection c, long after, int limit) throws SQLException {
    List<OrderEvent> events = new ArrayList<>(Math.min(limit, 1024));
    boolean more = false;
    try (PreparedStatement ps = c.prepareStatement("SELECT doc FROM events WHERE seq > ? ORDER BY seq LIMIT ?")) {
      ps.setLong(1, after);
      ps.setInt(2, limit + 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (events.size() == limit) {
            more = true;
            break;
          }
          events.add(StoreDocs.event(rs.getString(1)));
        }
      }
    }
    long last = lastSequence(c);
    long first = longQuery(c, "SELECT coalesce(min(seq), 0) FROM events");
    c.commit();
    if (first == 0) {
      first = last + 1;
    }
    return new EventsPage(after, events, last, first, more, after + 1 < first && after < last);
  }

  static OrderPage query(Connection c, OrderQuery q) throws SQLException {
    FilterSql f = FilterSql.of(q.filter());
    long total;
    try (PreparedStatement ps = prepare(c, "SELECT count(*) FROM orders" + f.where, f.params);
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      total = rs.getLong(1);
    }
    List<Object> params = new ArrayList<>(f.params);
    params.add(q.pageSize());
    params.add(q.offset());
    List<TrackedOrder> orders = new ArrayList<>();
    try (PreparedStatement ps = prepare(c, "SELECT doc FROM orders" + f.where
        + " ORDER BY created_at DESC, symbol, order_id LIMIT ? OFFSET ?", params);
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        orders.add(StoreDocs.order(rs.getString(1)));
      }
    }
    c.commit();
    return new OrderPage(orders, q.page(), q.pageSize(), total);
  }

  static OrderAggregates aggregates(Connection c, AggregateQuery q) throws SQLException {
    FilterSql f = FilterSql.of(q.filter());
    Map<OrderStatus, Long> byStatus = new TreeMap<>();
    try (PreparedStatement ps = prepare(c, "SELECT status, count(*) FROM orders" + f.where + " GROUP BY status",
        f.params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byStatus.put(OrderStatus.parse(rs.getString(1)), rs.getLong(2));
      }
    }
    Map<String, Long> bySymbol = new TreeMap<>();
    try (PreparedStatement ps = prepare(c, "SELECT symbol, count(*) FROM orders" + f.where + " GROUP BY symbol",
        f.params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        bySymbol.put(rs.getString(1), rs.getLong(2));
      }
    }
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    try (PreparedStatement ps = prepare(c, "SELECT symbol, filled_quantity, notional FROM orders"
        + f.and("has_fill = 1"), f.params); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        BigDecimal[] s = sums.computeIfAbsent(rs.getString(1), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        s[0] = s[0].add(new BigDecimal(rs.getString(2)));
        s[1] = s[1].add(new BigDecimal(rs.getString(3)));
      }
    }
    Map<String, OrderAggregates.SymbolVolume> volumes = new TreeMap<>();
    sums.forEach((k, v) -> volumes.put(k, new OrderAggregates.SymbolVolume(v[0], v[1])));
    long ttfSum;
    long ttfCount;
    try (PreparedStatement ps = prepare(c, "SELECT coalesce(sum(time_to_fill_ms), 0), count(time_to_fill_ms) "
        + "FROM orders" + f.and("status = 'FILLED'"), f.params); ResultSet rs = ps.executeQuery()) {
      rs.next();
      ttfSum = rs.getLong(1);
      ttfCount = rs.getLong(2);
    }
    c.commit();
    return OrderAggregates.of(byStatus, bySymbol, volumes, ttfSum, ttfCount);
  }

  /**
   * One bounded step of retention: removes at most {@code chunk} rows per rule, in one transaction, so that the
   * caller can interleave journal batches between steps. Repeat while it removed anything.
   */
  static RetentionResult retentionStep(Connection c, RetentionPolicy p, long nowMs, int chunk) throws SQLException {
    long events = 0;
    long orders = 0;
    try {
      if (p.maxAgeMs() > 0) {
        long cutoff = nowMs - p.maxAgeMs();
        events += update(c, "DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE event_time < ? "
            + "LIMIT ?)", cutoff, chunk);
        orders += update(c, "DELETE FROM orders WHERE rowid IN (SELECT rowid FROM orders WHERE is_final = 1 "
            + "AND updated_at < ? LIMIT ?)", cutoff, chunk);
      }
      if (p.maxEvents() > 0) {
        events += update(c, "DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE seq < (SELECT seq FROM "
            + "events ORDER BY seq DESC LIMIT 1 OFFSET ?) ORDER BY seq LIMIT ?)", p.maxEvents() - 1, chunk);
      }
      if (p.maxCompletedOrders() > 0) {
        orders += update(c, "DELETE FROM orders WHERE rowid IN (SELECT rowid FROM orders WHERE is_final = 1 "
            + "ORDER BY updated_at DESC LIMIT ? OFFSET ?)", chunk, p.maxCompletedOrders());
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c, e);
      throw e;
    }
    return new RetentionResult(events, orders);
  }

  static TrackerStats counters(Connection c) throws SQLException {
    String text = meta(c, StoreSchema.META_COUNTERS);
    c.commit();
    return text == null ? null : StoreDocs.stats(text);
  }

  private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
    return ps;
  }

  private static int update(Connection c, String sql, long first, long second) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, first);
      ps.setLong(2, second);
      return ps.executeUpdate();
    }
  }

  private static long longQuery(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String meta(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static void putMeta(Connection c, String key, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PUT_META)) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
