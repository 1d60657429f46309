package dev.ordertracker.simulator.impl;

import dev.ordertracker.simulator.BinanceSimulator;
import dev.ordertracker.simulator.SimulatedOrder;
import dev.ordertracker.simulator.SimulatorOptions;
import dev.ordertracker.simulator.faults.FaultInjector;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link BinanceSimulator} backed by a {@link SimulatorCore} verticle; calls hop onto the core's context. */
public final class BinanceSimulatorImpl implements BinanceSimulator {

  private final Vertx vertx;
  private final SimulatorOptions options;
  private final TruthView truth = new TruthView();
  private volatile SimulatorCore core;
  private volatile String deploymentId;
  private volatile int port = -1;

  public BinanceSimulatorImpl(Vertx vertx, SimulatorOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  @Override
  public Future<Integer> start() {
    if (core != null) {
      return Future.failedFuture(new IllegalStateException("already started"));
    }
    SimulatorCore c = new SimulatorCore(options, truth);
    core = c;
    return vertx.deployVerticle(c).map(id -> {
      deploymentId = id;
      port = c.actualPort();
      return port;
    });
  }

  @Override
  public Future<Void> close() {
    String id = deploymentId;
    if (id == null) {
      return Future.succeededFuture();
    }
    deploymentId = null;
    // Deployed from inside another verticle (SimulatorVerticle), the core is undeployed with its parent already.
    return vertx.deploymentIDs().contains(id) ? vertx.undeploy(id) : Future.succeededFuture();
  }

  @Override
  public int port() {
    if (port < 0) {
      throw new IllegalStateException("simulator not started");
    }
    return port;
  }

  @Override
  public String wsApiUrl() {
    return "ws://" + options.getHost() + ":" + port() + "/ws-api/v3";
  }

  @Override
  public String restUrl() {
    return "http://" + options.getHost() + ":" + port();
  }

  @Override
  public FaultInjector faults() {
    return started().faultInjector();
  }

  @Override
  public void setPrice(String symbol, BigDecimal price) {
    movePrice(symbol, price);
  }

  @Override
  public Future<Void> movePrice(String symbol, BigDecimal price) {
    SimulatorCore c = started();
    return onContext(c.ctx(), () -> {
      c.setPrice(symbol, price);
      return null;
    });
  }

  @Override
  public Future<Void> deposit(String account, String asset, BigDecimal amount) {
    SimulatorCore c = started();
    return onContext(c.ctx(), () -> {
      c.deposit(account, asset, amount);
      return null;
    });
  }

  @Override
  public BigDecimal price(String symbol) {
    return truth.price(symbol);
  }

  @Override
  public List<SimulatedOrder> orders() {
    return truth.all();
  }

  @Override
  public Optional<SimulatedOrder> order(String symbol, long orderId) {
    return truth.get(symbol, orderId);
  }

  @Override
  public Future<Long> pushScripted(String account, long count, int framesPerSecond, long[] writeNanos) {
    if (framesPerSecond < 0) {
      return Future.failedFuture(new IllegalArgumentException("framesPerSecond must be >= 0: " + framesPerSecond));
    }
    if (writeNanos != null && writeNanos.length < count) {
      return Future.failedFuture(new IllegalArgumentException("writeNanos holds " + writeNanos.length
          + " frames, fewer than " + count));
    }
    SimulatorCore c = started();
    return onContext(c.ctx(), () -> c.pushScripted(account, count, framesPerSecond, writeNanos)).compose(f -> f);
  }

  @Override
  public Future<Integer> connectionCount() {
    SimulatorCore c = started();
    return onContext(c.ctx(), c::connectionCount);
  }

  private SimulatorCore started() {
    SimulatorCore c = core;
    if (c == null || port < 0) {
      throw new IllegalStateException("simulator not started");
    }
    return c;
  }

  private static <T> Future<T> onContext(Context context, Supplier<T> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> {
      try {
        promise.complete(action.get());
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    return promise.future();
  }
}
