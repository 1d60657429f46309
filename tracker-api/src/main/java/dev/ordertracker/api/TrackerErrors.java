package dev.ordertracker.api;

/**
 * Failure codes of the tracker's service, carried by {@code io.vertx.serviceproxy.ServiceException#failureCode()}
 * (HTTP-like so that a JavaScript caller through the bridge reads them without a table).
 */
public final class TrackerErrors {
  /** Invalid input: the message names the field. Nothing changed. */
  public static final int BAD_REQUEST = 400;
  /** No such order (or client order id). */
  public static final int NOT_FOUND = 404;
  /** An order id without a symbol that matches orders on several symbols: pass the symbol. */
  public static final int AMBIGUOUS = 409;
  /** A bug or an unexpected failure inside the tracker; the details are in the tracker's log, never in the answer. */
  public static final int INTERNAL = 500;
  /**
   * The tracker cannot take this now and changed nothing (its replication backlog is full, its order store fails);
   * the message is one of the stable texts below. Retry later.
   */
  public static final int UNAVAILABLE = 503;

  /** The message of every {@link #INTERNAL} answer. */
  public static final String INTERNAL_MESSAGE = "internal_error";
  /** {@link #UNAVAILABLE}: the order store failed (history queries). */
  public static final String STORE_UNAVAILABLE = "store_unavailable";
  /** {@link #UNAVAILABLE}: the replication backlog is full; the command was refused before it changed anything. */
  public static final String REPLICATION_BACKLOG_FULL = "replication_backlog_full";
  /** {@link #INTERNAL}: the change was applied but is not replicated yet (retried in the background). */
  public static final String NOT_REPLICATED = "not_replicated";

  private TrackerErrors() {
  }
}
