package dev.ordertracker.core.store;

import dev.ordertracker.core.store.pg.PgUrl;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreOptionsTest {
  @Test
  void defaults_and_round_trip() {
    StoreOptions o = new StoreOptions(new JsonObject().put("data_dir", "/tmp/x"));
    assertThat(o.getType()).isEqualTo("sqlite");
    assertThat(o.getFlushIntervalMs()).isEqualTo(50);
    assertThat(o.getFlushMaxRecords()).isEqualTo(500);
    assertThat(o.isFsyncEachBatch()).isFalse();
    assertThat(o.isStartFreshOnCorruption()).isFalse();
    assertThat(o.retentionPolicy().unbounded()).isTrue();
    assertThat(o.sqliteFile().toString()).isEqualTo("/tmp/x/orders.db");
    assertThat(new StoreOptions(o.toJson()).toJson()).isEqualTo(o.toJson());
  }

  @Test
  void bad_config_is_rejected_naming_the_key() {
    assertThatThrownBy(() -> new StoreOptions(new JsonObject().put("data_dir", "/x").put("flush_ms", 3)))
        .hasMessageContaining("flush_ms");
    assertThatThrownBy(() -> new StoreOptions(new JsonObject()))
        .hasMessageContaining("store.data_dir");
    assertThatThrownBy(() -> new StoreOptions(new JsonObject().put("type", "postgres")))
        .hasMessageContaining("store.pg_url");
    assertThatThrownBy(() -> new StoreOptions(new JsonObject().put("type", "mysql")))
        .hasMessageContaining("store.type");
    assertThatThrownBy(() -> new StoreOptions(new JsonObject().put("data_dir", "/x").put("flush_interval_ms", 0)))
        .hasMessageContaining("store.flush_interval_ms");
    assertThatThrownBy(() -> new StoreOptions(new JsonObject().put("data_dir", "/x").put("fsync_each_batch", "yes")))
        .hasMessageContaining("store.fsync_each_batch");
    assertThatThrownBy(() -> new StoreOptions(new JsonObject().put("data_dir", "/x").put("journal_max_events", -1)))
        .hasMessageContaining("store.journal_max_events");
    assertThatThrownBy(() -> new StoreOptions(new JsonObject().put("type", "postgres").put("pg_url", "postgresql://a")
        .put("pg_schema", "Bad-Name"))).hasMessageContaining("store.pg_schema");
    assertThatThrownBy(() -> new StoreOptions(new JsonObject().put("data_dir", "/x").put("journal_max_backlog", 0)))
        .hasMessageContaining("store.journal_max_backlog");
  }

  @Test
  void a_malformed_pg_url_fails_naming_the_key_without_the_password() {
    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> new StoreOptions(new JsonObject()
        .put("type", "postgres").put("pg_url", "postgresql://tracker:s3cr3t-pw@127.0.0.1:notaport/tracker")));
    assertThat(failure).hasMessageContaining("store.pg_url").hasMessageContaining("tracker:***@127.0.0.1")
        .hasMessageNotContaining("s3cr3t-pw");
    assertThat(failure.getCause()).isNull();
    StoreOptions valid = new StoreOptions(new JsonObject().put("type", "postgres")
        .put("pg_url", "postgresql://tracker:s3cr3t-pw@127.0.0.1:5432/tracker"));
    assertThat(valid.toJson().encode()).contains("tracker:***@127.0.0.1:5432").doesNotContain("s3cr3t-pw");
    assertThat(valid.getPgUrl()).contains("s3cr3t-pw"); // the store itself still connects with it
    assertThat(PgUrl.redact("postgresql://u:p%40ss@h/db?sslmode=require&password=x&a=b"))
        .isEqualTo("postgresql://u:***@h/db?sslmode=require&password=***&a=b");
  }
}
