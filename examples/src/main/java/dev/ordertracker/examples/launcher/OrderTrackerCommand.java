package dev.ordertracker.examples.launcher;

import dev.ordertracker.binance.replay.ReplayTool;
import dev.ordertracker.examples.DemoMain;
import dev.ordertracker.examples.cluster.ClusterNode;
import dev.ordertracker.simulator.SimulatorMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code order-tracker}: the one command line of the shaded jar ({@code java -jar vertx-order-tracker-demo.jar
 * <command>}), with {@code --help} on each command. Without a command it runs the main job ({@code run}), which is
 * what {@code scripts/demo.sh} does. Each command is the existing launcher of its mode; their settings stay where
 * those launchers document them (environment variables for {@code run}, flags or variables for {@code node}).
 */
@Command(name = "order-tracker", mixinStandardHelpOptions = true, version = "vertx-order-tracker 0.1.0-SNAPSHOT",
    description = "Tracks Binance orders in real time on Vert.x and publishes their life as events.",
    subcommands = {OrderTrackerCommand.Run.class, OrderTrackerCommand.Node.class, OrderTrackerCommand.Simulator.class,
        OrderTrackerCommand.Replay.class, TokenCommand.class, CommandLine.HelpCommand.class})
public final class OrderTrackerCommand implements Callable<Integer> {

  public static void main(String[] args) {
    int exit = commandLine().execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** The parser, for tests: {@code commandLine().execute(args)} returns the exit code. */
  public static CommandLine commandLine() {
    return new CommandLine(new OrderTrackerCommand());
  }

  /** No command: the main job. */
  @Override
  public Integer call() {
    DemoMain.main(new String[0]);
    return 0;
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"The full stack in one JVM: the embedded simulator (or Binance with BINANCE_API_KEY set),",
          "the tracker with its store, the adapter, the bridge and dashboard. Configured by environment variables",
          "(README, \"Configuration\"); Ctrl-C stops it cleanly."})
  static final class Run implements Callable<Integer> {
    @Override
    public Integer call() {
      DemoMain.main(new String[0]);
      return 0;
    }
  }

  @Command(name = "node", mixinStandardHelpOptions = false,
      description = {"A clustered node (Hazelcast) with roles: tracker, adapter, bridge, simulator, consumer.",
          "Its flags, each with an environment variable (examples/README-cluster.md), follow the command;",
          "`order-tracker node --help` lists them."})
  static final class Node implements Callable<Integer> {
    /** Passed as they are to ClusterNode, which validates them (and answers --help). */
    @Unmatched
    List<String> flags = new ArrayList<>();

    @Override
    public Integer call() {
      ClusterNode.main(flags.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "simulator", mixinStandardHelpOptions = true,
      description = "The paper exchange alone: Binance's WebSocket API and REST on HOST:PORT (demo account).")
  static final class Simulator implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "bind address (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8090", description = "port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--auto-trader", description = "place and cancel random orders on the demo account")
    boolean autoTrader;

    @Override
    public Integer call() throws Exception {
      List<String> args = new ArrayList<>(List.of("--host", host, "--port", Integer.toString(port)));
      if (autoTrader) {
        args.add("--auto-trader");
      }
      SimulatorMain.main(args.toArray(String[]::new));
      return 0;
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = "Replays captured user-data frames (JSON lines) through the tracker and writes the final orders.")
  static final class Replay implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FRAMES.jsonl", description = "captured frames")
    String input;

    @Option(names = "--output", required = true, paramLabel = "ORDERS.jsonl", description = "final orders")
    String output;

    @Option(names = "--account", description = "account name of the frames (default: from the frames)")
    String account;

    @Override
    public Integer call() throws Exception {
      List<String> args = new ArrayList<>(List.of("--input", input, "--output", output));
      if (account != null) {
        args.addAll(List.of("--account", account));
      }
      ReplayTool.main(args.toArray(String[]::new));
      return 0;
    }
  }
}
