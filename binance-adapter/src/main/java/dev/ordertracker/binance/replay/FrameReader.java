package dev.ordertracker.binance.replay;

import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.binance.codec.ExecutionReport;
import dev.ordertracker.binance.codec.FrameDecodeException;
import dev.ordertracker.binance.codec.OrderUpdates;
import dev.ordertracker.binance.codec.UserDataDecoder;
import dev.ordertracker.binance.codec.UserDataFrame;
import dev.ordertracker.binance.dedup.ExecutionDeduplicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The first stage of a replay: reads the recorded frames line by line (buffered, never the whole file), decodes
 * each with the adapter's decoder, drops duplicates at the edge (as the live stream does) and turns executionReports
 * into {@link OrderUpdate}s, handed on in batches of {@value #BATCH}. Account and control events are counted and
 * skipped: nothing listens to them in a replay. Runs on one thread; not thread-safe.
 */
final class FrameReader {
  private static final System.Logger LOG = System.getLogger(FrameReader.class.getName());
  static final int BATCH = 1024;
  /** Bad frames logged one by one up to this many; the rest only counted (a corrupt file must not flood stderr). */
  private static final int LOGGED_ERRORS = 10;
  private static final int LOG_EXCERPT = 200;
  /** Executions remembered for the edge dedup (as the live adapter's default order of magnitude). */
  static final int DEDUP_CAPACITY = 1_000_000;

  private final UserDataDecoder decoder = new UserDataDecoder();
  private final ExecutionDeduplicator dedup = new ExecutionDeduplicator(DEDUP_CAPACITY);
  private final String account;
  private final ReplayProgress progress;
  long frames;
  long decodeErrors;
  long updates;
  long invalidReports;
  long otherEvents;
  long chars;

  /** @param account every frame's account, or null: {@code sub-N} for wrapped frames, {@code replay} for bare ones */
  FrameReader(String account, ReplayProgress progress) {
    this.account = account;
    this.progress = progress;
  }

  long duplicatesDropped() {
    return dedup.dropped();
  }

  /** Reads {@code in} to its end, handing each full batch (and the last one) to {@code out}. */
  void readAll(BufferedReader in, Consumer<List<OrderUpdate>> out) throws IOException {
    List<OrderUpdate> batch = new ArrayList<>(BATCH);
    String line;
    while ((line = in.readLine()) != null) {
      chars += line.length() + 1;
      if (line.isBlank()) {
        continue;
      }
      OrderUpdate update = frame(line);
      if (update != null) {
        batch.add(update);
        if (batch.size() == BATCH) {
          out.accept(batch);
          batch = new ArrayList<>(BATCH);
          progress.tick(frames, chars);
        }
      }
    }
    if (!batch.isEmpty()) {
      out.accept(batch);
    }
  }

  private OrderUpdate frame(String text) {
    frames++;
    UserDataFrame frame;
    try {
      frame = decoder.decode(text);
    } catch (FrameDecodeException e) {
      if (++decodeErrors <= LOGGED_ERRORS) {
        LOG.log(System.Logger.Level.WARNING, () -> "bad frame skipped (" + e.kind() + ": " + e.getMessage() + "): "
            + UserDataDecoder.excerpt(text, LOG_EXCERPT));
      }
      return null;
    }
    if (!(frame.event() instanceof ExecutionReport r)) {
      otherEvents++;
      return null;
    }
    String owner = accountOf(frame.subscriptionId());
    if (!dedup.firstSeen(owner, r)) {
      return null;
    }
    try {
      OrderUpdate update = OrderUpdates.from(r, owner);
      if (update != null) {
        updates++;
      }
      return update;
    } catch (IllegalArgumentException e) {
      if (++invalidReports <= LOGGED_ERRORS) {
        LOG.log(System.Logger.Level.WARNING, () -> "executionReport refused (" + e.getMessage() + "): "
            + UserDataDecoder.excerpt(text, LOG_EXCERPT));
      }
      return null;
    }
  }

  private String accountOf(long subscriptionId) {
    if (account != null) {
      return account;
    }
    return subscriptionId == UserDataFrame.NO_SUBSCRIPTION ? "replay" : "sub-" + subscriptionId;
  }
}
