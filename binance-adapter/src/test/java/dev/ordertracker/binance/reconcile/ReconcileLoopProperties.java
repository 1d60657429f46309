package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.codec.BinanceOrderStatus;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop's decision function over a random timeline (issue 14): an order's life on the exchange (NEW, trades, maybe
 * a cancel); each report the stream delivers, loses, duplicates or delivers late (after the next sweep); sweeps at
 * random moments whose queries randomly fail (the order is then left alone, as {@link ReconcileRun} does). A sweep
 * looks at the order only when {@link ReconcileRun#needsReconciling} says so and feeds the {@link Reconciler}'s
 * updates to a model of the tracker. After the last report and a sweep that succeeds, the tracker equals the
 * exchange (status, quantity, every fill once), each event was a real change, and one more sweep changes nothing.
 */
class ReconcileLoopProperties {
  private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);

  private enum Fate { DELIVER, LOSE, DUPLICATE, LATE }

  /** The exchange's order as it evolves. */
  private static final class Exchange {
    final BigDecimal quantity;
    final List<ExchangeTrade> trades = new ArrayList<>();
    BinanceOrderStatus status = BinanceOrderStatus.NEW;

    Exchange(BigDecimal quantity) {
      this.quantity = quantity;
    }

    BigDecimal executed() {
      return trades.stream().map(ExchangeTrade::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal quote() {
      return trades.stream().map(ExchangeTrade::quoteQty).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    ExchangeOrder order() {
      return new ExchangeOrder("BTCUSDT", 7, "c7", status, OrderType.LIMIT, OrderSide.BUY, quantity, BigDecimal.ONE,
          executed(), quote(), 1, 2);
    }

    boolean open() {
      return status == BinanceOrderStatus.NEW || status == BinanceOrderStatus.PARTIALLY_FILLED;
    }
  }

  @Property(tries = 500)
  void theLoopConvergesWithOneEventPerRealChange(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int trades,
                                                 @ForAll boolean cancelAtEnd) {
    Random random = new Random(seed);
    BigDecimal quantity = BigDecimal.valueOf(trades + (cancelAtEnd ? 2 : 0) + 1L);
    Exchange exchange = new Exchange(quantity);
    ModelTracker tracker = new ModelTracker("BTCUSDT", "7", quantity, OrderStatus.PENDING);
    List<OrderUpdate> late = new ArrayList<>();
    int reports = 0;
    boolean[] finalFromStream = {false};

    // the life: NEW, trades of 1 each (the last fills it unless a cancel ends it), then maybe CANCELED
    List<Runnable> steps = new ArrayList<>();
    steps.add(() -> exchange.status = BinanceOrderStatus.NEW);
    int fills = cancelAtEnd ? trades : trades + 1;
    for (int i = 0; i < fills; i++) {
      long id = 100 + i;
      steps.add(() -> {
        exchange.trades.add(new ExchangeTrade("BTCUSDT", id, 7, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN,
            BigDecimal.ZERO, "BNB", 1000 + id, false));
        exchange.status = exchange.executed().compareTo(quantity) >= 0 ? BinanceOrderStatus.FILLED
            : BinanceOrderStatus.PARTIALLY_FILLED;
      });
    }
    if (cancelAtEnd) {
      steps.add(() -> exchange.status = BinanceOrderStatus.CANCELED);
    }

    for (Runnable step : steps) {
      step.run();
      reports++;
      OrderUpdate report = streamReport(exchange);
      Fate fate = Fate.values()[random.nextInt(Fate.values().length)];
      switch (fate) {
        case DELIVER, DUPLICATE -> {
          boolean wasFinal = tracker.status != null && tracker.status.isFinal();
          tracker.apply(report);
          if (fate == Fate.DUPLICATE) {
            tracker.apply(report);
          }
          finalFromStream[0] |= !wasFinal && tracker.status.isFinal();
        }
        case LATE -> late.add(report);
        default -> { }
      }
      if (random.nextInt(3) == 0) {
        sweep(tracker, exchange, random, random.nextInt(3) == 0);
        deliver(tracker, late, finalFromStream); // the stream's late reports arrive after the sweep corrected it
      }
    }
    deliver(tracker, late, finalFromStream);
    while (!sweep(tracker, exchange, random, random.nextInt(4) == 0)) {
      // a failed sweep is simply repeated by the loop (next interval or backoff)
    }

    assertThat(tracker.status).isEqualTo(expected(exchange.status));
    assertThat(tracker.filled).isEqualByComparingTo(exchange.executed());
    // every fill once; complete unless the order's final report (which carries the cumulative quantity) arrived
    // while earlier trade reports were lost: a final order is not reconciled again (see the README's limits)
    assertThat(tracker.fills).extracting(Fill::tradeId).doesNotHaveDuplicates()
        .isSubsetOf(exchange.trades.stream().map(ExchangeTrade::id).toList());
    if (!finalFromStream[0]) {
      assertThat(tracker.fills).extracting(Fill::tradeId)
          .containsExactlyInAnyOrderElementsOf(exchange.trades.stream().map(ExchangeTrade::id).toList());
    }
    assertThat(tracker.events.size()).as("one event per real change at most").isLessThanOrEqualTo(reports);
    for (int i = 1; i < tracker.events.size(); i++) {
      assertThat(Reconciler.rank(tracker.events.get(i))).isGreaterThanOrEqualTo(
          Reconciler.rank(tracker.events.get(i - 1)));
    }
    int before = tracker.events.size();
    assertThat(sweep(tracker, exchange, random, false)).isTrue();
    assertThat(tracker.events).hasSize(before);
  }

  private static void deliver(ModelTracker tracker, List<OrderUpdate> late, boolean[] finalFromStream) {
    for (OrderUpdate u : late) {
      boolean wasFinal = tracker.status != null && tracker.status.isFinal();
      tracker.apply(u);
      finalFromStream[0] |= !wasFinal && tracker.status.isFinal();
    }
    late.clear();
  }

  /** One sweep: false when its queries failed (nothing changed). */
  private static boolean sweep(ModelTracker tracker, Exchange exchange, Random random, boolean queriesFail) {
    TrackedOrder snapshot = tracker.snapshot();
    if (snapshot.isFinal() || !ReconcileRun.needsReconciling(snapshot, exchange.open() ? exchange.order() : null)) {
      return true;
    }
    if (queriesFail) {
      return false; // left alone until the next sweep: never half-corrected
    }
    List<ExchangeTrade> answer = new ArrayList<>(exchange.trades);
    if (!answer.isEmpty() && random.nextBoolean()) {
      answer.add(answer.get(random.nextInt(answer.size()))); // the trades answer may repeat and reorder
    }
    Collections.shuffle(answer, random);
    for (OrderUpdate u : Reconciler.reconcile(snapshot, exchange.order(), answer, "a", 0, 3, NOW).updates()) {
      tracker.apply(u);
    }
    return true;
  }

  /** What the stream reports after the exchange's step (the last trade's fill, or the status). */
  private static OrderUpdate streamReport(Exchange exchange) {
    OrderUpdate.Builder b = OrderUpdate.builder("BTCUSDT", "7", expected(exchange.status))
        .cumulative(exchange.executed(), exchange.quote());
    if (!exchange.trades.isEmpty() && (exchange.status == BinanceOrderStatus.PARTIALLY_FILLED
        || exchange.status == BinanceOrderStatus.FILLED)) {
      b.lastFill(exchange.trades.get(exchange.trades.size() - 1).toFill());
    }
    return b.build();
  }

  private static OrderStatus expected(BinanceOrderStatus s) {
    return switch (s) {
      case NEW -> OrderStatus.PLACED;
      case PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
      case FILLED -> OrderStatus.FILLED;
      default -> OrderStatus.CANCELLED;
    };
  }
}
