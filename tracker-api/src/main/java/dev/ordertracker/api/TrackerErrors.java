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
  /** A bug or an unexpected failure inside the tracker; the message says what. */
  public static final int INTERNAL = 500;

  private TrackerErrors() {
  }
}
