package dev.ordertracker.examples.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One cluster node in its own JVM (java + this JVM's class path + the Hazelcast flags), with its stdout kept line by
 * line so a test can wait for {@code CLUSTER-NODE-READY} and similar markers. stderr goes to a file under
 * target/cluster-logs for post-mortems.
 */
final class NodeProcess implements AutoCloseable {
  static final List<String> HAZELCAST_FLAGS = List.of("--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  private final String name;
  private final Process process;
  private final Path stderrLog;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<Long> lineNanos = new CopyOnWriteArrayList<>();
  private final Object signal = new Object();
  private volatile String nodeId;

  private NodeProcess(String name, Process process, Path stderrLog) {
    this.name = name;
    this.process = process;
    this.stderrLog = stderrLog;
    Thread reader = new Thread(this::pump, "stdout-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code mainClass} with {@code args}; {@code sysProps} are {@code -Dk=v} entries. */
  static NodeProcess start(String name, String mainClass, List<String> sysProps, List<String> args)
      throws IOException {
    Path logs = Path.of("target", "cluster-logs");
    Files.createDirectories(logs);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small and quick to start for tests; the benchmark asks for full JIT and more heap (-Dcluster.node.jvm=...).
    command.addAll(List.of(System.getProperty("cluster.node.jvm",
        "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").trim().split("\\s+")));
    command.addAll(HAZELCAST_FLAGS);
    command.add("-Dprobe.name=" + name);
    command.addAll(sysProps);
    command.add("-cp");
    command.add(classPathSnapshot());
    command.add(mainClass);
    command.addAll(args);
    Path stderrLog = logs.resolve(name + "-" + System.nanoTime() + ".stderr.log");
    Process process = new ProcessBuilder(command).redirectError(stderrLog.toFile()).start();
    // Children must not outlive this JVM (an interrupted test or benchmark run).
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-" + name));
    return new NodeProcess(name, process, stderrLog);
  }

  private static String snapshot;

  /**
   * This JVM's class path with every directory entry copied once under target/cluster-classpath: node JVMs load
   * classes lazily, and a concurrent build of another module rewriting its target/classes must not pull classes
   * from under a running node (seen as NoClassDefFoundError on a shared checkout).
   */
  static synchronized String classPathSnapshot() throws IOException {
    if (snapshot != null) {
      return snapshot;
    }
    Path root = Path.of("target", "cluster-classpath", Long.toString(ProcessHandle.current().pid()));
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path source = Path.of(entry);
      if (Files.isDirectory(source)) {
        Path target = root.resolve(Integer.toString(i++));
        copyTree(source, target);
        entries.add(target.toAbsolutePath().toString());
      } else {
        entries.add(entry);
      }
    }
    snapshot = String.join(java.io.File.pathSeparator, entries);
    return snapshot;
  }

  private static void copyTree(Path source, Path target) throws IOException {
    try (var paths = Files.walk(source)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("CLUSTER-NODE-READY ")) {
          nodeId = line.substring("CLUSTER-NODE-READY ".length()).trim();
        }
        lineNanos.add(System.nanoTime());
        lines.add(line);
        synchronized (signal) {
          signal.notifyAll();
        }
      }
    } catch (IOException e) {
      lines.add("STDOUT-CLOSED " + e.getMessage());
    }
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Waits until a stdout line starting with {@code prefix} appeared (counting from line {@code from}). */
  String awaitLine(String prefix, int from, Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (signal) {
      while (true) {
        for (int i = from; i < lines.size(); i++) {
          if (lines.get(i).startsWith(prefix)) {
            return lines.get(i);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException(name + ": no line '" + prefix + "' within " + timeout + "; alive="
              + process.isAlive() + "; stdout=" + lines);
        }
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited with " + process.exitValue() + " before '" + prefix
              + "'; stdout=" + lines);
        }
        signal.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 200_000_000L))));
      }
    }
  }

  /** When (System.nanoTime) the first line starting with {@code prefix} from line {@code from} was read, or -1. */
  long lineTime(String prefix, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return lineNanos.get(i);
      }
    }
    return -1;
  }

  /** Resident memory of the process in KiB (Linux /proc), or -1. */
  long residentKib() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  String awaitLine(String prefix, Duration timeout) throws InterruptedException, TimeoutException {
    return awaitLine(prefix, 0, timeout);
  }

  /** The node's log (its stderr) so far. */
  List<String> logLines() throws IOException {
    return Files.readAllLines(stderrLog, StandardCharsets.UTF_8);
  }

  int lineCount() {
    return lines.size();
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  String name() {
    return name;
  }

  String nodeId() {
    return nodeId;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
