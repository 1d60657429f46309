package dev.ordertracker.binance.replay;

import java.io.PrintStream;

/**
 * The progress line of a long replay, on stderr: frames so far, frames/s and the time left (from the share of the
 * input read). Silent for the first {@value #EVERY_SECONDS} seconds, so that short replays print nothing.
 */
final class ReplayProgress {
  static final long EVERY_SECONDS = 2;
  private static final long EVERY_NANOS = EVERY_SECONDS * 1_000_000_000L;

  private final PrintStream out;
  private final long totalChars;
  private final long startNanos = System.nanoTime();
  private long nextNanos = startNanos + EVERY_NANOS;

  /** @param totalChars the input's size (bytes, close enough to characters for JSON lines), or 0 when unknown */
  ReplayProgress(PrintStream out, long totalChars) {
    this.out = out;
    this.totalChars = totalChars;
  }

  void tick(long frames, long chars) {
    long now = System.nanoTime();
    if (out == null || now < nextNanos) {
      return;
    }
    nextNanos = now + EVERY_NANOS;
    out.println(line(frames, chars, now - startNanos, totalChars));
  }

  static String line(long frames, long chars, long elapsedNanos, long totalChars) {
    double seconds = elapsedNanos / 1e9;
    String eta = "";
    if (totalChars > 0 && chars > 0) {
      double left = seconds * Math.max(0, totalChars - chars) / chars;
      eta = String.format(", %.0f%% read, ETA %.0f s", Math.min(100.0, 100.0 * chars / totalChars), left);
    }
    return String.format("replay: %,d frames, %,.0f frames/s%s", frames, frames / Math.max(seconds, 1e-9), eta);
  }
}
