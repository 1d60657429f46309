package dev.ordertracker.bench.simulator;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The simulator must never be the bottleneck of the tracker's benchmarks: (a) executionReport events/s pushed to
 * one WebSocket connection (target >= 200,000/s), (b) order.place orders/s over one connection with pipelined
 * requests (target >= 2,000/s). Real loopback sockets, client and simulator in one JVM.
 * {@code java -jar benchmarks/target/benchmarks.jar SimulatorThroughputBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class SimulatorThroughputBenchmark {

  static final int EVENTS_PER_INVOCATION = 200_000;
  static final int ORDERS_PER_INVOCATION = 2_000;

  private SimulatorLoad load;

  @Setup
  public void setUp() throws Exception {
    load = new SimulatorLoad();
  }

  @TearDown
  public void tearDown() throws Exception {
    load.close();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public double executionReportEventsToOneConnection() throws Exception {
    return load.eventsPerSecond(EVENTS_PER_INVOCATION);
  }

  @Benchmark
  @OperationsPerInvocation(ORDERS_PER_INVOCATION)
  public double orderPlacePipelinedOnOneConnection() throws Exception {
    return load.ordersPerSecond(ORDERS_PER_INVOCATION);
  }
}
