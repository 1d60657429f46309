package dev.ordertracker.simulator.api;

import io.vertx.core.json.JsonObject;

/**
 * A Binance-shaped error: HTTP (or WebSocket API) status, negative error code and message.
 * Thrown by request handling, turned into {@code {"code":..,"msg":..}} at the edge.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int status;
  private final int code;
  /** Epoch ms when the client may retry (429 / 418), or -1. */
  private final long retryAfter;
  private final long serverTime;

  public ApiException(int status, int code, String msg) {
    this(status, code, msg, 0, -1);
  }

  private ApiException(int status, int code, String msg, long serverTime, long retryAfter) {
    super(msg, null, false, false);
    this.status = status;
    this.code = code;
    this.serverTime = serverTime;
    this.retryAfter = retryAfter;
  }

  /** 429 / -1003: the request weight of the current minute is spent; retry at {@code retryAfter} (epoch ms). */
  public static ApiException tooMuchWeight(int limit, long now, long retryAfter) {
    return new ApiException(429, -1003, "Too much request weight used; current limit is " + limit
        + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.",
        now, retryAfter);
  }

  /**
   * The answer of an injected failure (faults): 503 -1001, 503 -1007, 500 -1000, 503 -1006, or 429 / 418 -1003 with
   * the retry time {@code retryAt} (epoch ms). Messages as in errors.md.
   */
  public static ApiException injected(dev.ordertracker.simulator.faults.FailureKind kind, long now, long retryAt) {
    switch (kind) {
      case TIMEOUT_1007: return timeout();
      case UNKNOWN_1000: return new ApiException(500, -1000,
          "An unknown error occurred while processing the request.");
      case UNEXPECTED_1006: return new ApiException(503, -1006,
          "An unexpected response was received from the message bus. Execution status unknown.");
      case TOO_MANY_REQUESTS_429: return new ApiException(429, -1003, "Too much request weight used; current limit"
          + " is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling"
          + " the API.", now, retryAt);
      case BANNED_418: return new ApiException(418, -1003, "Way too much request weight used; IP banned until "
          + retryAt + ". Please use WebSocket Streams for live updates to avoid bans.", now, retryAt);
      default: return internal();
    }
  }

  /** -1127: more than 24 hours between startTime and endTime (allOrders, myTrades). */
  public static ApiException rangeTooLong() {
    return new ApiException(400, -1127, "More than 24 hours between startTime and endTime.");
  }

  /** Epoch ms when the request may be retried, -1 unless rate limited. */
  public long retryAfter() {
    return retryAfter;
  }

  public int status() {
    return status;
  }

  public int code() {
    return code;
  }

  public JsonObject toJson() {
    return new JsonObject().put("code", code).put("msg", getMessage());
  }

  /** The WebSocket API error object: with {@code data: {serverTime, retryAfter}} when rate limited. */
  public JsonObject toWsJson() {
    JsonObject j = toJson();
    if (retryAfter >= 0) {
      j.put("data", new JsonObject().put("serverTime", serverTime).put("retryAfter", retryAfter));
    }
    return j;
  }

  public static ApiException internal() {
    return new ApiException(503, -1001, "Internal error; unable to process your request. Please try again.");
  }

  public static ApiException timeout() {
    return new ApiException(503, -1007,
        "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
  }

  public static ApiException unauthorized() {
    return new ApiException(401, -1002, "You are not authorized to execute this request.");
  }

  public static ApiException unknownMethod(String method) {
    return new ApiException(400, -1020, "Unsupported operation: " + method + ".");
  }

  public static ApiException timestampAhead() {
    return new ApiException(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
  }

  public static ApiException timestampOutsideWindow() {
    return new ApiException(400, -1021, "Timestamp for this request is outside of the recvWindow.");
  }

  public static ApiException badSignature() {
    return new ApiException(400, -1022, "Signature for this request is not valid.");
  }

  public static ApiException malformed(String detail) {
    return new ApiException(400, -1100, detail);
  }

  public static ApiException missing(String param) {
    return new ApiException(400, -1102,
        "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
  }

  public static ApiException notRequired(String param) {
    return new ApiException(400, -1106, "Parameter '" + param + "' sent when not required.");
  }

  public static ApiException invalidTimeInForce() {
    return new ApiException(400, -1115, "Invalid timeInForce.");
  }

  public static ApiException invalidOrderType() {
    return new ApiException(400, -1116, "Invalid orderType.");
  }

  public static ApiException invalidSide() {
    return new ApiException(400, -1117, "Invalid side.");
  }

  public static ApiException invalidSymbol() {
    return new ApiException(400, -1121, "Invalid symbol.");
  }

  public static ApiException recvWindowTooLarge() {
    return new ApiException(400, -1131, "recvWindow must be less than 60000");
  }

  public static ApiException filterFailure(String filter) {
    return new ApiException(400, -1013, "Filter failure: " + filter);
  }

  public static ApiException insufficientBalance() {
    return new ApiException(400, -2010, "Account has insufficient balance for requested action.");
  }

  public static ApiException wouldTakeAsMaker() {
    return new ApiException(400, -2010, "Order would immediately match and take.");
  }

  public static ApiException unknownOrderOnCancel() {
    return new ApiException(400, -2011, "Unknown order sent.");
  }

  public static ApiException orderDoesNotExist() {
    return new ApiException(400, -2013, "Order does not exist.");
  }

  public static ApiException apiKeyFormat() {
    return new ApiException(401, -2014, "API-key format invalid.");
  }

  public static ApiException invalidApiKey() {
    return new ApiException(401, -2015, "Invalid API-key, IP, or permissions for action.");
  }

  /** -2038 ORDER_AMEND_REJECTED with one of the engine messages of errors.md. */
  public static ApiException amendRejected(String msg) {
    return new ApiException(400, -2038, msg);
  }

  public static ApiException duplicateClientOrderId() {
    return new ApiException(400, -2010, "Duplicate order sent.");
  }
}
