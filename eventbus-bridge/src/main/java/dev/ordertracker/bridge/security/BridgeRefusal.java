package dev.ordertracker.bridge.security;

import java.util.Objects;

/**
 * A refusal with its stable code. It is an expected outcome, not a bug: no stack trace is captured.
 */
public final class BridgeRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final BridgeErrorCode code;

  public BridgeRefusal(BridgeErrorCode code, String detail) {
    super(code.code() + (detail == null ? "" : ": " + detail), null, false, false);
    this.code = Objects.requireNonNull(code);
  }

  public BridgeErrorCode code() {
    return code;
  }

  /** The code of {@code failure} when it is a refusal, otherwise {@code fallback}. */
  public static BridgeErrorCode codeOf(Throwable failure, BridgeErrorCode fallback) {
    return failure instanceof BridgeRefusal ? ((BridgeRefusal) failure).code : fallback;
  }
}
