package dev.ordertracker.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the simulator standalone: {@code java -cp ... dev.ordertracker.simulator.SimulatorMain [options.json]
 * [--port N] [--host H] [--auto-trader]} ({@code --host 0.0.0.0} in a container). Without arguments: port 8090 on 127.0.0.1, demo account, default symbols, price walk on.
 */
public final class SimulatorMain {

  private SimulatorMain() {
  }

  public static void main(String[] args) throws Exception {
    JsonObject config = new JsonObject().put("port", 8090);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port":
          config.put("port", Integer.parseInt(args[++i]));
          break;
        case "--host":
          config.put("host", args[++i]);
          break;
        case "--auto-trader":
          config.put("autoTrader", new JsonObject().put("enabled", true));
          break;
        default:
          config.mergeIn(new JsonObject(Files.readString(Path.of(args[i]))));
      }
    }
    SimulatorOptions options = new SimulatorOptions(config);
    Vertx vertx = Vertx.vertx();
    BinanceSimulator simulator = BinanceSimulator.create(vertx, options);
    simulator.start().onComplete(ar -> {
      if (ar.succeeded()) {
        System.out.println("binance-simulator listening: WebSocket API " + simulator.wsApiUrl() + ", REST "
            + simulator.restUrl() + ", admin " + simulator.restUrl() + "/admin");
        System.out.println("demo account apiKey " + AccountOptions.DEMO_API_KEY);
        System.out.println("demo account secret " + AccountOptions.DEMO_SECRET);
      } else {
        System.err.println("binance-simulator failed to start: " + ar.cause());
        vertx.close();
        System.exit(1);
      }
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        simulator.close().compose(v -> vertx.close()).await();
      } catch (Exception e) {
        System.err.println("shutdown: " + e);
      }
    }));
  }
}
