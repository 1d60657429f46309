package dev.ordertracker.bench.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plain-main version of {@link SimulatorThroughputBenchmark}, printing each run and the medians:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.simulator.SimulatorThroughputMain
 * [events=1000000] [orders=20000] [runs=5]}.
 */
public final class SimulatorThroughputMain {

  private SimulatorThroughputMain() {
  }

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int orders = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    try (SimulatorLoad load = new SimulatorLoad()) {
      load.eventsPerSecond(events / 5);
      load.ordersPerSecond(orders / 5);
      List<Double> e = new ArrayList<>();
      List<Double> o = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        e.add(load.eventsPerSecond(events));
        cpu.add(SimulatorLoad.lastEventsCpuMicros);
        o.add(load.ordersPerSecond(orders));
        System.out.printf("run %d: %,.0f executionReport events/s (%.2f us CPU per event, simulator + client),"
            + " %,.0f order.place orders/s%n", i + 1, e.get(i), cpu.get(i), o.get(i));
      }
      System.out.printf("MEDIAN executionReport events/s to one connection: %,.0f (target >= 200,000)%n", median(e));
      System.out.printf("MEDIAN order.place orders/s over one connection:   %,.0f (target >= 2,000)%n", median(o));
      System.out.printf("MEDIAN CPU per scripted event (simulator + client, whole process): %.2f us"
          + " = %,.0f events per CPU-second%n", median(cpu), 1e6 / median(cpu));
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
