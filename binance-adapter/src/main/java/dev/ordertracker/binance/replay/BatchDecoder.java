package dev.ordertracker.binance.replay;

import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.binance.codec.ExecutionReport;
import dev.ordertracker.binance.codec.FrameDecodeException;
import dev.ordertracker.binance.codec.OrderUpdates;
import dev.ordertracker.binance.codec.UserDataDecoder;
import dev.ordertracker.binance.codec.UserDataFrame;

import java.nio.charset.StandardCharsets;

/**
 * The decoding stage of a replay, one per decoder thread (each with its own decoder): frame text → typed event with
 * the adapter's decoder → for an executionReport, its account and its {@link OrderUpdate}. Account and control
 * events are counted and skipped: nothing listens to them in a replay. Not thread-safe.
 */
final class BatchDecoder {
  private static final System.Logger LOG = System.getLogger(BatchDecoder.class.getName());
  /** Bad frames logged one by one up to this many per decoder; the rest only counted (no flooded stderr). */
  private static final int LOGGED_ERRORS = 10;
  static final int LOG_EXCERPT = 200;
  /** A wrapped executionReport is 500–700 bytes: the first guess of a chunk's frame count. */
  private static final int ESTIMATED_FRAME_BYTES = 400;

  private final UserDataDecoder decoder = new UserDataDecoder();
  private final String account;
  private long logged;
  private long lastSubscription;
  private String lastAccount;

  /** @param account every frame's account, or null: {@code sub-N} for wrapped frames, {@code replay} for bare ones */
  BatchDecoder(String account) {
    this.account = account;
  }

  /** Splits {@code chunk} into lines (blank ones skipped) and decodes each, in order. */
  DecodedBatch decode(Chunk chunk) {
    byte[] bytes = chunk.bytes();
    int length = chunk.length();
    DecodedBatch out = new DecodedBatch(length / ESTIMATED_FRAME_BYTES + 16, chunk.bytesRead());
    out.decodeErrors = chunk.oversizeLines();
    out.frames = chunk.oversizeLines();
    for (int start = 0; start < length; ) {
      int newline = ChunkReader.indexOf(bytes, start, length);
      int end = newline < 0 ? length : newline;
      if (!blank(bytes, start, end)) {
        out.frames++;
        // a JSON text is UTF-8; for ASCII (every real frame) this is one intrinsic check and a copy
        decodeLine(new String(bytes, start, end - start, StandardCharsets.UTF_8), out);
      }
      start = end + 1;
    }
    return out;
  }

  private static boolean blank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private void decodeLine(String text, DecodedBatch out) {
    UserDataFrame frame;
    try {
      frame = decoder.decode(text);
    } catch (FrameDecodeException e) {
      out.decodeErrors++;
      if (++logged <= LOGGED_ERRORS) {
        LOG.log(System.Logger.Level.WARNING, () -> "bad frame skipped (" + e.kind() + ": " + e.getMessage()
            + "): " + UserDataDecoder.excerpt(text, LOG_EXCERPT));
      }
      return;
    }
    if (!(frame.event() instanceof ExecutionReport r)) {
      out.otherEvents++;
      return;
    }
    String owner = accountOf(frame.subscriptionId());
    try {
      out.add(r, owner, OrderUpdates.from(r, owner), null);
    } catch (IllegalArgumentException e) {
      out.add(r, owner, null, e.getMessage() + ": " + UserDataDecoder.excerpt(text, LOG_EXCERPT));
    }
  }

  private String accountOf(long subscriptionId) {
    if (account != null) {
      return account;
    }
    if (subscriptionId != lastSubscription || lastAccount == null) {
      // one instance per run of frames from one subscription: the edge dedup then finds its scope by identity
      lastAccount = subscriptionId == UserDataFrame.NO_SUBSCRIPTION ? "replay" : "sub-" + subscriptionId;
      lastSubscription = subscriptionId;
    }
    return lastAccount;
  }
}
