package dev.ordertracker.bench.adapter;

import dev.ordertracker.binance.codec.ExecutionReport;
import dev.ordertracker.binance.codec.OrderUpdates;
import dev.ordertracker.binance.codec.UserDataDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Text frame → typed {@link ExecutionReport} with BigDecimals, one thread: the hand-written single-pass fast path,
 * the strict (Jackson) path it falls back to, and fast path + mapping to an OrderUpdate. 1,024 distinct frames of
 * ~720 characters rotate so that nothing is constant-folded.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar UserDataDecoderBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Xms1g"})
public class UserDataDecoderBenchmark {
  private String[] frames;
  private UserDataDecoder decoder;
  private int next;

  @Setup
  public void setUp() {
    frames = Frames.executionReports(1024);
    decoder = new UserDataDecoder();
    if (!decoder.decode(frames[0]).equals(decoder.decodeStrict(frames[0]))) {
      throw new IllegalStateException("fast and strict paths disagree");
    }
  }

  @Benchmark
  public Object fastPath() {
    return decoder.decode(frames[next++ & 1023]);
  }

  @Benchmark
  public Object strictPath() {
    return decoder.decodeStrict(frames[next++ & 1023]);
  }

  @Benchmark
  public Object fastPathToOrderUpdate() {
    return OrderUpdates.from((ExecutionReport) decoder.decode(frames[next++ & 1023]).event(), "main");
  }
}
