package dev.ordertracker.bench.replay;

import dev.ordertracker.binance.replay.ReplayTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuilt replay on a generated workload with duplicates and swapped partial fills ends every order in exactly
 * the generator's expected state; so does the naive baseline; the workload is the same for the same seed.
 */
class ReplayWorkloadTest {

  @Test
  void replayEndsEveryOrderInTheExpectedState(@TempDir Path dir) throws Exception {
    Path frames = dir.resolve("frames.jsonl");
    long lines = ReplayWorkload.write(3_000, 42, frames);
    Map<String, String> expected = FinalStates.readLines(ReplayWorkload.expectedOf(frames));
    assertThat(expected).hasSize(3_000);
    // the faults are there: repeated lines, and stale (swapped) partial fills the tracker must not let win
    List<String> all = Files.readAllLines(frames);
    assertThat(all).hasSize((int) lines);
    assertThat(all.stream().distinct().count()).isLessThan(lines);
    assertThat(expected.values()).anyMatch(s -> s.contains(" PARTIALLY_FILLED "))
        .anyMatch(s -> s.contains(" PLACED ")).anyMatch(s -> s.contains(" CANCELLED "));

    Path out = dir.resolve("orders.jsonl");
    ReplayTool.Result r = ReplayTool.run(frames, out, null, null);
    assertThat(r.frames()).isEqualTo(lines);
    assertThat(r.decodeErrors()).isZero();
    assertThat(r.duplicatesDropped()).isPositive();
    assertThat(r.applied()).isLessThan(r.updates()); // swapped partial fills: the older one arrives stale
    assertThat(r.orders()).isEqualTo(3_000);
    Map<String, String> replayed = FinalStates.readTrackedOrders(out);
    assertThat(FinalStates.firstDifference(expected, replayed)).isNull();
    assertThat(FinalStates.compare(expected, replayed)).isEqualTo(3_000);
  }

  @Test
  void naiveBaselineEndsEveryOrderInTheExpectedState(@TempDir Path dir) throws Exception {
    Path frames = dir.resolve("frames.jsonl");
    ReplayWorkload.write(2_000, 7, frames);
    Path out = dir.resolve("naive.states");
    NaiveReplay.main(new String[] {frames.toString(), out.toString()});
    Map<String, String> expected = FinalStates.readLines(ReplayWorkload.expectedOf(frames));
    assertThat(FinalStates.firstDifference(expected, FinalStates.readLines(out))).isNull();
  }

  @Test
  void theSameSeedGivesTheSameWorkload(@TempDir Path dir) throws Exception {
    ReplayWorkload.write(500, 9, dir.resolve("a.jsonl"));
    ReplayWorkload.write(500, 9, dir.resolve("b.jsonl"));
    ReplayWorkload.write(500, 10, dir.resolve("c.jsonl"));
    assertThat(Files.readAllLines(dir.resolve("a.jsonl"))).isEqualTo(Files.readAllLines(dir.resolve("b.jsonl")))
        .isNotEqualTo(Files.readAllLines(dir.resolve("c.jsonl")));
  }

  @Test
  void medianOfTheRuns() {
    assertThat(ReplayBenchMain.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(ReplayBenchMain.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
  }
}
