package dev.ordertracker.simulator.autotrader;

import dev.ordertracker.simulator.AutoTraderOptions;
import dev.ordertracker.simulator.account.Account;
import dev.ordertracker.simulator.api.ApiException;
import dev.ordertracker.simulator.matching.MatchingEngine;
import dev.ordertracker.simulator.matching.Order;
import dev.ordertracker.simulator.matching.OrderRequest;
import dev.ordertracker.simulator.matching.OrderType;
import dev.ordertracker.simulator.matching.Side;
import dev.ordertracker.simulator.matching.SymbolBook;
import dev.ordertracker.simulator.matching.SymbolSpec;
import dev.ordertracker.simulator.matching.TimeInForce;
import io.vertx.core.Vertx;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * Places and cancels random small orders for one account on a timer, through the same engine path as API
 * requests, so the demo's event stream is live: ~55 % LIMIT GTC within 0.2 % of the reference price, ~15 %
 * MARKET, ~30 % cancels of a random open order. Rejections (e.g. insufficient balance) are counted.
 * Runs on the simulator context.
 */
public final class AutoTrader {

  private static final System.Logger LOG = System.getLogger(AutoTrader.class.getName());

  private final Vertx vertx;
  private final MatchingEngine engine;
  private final Account account;
  private final AutoTraderOptions options;
  private final Random random;
  private long timer = -1;
  private long placed;
  private long canceled;
  private long rejected;

  public AutoTrader(Vertx vertx, MatchingEngine engine, Account account, AutoTraderOptions options, Random random) {
    this.vertx = vertx;
    this.engine = engine;
    this.account = account;
    this.options = options;
    this.random = random;
  }

  public void start() {
    long intervalMs = Math.max(1, Math.round(1000.0 / options.getOrdersPerSecond()));
    timer = vertx.setPeriodic(intervalMs, t -> step());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  void step() {
    String symbol = options.getSymbols().get(random.nextInt(options.getSymbols().size()));
    int dice = random.nextInt(100);
    try {
      if (dice < 30) {
        List<Order> open = engine.openOrders(account, symbol);
        if (!open.isEmpty()) {
          Order o = open.get(random.nextInt(open.size()));
          engine.cancel(account, symbol, o.orderId(), null, null);
          canceled++;
          return;
        }
      }
      SymbolBook book = engine.book(symbol);
      SymbolSpec spec = book.spec();
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      // about 20 USDT worth, a whole number of steps
      BigDecimal qty = spec.floorToStep(new BigDecimal(10 + random.nextInt(20))
          .divide(book.referencePrice(), 12, java.math.RoundingMode.DOWN));
      if (qty.signum() <= 0) {
        qty = spec.stepSize();
      }
      if (dice < 45) {
        engine.place(account, new OrderRequest(symbol, side, OrderType.MARKET, TimeInForce.GTC, qty, null, null, null));
      } else {
        double offset = (random.nextDouble() - 0.5) * 0.004;
        BigDecimal price = spec.roundToTick(book.referencePrice().multiply(BigDecimal.valueOf(1 + offset)));
        engine.place(account, new OrderRequest(symbol, side, OrderType.LIMIT, TimeInForce.GTC, qty, null, price, null));
      }
      placed++;
    } catch (ApiException e) {
      rejected++;
      if (rejected % 100 == 1) {
        LOG.log(System.Logger.Level.DEBUG,
            "auto-trader order rejected: " + e.getMessage() + " (" + rejected + " so far)");
      }
    }
  }

  public long placed() {
    return placed;
  }

  public long canceled() {
    return canceled;
  }
}
