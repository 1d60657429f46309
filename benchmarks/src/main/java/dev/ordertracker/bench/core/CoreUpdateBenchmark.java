package dev.ordertracker.bench.core;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.api.UpdateResult;
import dev.ordertracker.core.EventSink;
import dev.ordertracker.core.OrderTrackerCore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The tracker core alone, one thread, no event bus: exchange reports applied through identity, duplicate check,
 * the transition table, mutation, history and event creation (each report is a real change and emits one
 * {@link OrderEvent} to a sink that keeps the last one). Target: at least 3,000,000 updates/s.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CoreUpdateBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CoreUpdateBenchmark {
  /**
   * Order lives cycled through: 2,000 (10,000 reports) keeps the input cache-resident, as a report freshly decoded
   * by the adapter is; with a history of 1,000 an id is evicted long before it comes round again.
   */
  static final int ORDERS = 2_000;

  private OrderUpdate[] updates;
  private OrderTrackerCore core;
  private int next;
  private LastEvent sink;

  /** Keeps the last event so that the JIT cannot drop its creation. */
  static final class LastEvent implements EventSink {
    OrderEvent last;

    @Override
    public void publish(OrderEvent event) {
      last = event;
    }
  }

  @Setup(Level.Trial)
  public void build() {
    updates = OrderLives.build(ORDERS, "BTCUSDT");
  }

  @Setup(Level.Iteration)
  public void freshCore() {
    sink = new LastEvent();
    core = OrderTrackerCore.builder().maxHistorySize(1000).sink(sink).build();
    next = 0;
  }

  /** The fast path (what the in-JVM ingest uses): outcome only. */
  @Benchmark
  public UpdateOutcome apply() {
    OrderUpdate u = updates[next];
    next = next + 1 == updates.length ? 0 : next + 1;
    return core.apply(u);
  }

  /** The service path: the full UpdateResult with a snapshot of the order (what a caller of applyUpdate gets). */
  @Benchmark
  public UpdateResult applyWithResult() {
    OrderUpdate u = updates[next];
    next = next + 1 == updates.length ? 0 : next + 1;
    return core.applyUpdate(u);
  }
}
