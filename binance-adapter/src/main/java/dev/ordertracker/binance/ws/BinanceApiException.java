package dev.ordertracker.binance.ws;

/**
 * An error answer of Binance (WebSocket API or REST): HTTP-like status, Binance's negative code and message.
 * {@link #isUnknownOutcome()} (5xx or -1007 TIMEOUT) means the request may have been executed: query, do not
 * assume failure. No stack trace: these are answers, not bugs.
 */
public final class BinanceApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** A transport failure (closed connection, timeout without an answer): outcome unknown. */
  public static final int NO_ANSWER = 0;

  private final int status;
  private final int code;

  public BinanceApiException(int status, int code, String message) {
    super("Binance " + status + " " + code + ": " + message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public int code() {
    return code;
  }

  /** 5xx, -1007 TIMEOUT, or no answer: the request may or may not have been executed. */
  public boolean isUnknownOutcome() {
    return status >= 500 || code == -1007 || status == NO_ANSWER;
  }

  /** 429 (rate limit) or 418 (IP banned): back off. */
  public boolean isRateLimited() {
    return status == 429 || status == 418;
  }

  /** -2013 "Order does not exist" / -2011 "Unknown order sent". */
  public boolean isOrderNotFound() {
    return code == -2013 || code == -2011;
  }

  /** -1021: our timestamp is off: re-sync the clock, then retry. */
  public boolean isClockError() {
    return code == -1021;
  }

  /** Wrong key, signature or permissions: retrying will not help. */
  public boolean isAuthenticationError() {
    return status == 401 || code == -2014 || code == -2015 || code == -1022 || code == -1002;
  }
}
