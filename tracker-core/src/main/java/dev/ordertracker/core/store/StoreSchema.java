package dev.ordertracker.core.store;

/**
 * What the SQLite and PostgreSQL stores share about their tables: the schema version they write and accept, and
 * the keys of the {@code meta} table. Both stores refuse a schema of another version at open.
 */
public final class StoreSchema {
  /** The version of the tables both stores create; a database holding another one is refused. */
  public static final int SCHEMA_VERSION = 1;
  /** meta: the tracker's counters (JSON) as of the last batch. */
  public static final String META_COUNTERS = "counters";
  /** meta: the last journaled sequence, kept apart so that retention may empty the events table. */
  public static final String META_LAST_SEQUENCE = "last_sequence";
  /** meta: the schema version. */
  public static final String META_SCHEMA = "schema_version";

  private StoreSchema() {
  }
}
