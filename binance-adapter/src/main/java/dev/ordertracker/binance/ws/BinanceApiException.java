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
  /** Epoch ms before which the server asks us not to retry (429 / 418), or -1. */
  private final long retryAfterMs;

  public BinanceApiException(int status, int code, String message) {
    this(status, code, message, -1);
  }

  /**
   * @param retryAfterMs epoch ms of the server's retry time: WS API {@code error.data.retryAfter}, REST
   *                     {@code Retry-After} seconds from now (web-socket-api.md "Rate limits", rest-api.md "LIMITS");
   *                     -1 when none was given
   */
  public BinanceApiException(int status, int code, String message, long retryAfterMs) {
    super("Binance " + status + " " + code + ": " + message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }

  /** Epoch ms of the server's retry time (429 / 418), or -1. */
  public long retryAfterMs() {
    return retryAfterMs;
  }

  /** 418: the IP is banned until {@link #retryAfterMs()} (errors.md; rest-api.md "LIMITS"). */
  public boolean isBanned() {
    return status == 418;
  }

  /**
   * Worth asking again: the outcome was unknown (5xx, -1006, -1007, no answer), -1000 UNKNOWN, -1001 DISCONNECTED,
   * or rate limited (after the server's retry time). A plain 4xx is an answer, not a hiccup.
   */
  public boolean isRetryable() {
    return isUnknownOutcome() || isRateLimited() || code == -1000 || code == -1001 || code == -1003;
  }

  public int status() {
    return status;
  }

  public int code() {
    return code;
  }

  /**
   * 5xx, -1006 UNEXPECTED_RESP, -1007 TIMEOUT, or no answer: the request may or may not have been executed
   * (errors.md: "execution status unknown"; rest-api.md: "HTTP 5XX ... the execution status is UNKNOWN").
   */
  public boolean isUnknownOutcome() {
    return status >= 500 || code == -1006 || code == -1007 || status == NO_ANSWER;
  }

  /** 429 (rate limit) or 418 (IP banned): back off. */
  public boolean isRateLimited() {
    return status == 429 || status == 418;
  }

  /**
   * -2013 "Order does not exist", -2011 "Unknown order sent", -2026 ORDER_ARCHIVED (an order canceled or expired
   * with nothing executed, archived after 90 days: errors.md): "not found" paths, not failures.
   */
  public boolean isOrderNotFound() {
    return code == -2013 || code == -2011 || code == -2026;
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
