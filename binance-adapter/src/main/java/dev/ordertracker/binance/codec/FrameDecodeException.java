package dev.ordertracker.binance.codec;

/**
 * A frame that cannot be decoded. {@link #kind()} is the bounded metric label; the message names the field and
 * never contains more than a truncated excerpt of the frame. No stack trace: bad frames are expected input.
 */
public final class FrameDecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a frame was refused (a bounded set, used as a metric label). */
  public enum Kind {
    NOT_JSON, TOO_LARGE, NOT_AN_OBJECT, MISSING_FIELD, WRONG_TYPE, UNKNOWN_EVENT
  }

  private final Kind kind;

  public FrameDecodeException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
