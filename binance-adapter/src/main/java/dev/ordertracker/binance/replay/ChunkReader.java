package dev.ordertracker.binance.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * The first stage of a replay: reads the recorded frames as raw bytes, in chunks of about {@value #CHUNK} bytes cut
 * at a line boundary, and hands them on. Never the whole file, and no characters decoded here: splitting lines and
 * making strings is the decoders' work, on their threads (a {@code BufferedReader} spent more on this one thread
 * than a decoder did on decoding). A line longer than {@value #MAX_LINE} bytes (no frame is near that) is dropped
 * and counted, so a file without newlines cannot make the reader hold it all. Runs on one thread.
 */
final class ChunkReader {
  static final int CHUNK = 1 << 18;
  static final int MAX_LINE = 1 << 20;

  private ChunkReader() {
  }

  /** Reads {@code in} to its end, handing every chunk to {@code out}. */
  static void readAll(InputStream in, Consumer<Chunk> out) throws IOException {
    byte[] buf = new byte[CHUNK];
    int n = 0;
    long read = 0;
    int oversize = 0;
    boolean skipping = false;
    while (true) {
      int r = in.readNBytes(buf, n, buf.length - n);
      read += r;
      n += r;
      boolean end = n < buf.length;
      if (skipping) {
        int newline = indexOf(buf, 0, n);
        if (newline < 0) {
          n = 0;
          if (end) {
            break;
          }
          continue;
        }
        skipping = false;
        n -= newline + 1;
        System.arraycopy(buf, newline + 1, buf, 0, n);
        continue;
      }
      if (end) {
        if (n > 0) {
          out.accept(new Chunk(buf, n, read, oversize));
        }
        break;
      }
      int last = lastIndexOf(buf, n);
      if (last >= 0) {
        int rest = n - last - 1;
        byte[] next = new byte[Math.max(CHUNK, Math.min(MAX_LINE, rest * 2))];
        System.arraycopy(buf, last + 1, next, 0, rest);
        out.accept(new Chunk(buf, last + 1, read - rest, oversize));
        oversize = 0;
        buf = next;
        n = rest;
      } else if (buf.length < MAX_LINE) {
        byte[] bigger = new byte[Math.min(MAX_LINE, buf.length * 2)];
        System.arraycopy(buf, 0, bigger, 0, n);
        buf = bigger;
      } else {
        oversize++;
        skipping = true;
        n = 0;
      }
    }
  }

  static int indexOf(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] bytes, int to) {
    for (int i = to - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
