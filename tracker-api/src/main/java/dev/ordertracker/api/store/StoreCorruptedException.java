package dev.ordertracker.api.store;

import java.nio.file.Path;

/**
 * The store file exists but cannot be read as a store (not a database, failed integrity check, unreadable). The
 * message names the file and the way out: move it aside, or start with {@code start_fresh_on_corruption}.
 */
public class StoreCorruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  public StoreCorruptedException(Path file, String detail, Throwable cause) {
    super("order store file " + file + " is corrupt or unreadable (" + detail + "); move it aside or set "
        + "store.start_fresh_on_corruption=true to move it to " + file.getFileName() + ".corrupt-<timestamp> and "
        + "start with an empty store", cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
