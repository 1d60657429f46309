package dev.ordertracker.core.store;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.StoreCorruptedException;
import dev.ordertracker.core.store.sqlite.SqliteOrderStore;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.ordertracker.core.store.StoreFixtures.at;
import static dev.ordertracker.core.store.StoreFixtures.await;
import static dev.ordertracker.core.store.StoreFixtures.awaitFailure;
import static dev.ordertracker.core.store.StoreFixtures.event;
import static dev.ordertracker.core.store.StoreFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/** A corrupt or unreadable SQLite file: a clear error naming it, or (opt-in) moved aside — never silently wiped. */
class SqliteCorruptionTest {
  @TempDir
  Path dir;
  Vertx vertx;
  Path file;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    file = dir.resolve("orders.db");
  }

  @AfterEach
  void tearDown() {
    await(vertx.close());
  }

  @Test
  void a_file_that_is_not_a_database_fails_the_open_with_its_name_and_is_left_untouched() throws Exception {
    byte[] garbage = "this is not a database, just some text that happens to be here ".repeat(100)
        .getBytes(StandardCharsets.US_ASCII);
    Files.write(file, garbage);
    SqliteOrderStore store = new SqliteOrderStore(vertx, file, true, false);
    Throwable failure = awaitFailure(store.open());
    assertThat(failure).isInstanceOf(StoreCorruptedException.class);
    assertThat(failure.getMessage()).contains(file.toAbsolutePath().toString()).contains("start_fresh_on_corruption");
    assertThat(((StoreCorruptedException) failure).file()).isEqualTo(file.toAbsolutePath());
    assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    assertThat(corruptCopies()).isEmpty();
    await(store.close());
  }

  @Test
  void start_fresh_moves_a_bad_file_aside_and_starts_empty() throws Exception {
    byte[] garbage = "garbage ".repeat(1000).getBytes(StandardCharsets.US_ASCII);
    Files.write(file, garbage);
    SqliteOrderStore store = new SqliteOrderStore(vertx, file, true, true);
    await(store.open());
    assertThat(store.movedAside()).isNotNull();
    assertThat(corruptCopies()).containsExactly(store.movedAside());
    assertThat(store.movedAside().getFileName().toString()).startsWith("orders.db.corrupt-");
    assertThat(Files.readAllBytes(store.movedAside())).isEqualTo(garbage);
    assertThat(await(store.recover(10)).active()).isEmpty();
    TrackedOrder o = order("BTCUSDT", "1", "A", OrderStatus.PLACED, at(0), at(0), "1", List.of());
    await(store.append(new JournalBatch(List.of(o), List.of(event(1, o)), null)));
    assertThat(await(store.recover(10)).active()).containsExactly(o);
    await(store.close());
  }

  @Test
  void a_damaged_database_is_detected_at_open() throws Exception {
    SqliteOrderStore store = new SqliteOrderStore(vertx, file, true, false);
    await(store.open());
    for (int batch = 0; batch < 20; batch++) {
      List<TrackedOrder> orders = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        orders.add(order("BTCUSDT", batch + "-" + i, "A", OrderStatus.PLACED, at(i), at(i), "1", List.of()));
      }
      await(store.append(new JournalBatch(orders, List.of(), null)));
    }
    await(store.close());
    long size = Files.size(file);
    assertThat(size).isGreaterThan(16 * 4096);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      // Overwrite the middle of the file (b-tree pages) with noise, keep the header valid.
      byte[] noise = new byte[4096 * 4];
      new java.util.Random(7).nextBytes(noise);
      raf.seek(4096 * 2);
      raf.write(noise);
    }
    SqliteOrderStore reopened = new SqliteOrderStore(vertx, file, true, false);
    Throwable failure = awaitFailure(reopened.open());
    assertThat(failure).isInstanceOf(StoreCorruptedException.class);
    assertThat(failure.getMessage()).contains(file.toAbsolutePath().toString());
    await(reopened.close());
  }

  @Test
  void a_data_dir_that_is_a_file_fails_with_its_name_and_is_not_treated_as_corruption() throws Exception {
    Path notADir = dir.resolve("plain-file");
    Files.writeString(notADir, "x");
    SqliteOrderStore store = new SqliteOrderStore(vertx, notADir.resolve("orders.db"), true, true);
    Throwable failure = awaitFailure(store.open());
    assertThat(failure).isNotInstanceOf(StoreCorruptedException.class);
    assertThat(Files.readString(notADir)).isEqualTo("x");
    await(store.close());
  }

  private List<Path> corruptCopies() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().contains(".corrupt-")
          && !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm")).toList();
    }
  }
}
