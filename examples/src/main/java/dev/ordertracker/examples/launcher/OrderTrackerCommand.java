package dev.ordertracker.examples.launcher;

import dev.ordertracker.binance.replay.ReplayFormat;
import dev.ordertracker.binance.replay.ReplayTool;
import dev.ordertracker.examples.DemoMain;
import dev.ordertracker.examples.cluster.ClusterNode;
import dev.ordertracker.examples.cluster.ClusterNodeOptions;
import dev.ordertracker.examples.config.ConfigLoader;
import dev.ordertracker.examples.config.LauncherConfig;
import dev.ordertracker.simulator.SimulatorMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code order-tracker}: the one command line of the shaded jar ({@code java -jar vertx-order-tracker-demo.jar
 * <command>}), with {@code --help} on each command. Without a command it runs the main job ({@code run}), which is
 * what {@code scripts/demo.sh} does. {@code run} and {@code node} read the same configuration
 * ({@link LauncherConfig}): {@code --config FILE} (YAML or JSON), then the environment, then their flags.
 */
@Command(name = "order-tracker", mixinStandardHelpOptions = true, version = "vertx-order-tracker 0.1.0-SNAPSHOT",
    description = "Tracks Binance orders in real time on Vert.x and publishes their life as events.",
    subcommands = {OrderTrackerCommand.Run.class, OrderTrackerCommand.Node.class, OrderTrackerCommand.Simulator.class,
        OrderTrackerCommand.Replay.class, TokenCommand.class, CommandLine.HelpCommand.class})
public final class OrderTrackerCommand implements Callable<Integer> {
  /** Exit status of a configuration error (as picocli's for a bad command line). */
  public static final int EXIT_CONFIG = 2;

  public static void main(String[] args) {
    int exit = commandLine().execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** The parser, for tests: {@code commandLine().execute(args)} returns the exit code. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new OrderTrackerCommand());
    LauncherFlags.addTo(cl.getSubcommands().get("run").getCommandSpec(), false);
    LauncherFlags.addTo(cl.getSubcommands().get("node").getCommandSpec(), true);
    // a configuration error is one line naming the key, not a stack trace
    cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      if (e instanceof IllegalArgumentException) {
        commandLine.getErr().println(commandLine.getCommandName() + ": " + e.getMessage());
        return EXIT_CONFIG;
      }
      throw e;
    });
    return cl;
  }

  /**
   * The configuration {@code order-tracker node ARGS} would run with in environment {@code env}.
   *
   * @throws IllegalArgumentException naming the flag or key
   */
  public static LauncherConfig nodeConfig(String[] args, Map<String, String> env) {
    CommandLine cl = commandLine();
    String[] withCommand = new String[args.length + 1];
    withCommand[0] = "node";
    System.arraycopy(args, 0, withCommand, 1, args.length);
    ParseResult parsed;
    try {
      parsed = cl.parseArgs(withCommand).subcommand();
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Node command = cl.getSubcommands().get("node").getCommand();
    return ConfigLoader.loadNow(command.config.file, env, LauncherFlags.given(parsed));
  }

  /** No command: the main job. */
  @Override
  public Integer call() {
    DemoMain.run(ConfigLoader.loadNow(null, System.getenv(), Map.of()), System.getenv());
    return 0;
  }

  @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
      description = "The full stack in one JVM: the tracker with its store, the adapter (all accounts on one "
          + "WebSocket API connection), the bridge and dashboard; with no account configured, on the embedded "
          + "simulator with a generated demo key. Configuration: --config FILE, then the environment, then the "
          + "flags below (README, \"Configuration\"). Ctrl-C stops it cleanly.")
  static final class Run implements Callable<Integer> {
    @Mixin
    ConfigSource config;

    @Override
    public Integer call() {
      DemoMain.configureLogging();
      DemoMain.run(config.load(), config.env);
      return 0;
    }
  }

  @Command(name = "node", mixinStandardHelpOptions = true, sortOptions = false,
      description = "A clustered node (Hazelcast) with roles: tracker, adapter, bridge, simulator, consumer. The "
          + "configuration of run (--config FILE, then the environment, then the flags below) plus its cluster "
          + "section (examples/README-cluster.md).")
  static final class Node implements Callable<Integer> {
    @Mixin
    ConfigSource config;

    @Override
    public Integer call() {
      ClusterNode.configureLogging();
      ClusterNode.run(new ClusterNodeOptions(config.load()));
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

    @Option(names = "--format", defaultValue = "orders", paramLabel = "orders|states", converter = FormatConverter.class,
        description = "per order: the whole TrackedOrder (orders, default) or its final state alone (states)")
    ReplayFormat format;

    static final class FormatConverter implements CommandLine.ITypeConverter<ReplayFormat> {
      @Override
      public ReplayFormat convert(String value) {
        return ReplayFormat.parse(value);
      }
    }

    @Override
    public Integer call() throws Exception {
      List<String> args = new ArrayList<>(List.of("--input", input, "--output", output));
      if (account != null) {
        args.addAll(List.of("--account", account));
      }
      args.addAll(List.of("--format", format.name().toLowerCase(Locale.ROOT)));
      ReplayTool.main(args.toArray(String[]::new));
      return 0;
    }
  }
}
