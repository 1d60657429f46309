package dev.ordertracker.simulator;

import dev.ordertracker.simulator.faults.FaultInjector;
import dev.ordertracker.simulator.impl.BinanceSimulatorImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A paper exchange speaking the Binance Spot WebSocket API ({@code /ws-api/v3}) and REST ({@code /api/v3}) on one
 * HTTP server. All its state lives on one Vert.x context (its own verticle); every method here is safe to call
 * from any thread.
 *
 * <pre>
 *   BinanceSimulator sim = BinanceSimulator.create(vertx, new SimulatorOptions().setPriceWalkIntervalMs(0));
 *   sim.start().onSuccess(port -> connect(sim.wsApiUrl()));
 * </pre>
 */
public interface BinanceSimulator {

  static BinanceSimulator create(Vertx vertx, SimulatorOptions options) {
    return new BinanceSimulatorImpl(vertx, options.validate());
  }

  /** Deploys the simulator's verticle and binds the server; completes with the bound port. */
  Future<Integer> start();

  Future<Void> close();

  /** The bound port (after start). */
  int port();

  /** {@code ws://HOST:PORT/ws-api/v3}. */
  String wsApiUrl();

  /** {@code http://HOST:PORT}. */
  String restUrl();

  FaultInjector faults();

  /**
   * Moves the reference price (rounded to the tick). Resting limits the price moves through fill fully, those it
   * only touches fill half of what remains. Runs asynchronously on the simulator context; use
   * {@link #movePrice} to wait for it.
   */
  void setPrice(String symbol, BigDecimal price);

  /** Like {@link #setPrice}, completing once the price moved and the resulting fills were published. */
  Future<Void> movePrice(String symbol, BigDecimal price);

  /**
   * Credits (negative: debits) the free balance of an asset, as a deposit or withdrawal would: emits
   * {@code balanceUpdate} then {@code outboundAccountPosition}.
   */
  Future<Void> deposit(String account, String asset, BigDecimal amount);

  /** The current reference price. */
  BigDecimal price(String symbol);

  /** Truth view: every order of every account, in creation order. */
  List<SimulatedOrder> orders();

  Optional<SimulatedOrder> order(String symbol, long orderId);

  /**
   * Pushes {@code count} pre-built, valid executionReport events (NEW / partial TRADE / final TRADE sequences of
   * synthetic orders, order ids from 9,000,000,000 up) to every subscription of {@code account}, as fast as the
   * sockets accept them (respecting back-pressure). Completes with the number of frames written.
   */
  default Future<Long> pushScripted(String account, long count) {
    return pushScripted(account, count, 0);
  }

  /**
   * Like {@link #pushScripted(String, long)}, paced at {@code framesPerSecond} per subscription (0 = as fast as the
   * socket accepts): a 1 ms timer writes the frames that are due, so latency can be measured below saturation.
   * Frame {@code k} of the push is due {@code k / framesPerSecond} seconds after the push starts; frames held back
   * by a full socket are written late (back-pressure still holds), and the delay shows in the consumer's latency.
   */
  default Future<Long> pushScripted(String account, long count, int framesPerSecond) {
    return pushScripted(account, count, framesPerSecond, null);
  }

  /**
   * Like {@link #pushScripted(String, long, int)}, and records in {@code writeNanos[k]} the {@code System.nanoTime()}
   * at which frame {@code k} of the push was handed to the socket (for latency measurements; the array is complete
   * when the future completes). Needs exactly one subscription of {@code account} and an array of at least
   * {@code count}.
   */
  Future<Long> pushScripted(String account, long count, int framesPerSecond, long[] writeNanos);

  /** Number of open WebSocket API connections. */
  Future<Integer> connectionCount();
}
