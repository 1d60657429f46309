package dev.ordertracker.binance.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The first stage of a replay: reads the recorded frames line by line (buffered, never the whole file), skips blank
 * lines and hands the rest on in batches of {@value #BATCH}. Runs on one thread.
 */
final class LineReader {
  static final int BATCH = 512;

  private LineReader() {
  }

  /** Reads {@code in} to its end, handing each full batch (and the last one) to {@code out}. */
  static void readAll(BufferedReader in, Consumer<LineBatch> out) throws IOException {
    String[] lines = new String[BATCH];
    int n = 0;
    long chars = 0;
    String line;
    while ((line = in.readLine()) != null) {
      chars += line.length() + 1;
      if (line.isBlank()) {
        continue;
      }
      lines[n++] = line;
      if (n == BATCH) {
        out.accept(new LineBatch(lines, n, chars));
        lines = new String[BATCH];
        n = 0;
      }
    }
    if (n > 0) {
      out.accept(new LineBatch(lines, n, chars));
    }
  }
}
