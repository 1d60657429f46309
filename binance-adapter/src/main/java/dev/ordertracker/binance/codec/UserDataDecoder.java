package dev.ordertracker.binance.codec;

import dev.ordertracker.binance.codec.FrameDecodeException.Kind;

/**
 * The one decoder of user-data frames: text frame in, {@link UserDataFrame} with a typed event out, or a
 * {@link FrameDecodeException} naming what was wrong. Both the wrapped WebSocket API form
 * ({@code {"subscriptionId":N,"event":{...}}}) and bare events are accepted.
 *
 * <pre>
 *   text ──▶ size check ──▶ FastExecutionReportDecoder ──(executionReport, plain)──▶ record
 *                                    │ null: anything else
 *                                    ▼
 *                            StrictEventDecoder (Jackson, switch once on "e") ──▶ record | FrameDecodeException
 * </pre>
 *
 * <p>Not thread-safe (the fast path reuses buffers): one instance per connection or per thread.
 */
public final class UserDataDecoder {
  /** Frames longer than this many characters are refused as absurd (the largest real event is a few KB). */
  public static final int DEFAULT_MAX_FRAME_CHARS = 64 * 1024;

  private final int maxFrameChars;
  private final FastExecutionReportDecoder fast = new FastExecutionReportDecoder();
  private final StrictEventDecoder strict = new StrictEventDecoder();
  private long fastPathFrames;
  private long strictPathFrames;

  public UserDataDecoder() {
    this(DEFAULT_MAX_FRAME_CHARS);
  }

  public UserDataDecoder(int maxFrameChars) {
    if (maxFrameChars <= 0) {
      throw new IllegalArgumentException("maxFrameChars must be positive");
    }
    this.maxFrameChars = maxFrameChars;
  }

  /** @throws FrameDecodeException when the frame is not a user-data event this decoder knows */
  public UserDataFrame decode(String text) {
    if (text == null || text.isEmpty()) {
      throw new FrameDecodeException(Kind.NOT_JSON, "empty frame");
    }
    if (text.length() > maxFrameChars) {
      throw new FrameDecodeException(Kind.TOO_LARGE,
          "frame of " + text.length() + " characters exceeds " + maxFrameChars);
    }
    UserDataFrame frame = fast.tryDecode(text);
    if (frame != null) {
      fastPathFrames++;
      return frame;
    }
    strictPathFrames++;
    return strict.decode(text);
  }

  /** The strict path alone (tests and benchmarks compare the two). */
  public UserDataFrame decodeStrict(String text) {
    return strict.decode(text);
  }

  public long fastPathFrames() {
    return fastPathFrames;
  }

  public long strictPathFrames() {
    return strictPathFrames;
  }

  /** At most {@code max} characters of a frame, for log lines. */
  public static String excerpt(String text, int max) {
    if (text == null) {
      return "null";
    }
    return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
  }
}
