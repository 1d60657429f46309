package dev.ordertracker.bench.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replay tool against the naive baseline ({@link NaiveReplay}), as whole processes, alternately A B A B A B on
 * the same generated workload ({@link ReplayWorkload}); checks both programs' final states against the generator's
 * expectation after every run and prints the medians, their ratio and the replay's in-process frames/s; a third
 * process, {@link ReadFloor}, times the floor (a JVM reading the file and counting lines) in each round.
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.replay.ReplayBenchMain \
 *        [ORDERS=100000] [SEED=18] [PAIRS=3] [DIR=target/replay-bench] [FORMAT=states]
 * </pre>
 * {@code FORMAT} is the replay's {@code --format}: {@code states} writes what the baseline writes (a final state per
 * order), {@code orders} the whole TrackedOrder JSON (about 20 times the bytes).
 * Both children run with {@code -Xms1g -Xmx1g}, this JVM's class path and the extra flags of
 * {@code -Dbench.jvmFlags="..."} (e.g. {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, the short-run settings).
 * Exits 1 when a final state is wrong.
 */
public final class ReplayBenchMain {
  private static final Pattern FRAMES_PER_SECOND = Pattern.compile("([0-9.]+) frames/s");

  private ReplayBenchMain() {
  }

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 18;
    int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Path.of(args.length > 3 ? args[3] : "target/replay-bench");
    String format = args.length > 4 ? args[4] : "states";
    Files.createDirectories(dir);
    Path frames = dir.resolve("workload-" + orders + "-" + seed + ".jsonl");
    if (!Files.exists(ReplayWorkload.expectedOf(frames))) {
      long lines = ReplayWorkload.write(orders, seed, frames);
      System.out.printf("workload: %d orders, %d lines, %d MB%n", orders, lines, Files.size(frames) >> 20);
    }
    Map<String, String> expected = FinalStates.readLines(ReplayWorkload.expectedOf(frames));
    Path replayOut = dir.resolve("replay.out.jsonl");
    Path naiveOut = dir.resolve("naive.out.states");
    double[] replay = new double[pairs];
    double[] naive = new double[pairs];
    double[] inProcess = new double[pairs];
    double[] floor = new double[pairs];
    boolean exact = true;
    for (int k = 0; k < pairs; k++) {
      Run a = run("dev.ordertracker.binance.replay.ReplayTool", "--input", frames.toString(), "--output",
          replayOut.toString(), "--format", format);
      replay[k] = a.seconds;
      inProcess[k] = a.framesPerSecond;
      exact &= check("replay", expected, FinalStates.readTrackedOrders(replayOut));
      Run b = run(NaiveReplay.class.getName(), frames.toString(), naiveOut.toString());
      naive[k] = b.seconds;
      exact &= check("naive ", expected, FinalStates.readLines(naiveOut));
      floor[k] = run(ReadFloor.class.getName(), frames.toString()).seconds;
      System.out.printf("pair %d: replay %.2f s (in-process %,.0f frames/s), naive %.2f s, read-only floor %.2f s%n",
          k + 1, a.seconds, a.framesPerSecond, b.seconds, floor[k]);
    }
    double r = median(replay);
    double n = median(naive);
    System.out.printf("median whole process: replay (--format %s) %.2f s, naive %.2f s: replay is %.2fx the naive "
        + "baseline; replay in-process %,.0f frames/s; final states %s%n", format, r, n, n / r, median(inProcess),
        exact ? "all exact" : "WRONG");
    System.out.printf("read-only floor (a JVM that reads the file and counts its lines) %.2f s: "
        + "3x the baseline would be %.2f s, %.1fx the floor%n", median(floor), n / 3, n / 3 / median(floor));
    if (!exact) {
      System.exit(1);
    }
  }

  private record Run(double seconds, double framesPerSecond) {
  }

  private static Run run(String mainClass, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xms1g", "-Xmx1g"));
    String flags = System.getProperty("bench.jvmFlags", "").trim();
    if (!flags.isEmpty()) {
      command.addAll(Arrays.asList(flags.split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(Arrays.asList(args));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (code != 0) {
      throw new IllegalStateException(mainClass + " exited with " + code + ": " + out);
    }
    Matcher m = FRAMES_PER_SECOND.matcher(out);
    return new Run(seconds, m.find() ? Double.parseDouble(m.group(1)) : Double.NaN);
  }

  private static boolean check(String who, Map<String, String> expected, Map<String, String> actual) {
    int exact = FinalStates.compare(expected, actual);
    if (exact != expected.size() || actual.size() != expected.size()) {
      System.out.printf("%s: %d / %d final states exact; first difference: %s%n", who, exact, expected.size(),
          FinalStates.firstDifference(expected, actual));
      return false;
    }
    return true;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
