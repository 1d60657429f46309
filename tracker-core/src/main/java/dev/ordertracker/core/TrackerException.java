package dev.ordertracker.core;

import dev.ordertracker.api.TrackerErrors;

/**
 * A lookup or request the core cannot serve: {@link TrackerErrors#NOT_FOUND}, {@link TrackerErrors#AMBIGUOUS} or
 * {@link TrackerErrors#BAD_REQUEST}. Refused updates (stale, illegal, duplicate) are not exceptions: they are
 * {@code UpdateResult}s.
 */
public final class TrackerException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;

  public TrackerException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static TrackerException notFound(String message) {
    return new TrackerException(TrackerErrors.NOT_FOUND, message);
  }
}
