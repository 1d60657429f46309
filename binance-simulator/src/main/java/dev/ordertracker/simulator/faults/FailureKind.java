package dev.ordertracker.simulator.faults;

/**
 * How an injected failure answers, in Binance's shapes (binance-spot-api-docs errors.md, rest-api.md "LIMITS",
 * web-socket-api.md "Rate limits"):
 * <ul>
 *   <li>{@link #HTTP_5XX}: status 503, -1001 DISCONNECTED ("Internal error; unable to process your request");</li>
 *   <li>{@link #TIMEOUT_1007}: status 503, -1007 TIMEOUT ("execution status unknown");</li>
 *   <li>{@link #UNKNOWN_1000}: status 500, -1000 UNKNOWN;</li>
 *   <li>{@link #UNEXPECTED_1006}: status 503, -1006 UNEXPECTED_RESP ("Execution status unknown");</li>
 *   <li>{@link #TOO_MANY_REQUESTS_429}: status 429, -1003 with {@code retryAfter} (WS API {@code error.data}) /
 *   {@code Retry-After} seconds (REST);</li>
 *   <li>{@link #BANNED_418}: status 418, -1003 "IP banned until", with the same retry time.</li>
 * </ul>
 */
public enum FailureKind {
  HTTP_5XX, TIMEOUT_1007, UNKNOWN_1000, UNEXPECTED_1006, TOO_MANY_REQUESTS_429, BANNED_418;

  /** True for the two rate-limit answers, which carry a retry time. */
  public boolean rateLimited() {
    return this == TOO_MANY_REQUESTS_429 || this == BANNED_418;
  }
}
