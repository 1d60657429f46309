package dev.ordertracker.binance.replay;

import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.binance.codec.ExecutionReport;
import dev.ordertracker.binance.codec.FrameDecodeException;
import dev.ordertracker.binance.codec.OrderUpdates;
import dev.ordertracker.binance.codec.UserDataDecoder;
import dev.ordertracker.binance.codec.UserDataFrame;

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

  private final UserDataDecoder decoder = new UserDataDecoder();
  private final String account;
  private long logged;

  /** @param account every frame's account, or null: {@code sub-N} for wrapped frames, {@code replay} for bare ones */
  BatchDecoder(String account) {
    this.account = account;
  }

  DecodedBatch decode(LineBatch lines) {
    DecodedBatch out = new DecodedBatch(lines.size(), lines.size(), lines.charsRead());
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.lines()[i];
      UserDataFrame frame;
      try {
        frame = decoder.decode(text);
      } catch (FrameDecodeException e) {
        out.decodeErrors++;
        if (++logged <= LOGGED_ERRORS) {
          LOG.log(System.Logger.Level.WARNING, () -> "bad frame skipped (" + e.kind() + ": " + e.getMessage()
              + "): " + UserDataDecoder.excerpt(text, LOG_EXCERPT));
        }
        continue;
      }
      if (!(frame.event() instanceof ExecutionReport r)) {
        out.otherEvents++;
        continue;
      }
      String owner = accountOf(frame.subscriptionId());
      try {
        out.add(r, owner, OrderUpdates.from(r, owner), null);
      } catch (IllegalArgumentException e) {
        out.add(r, owner, null, e.getMessage() + ": " + UserDataDecoder.excerpt(text, LOG_EXCERPT));
      }
    }
    return out;
  }

  private String accountOf(long subscriptionId) {
    if (account != null) {
      return account;
    }
    return subscriptionId == UserDataFrame.NO_SUBSCRIPTION ? "replay" : "sub-" + subscriptionId;
  }
}
