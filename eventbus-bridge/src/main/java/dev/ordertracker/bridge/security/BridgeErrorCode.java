package dev.ordertracker.bridge.security;

/**
 * The stable refusal codes of both bridges (documented in the module README; clients may switch on them).
 * A refused frame is answered with an {@code err} frame whose {@code message} (and, on SockJS, {@code body}) is
 * {@link #code()} and whose {@code failureCode} is {@link #failureCode()} (HTTP-like).
 */
public enum BridgeErrorCode {
  /** No token on the frame nor on the connection. */
  AUTH_REQUIRED("auth_required", 401),
  /** A token that is malformed, wrongly signed, signed with another algorithm, or lacks sub/exp. */
  AUTH_INVALID("auth_invalid", 401),
  /** A correctly signed token whose exp is in the past. */
  AUTH_EXPIRED("auth_expired", 401),
  /** An address the policy does not permit in that direction, or a publish from a client. */
  ACCESS_DENIED("access_denied", 403),
  /** The token's accounts claim does not cover the account asked for. */
  FORBIDDEN_ACCOUNT("forbidden_account", 403),
  /** The token's symbols claim does not cover the symbol asked for. */
  FORBIDDEN_SYMBOL("forbidden_symbol", 403),
  /** A tracker action that changes state, without mutations enabled and the mutation role. */
  MUTATION_FORBIDDEN("mutation_forbidden", 403),
  /** A tracker action that does not exist. */
  UNKNOWN_ACTION("unknown_action", 400),
  /** A frame that is not JSON, or whose fields have the wrong types: the connection is closed. */
  MALFORMED_FRAME("malformed_frame", 400),
  /** A frame longer than max_message_bytes: the connection is closed. */
  FRAME_TOO_LARGE("frame_too_large", 413),
  /** More registrations (plus pending requests) than max_handlers_per_socket. */
  TOO_MANY_HANDLERS("too_many_handlers", 429),
  /** The client did not read fast enough: max_outbound_queue messages were pending; the connection is closed. */
  SLOW_CONSUMER("slow_consumer", 503),
  /**
   * A request whose reply address is already awaiting an answer on this connection, or is an address the
   * client may register (event or account): its answer could not be told apart, so the request is refused.
   */
  REPLY_ADDRESS_INVALID("reply_address_invalid", 400),
  /**
   * Over the client's request budget: more than max_requests_per_second (beyond request_burst), or
   * max_requests_in_flight requests (fire-and-forget sends included) still awaiting the service's answer.
   */
  RATE_LIMITED("rate_limited", 429),
  /** A list read whose limit is missing, not an integer, not positive or above max_page_size. */
  LIMIT_INVALID("limit_invalid", 400),
  /** Over max_connections, or over max_connections_per_address for the client's address: closed at once. */
  TOO_MANY_CONNECTIONS("too_many_connections", 503),
  /** No valid token within auth_timeout_ms of connecting: the connection is closed. */
  AUTH_TIMEOUT("auth_timeout", 401),
  /** A restricted client (accounts/symbols claims) asked for something it cannot be given per scope. */
  SCOPE_REQUIRED("scope_required", 403);

  private final String code;
  private final int failureCode;

  BridgeErrorCode(String code, int failureCode) {
    this.code = code;
    this.failureCode = failureCode;
  }

  public String code() {
    return code;
  }

  public int failureCode() {
    return failureCode;
  }
}
