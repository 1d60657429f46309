package dev.ordertracker.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js script run by a test: its stdout lines are queued for the test to wait on (bounded); everything it
 * printed is kept for the failure message. Fails — never skips — when node, js/node_modules or chromium is missing.
 */
final class NodeProcess implements AutoCloseable {
  static final Path JS_DIR = Path.of("..", "js").toAbsolutePath().normalize();
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> transcript = new ArrayList<>();

  private NodeProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (transcript) {
            transcript.add(line);
          }
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("IOERROR " + e.getMessage());
      }
    }, "node-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  static void requireNodeModules(String... packages) {
    Path modules = JS_DIR.resolve("node_modules");
    for (String p : packages) {
      if (!Files.isDirectory(modules.resolve(p))) {
        throw new AssertionError("missing " + modules.resolve(p) + ": run scripts/install-test-deps.sh"
            + " (npm ci --prefix js) before the tests");
      }
    }
  }

  static void requireChromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new AssertionError(CHROMIUM + " is missing: run scripts/install-test-deps.sh (apt-get install chromium)"
          + " before the tests");
    }
  }

  static NodeProcess start(String script, String... args) {
    List<String> command = new ArrayList<>(List.of("node", JS_DIR.resolve(script).toString()));
    command.addAll(List.of(args));
    try {
      return new NodeProcess(new ProcessBuilder(command).directory(JS_DIR.toFile()).redirectErrorStream(true)
          .start());
    } catch (IOException e) {
      throw new AssertionError("cannot start node (is Node.js installed? scripts/install-test-deps.sh): " + e, e);
    }
  }

  /** The next line starting with {@code prefix} within {@code seconds}; earlier other lines are skipped. */
  String awaitLine(String prefix, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new AssertionError("no line starting with '" + prefix + "' within " + seconds + " s; output:\n"
              + transcript());
        }
        if (line.startsWith("RESULT FAIL") && !prefix.startsWith("RESULT FAIL")) {
          throw new AssertionError("node failed: " + line + "\noutput:\n" + transcript());
        }
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  int awaitExit(int seconds) {
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        throw new AssertionError("node did not exit within " + seconds + " s; output:\n" + transcript());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  String transcript() {
    synchronized (transcript) {
      return String.join("\n", transcript);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
