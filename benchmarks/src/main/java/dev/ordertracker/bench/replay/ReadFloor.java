package dev.ordertracker.bench.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor under any replay of a file, as a whole process: start a JVM, read the file in 64 KiB blocks and count its
 * lines — no decoding, no state. {@link ReplayBenchMain} times it beside the replay and the baseline, so that a
 * ratio target can be read against what no replay can go below on the same host.
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.replay.ReadFloor IN.jsonl
 * </pre>
 */
public final class ReadFloor {
  private ReadFloor() {
  }

  public static void main(String[] args) throws IOException {
    long lines = 0;
    byte[] block = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      int n;
      while ((n = in.read(block)) > 0) {
        for (int i = 0; i < n; i++) {
          if (block[i] == '\n') {
            lines++;
          }
        }
      }
    }
    System.out.println("floor: " + lines + " lines");
  }
}
