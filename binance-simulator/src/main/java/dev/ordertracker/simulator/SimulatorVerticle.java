package dev.ordertracker.simulator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Deploys a {@link BinanceSimulator}; the deployment config is the {@link SimulatorOptions} JSON (validated, unknown
 * keys rejected). The deployment fails if the config is invalid or the port cannot be bound.
 */
public final class SimulatorVerticle extends VerticleBase {

  private BinanceSimulator simulator;

  @Override
  public Future<?> start() {
    SimulatorOptions options = new SimulatorOptions(config());
    simulator = BinanceSimulator.create(vertx, options);
    return simulator.start();
  }

  @Override
  public Future<?> stop() {
    return simulator == null ? Future.succeededFuture() : simulator.close();
  }

  public BinanceSimulator simulator() {
    return simulator;
  }
}
