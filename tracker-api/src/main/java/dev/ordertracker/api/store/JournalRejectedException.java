package dev.ordertracker.api.store;

/**
 * {@link OrderStore#append} can never write this batch as it is: a record cannot be encoded, or the database
 * refuses it for what it is (a value out of range, a constraint), not for its own state. Retrying the same batch
 * would fail the same way forever, so the journal isolates the offending record and quarantines it (see the
 * tracker-core store README). Any other failure of {@code append} (store down, disk full, timeout) is transient.
 *
 * <p>{@link #code()} is stable and safe to log or export ({@code encode_failed}, {@code sqlite_constraint},
 * {@code pg_22003}, ...); the message never carries a record's values.
 */
public class JournalRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** A record could not be turned into its stored form (an amount out of range, JSON that cannot be written). */
  public static final String ENCODE_FAILED = "encode_failed";

  private final String code;

  public JournalRejectedException(String code, String message, Throwable cause) {
    super(code + ": " + message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
