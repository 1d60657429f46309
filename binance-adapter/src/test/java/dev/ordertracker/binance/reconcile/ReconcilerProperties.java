package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.binance.codec.BinanceOrderStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation properties. A random order life (trades, then an end) is the exchange's truth; the tracker saw a
 * prefix of it (some stream events were missed). Feeding the reconciler's output to a model tracker must reach the
 * truth, with every update a real change (one event each), in order, whatever the order or duplication of the
 * trades answer; and reconciling again must change nothing.
 */
class ReconcilerProperties {
  private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);

  record Life(BigDecimal quantity, List<ExchangeTrade> trades, BinanceOrderStatus end, int seen) {
    BigDecimal executed() {
      return trades.stream().map(ExchangeTrade::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal quote() {
      return trades.stream().map(ExchangeTrade::quoteQty).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    ExchangeOrder exchange() {
      return new ExchangeOrder("BTCUSDT", 7, "c7", end, OrderType.LIMIT, OrderSide.BUY, quantity, BigDecimal.ONE,
          executed(), quote(), 1, 2);
    }
  }

  @Provide
  Arbitrary<Life> lives() {
    return Combinators.combine(
        Arbitraries.integers().between(0, 6).list().ofMaxSize(6),
        Arbitraries.of(BinanceOrderStatus.NEW, BinanceOrderStatus.PARTIALLY_FILLED, BinanceOrderStatus.FILLED,
            BinanceOrderStatus.CANCELED, BinanceOrderStatus.EXPIRED, BinanceOrderStatus.REJECTED),
        Arbitraries.integers().between(0, 7),
        Arbitraries.integers().between(0, 5))
      .as((sizes, end, seen, spare) -> {
        List<ExchangeTrade> trades = new ArrayList<>();
        long id = 100;
        BigDecimal total = BigDecimal.ZERO;
        boolean canTrade = end != BinanceOrderStatus.NEW && end != BinanceOrderStatus.REJECTED;
        for (int size : canTrade ? sizes : List.<Integer>of()) {
          BigDecimal qty = BigDecimal.valueOf(size + 1, 1);
          BigDecimal price = BigDecimal.valueOf(100 + size);
          trades.add(new ExchangeTrade("BTCUSDT", id++, 7, price, qty, qty.multiply(price), BigDecimal.ZERO, "BNB",
              1000 + id, false));
          total = total.add(qty);
        }
        BinanceOrderStatus realEnd = end;
        if (end == BinanceOrderStatus.PARTIALLY_FILLED && trades.isEmpty()) {
          realEnd = BinanceOrderStatus.NEW;
        }
        if (end == BinanceOrderStatus.FILLED && trades.isEmpty()) {
          realEnd = BinanceOrderStatus.CANCELED;
        }
        BigDecimal quantity = realEnd == BinanceOrderStatus.FILLED ? total : total.add(BigDecimal.valueOf(spare + 1));
        return new Life(quantity, trades, realEnd, Math.min(seen, trades.size()));
      });
  }

  /** The tracker as it was after the stream delivered the first {@code seen} trades (and PLACED before them). */
  private static ModelTracker trackerAfter(Life life, int seen) {
    ModelTracker m = new ModelTracker("BTCUSDT", "7", life.quantity(), OrderStatus.PENDING);
    m.apply(OrderUpdate.builder("BTCUSDT", "7", OrderStatus.PLACED).build());
    BigDecimal cum = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    for (int i = 0; i < seen; i++) {
      ExchangeTrade t = life.trades().get(i);
      cum = cum.add(t.qty());
      quote = quote.add(t.quoteQty());
      OrderStatus s = cum.compareTo(life.quantity()) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
      m.apply(OrderUpdate.builder("BTCUSDT", "7", s).cumulative(cum, quote).lastFill(t.toFill()).build());
    }
    return m;
  }

  private static ModelTracker truth(Life life) {
    ModelTracker m = trackerAfter(life, life.trades().size());
    for (OrderUpdate u : Reconciler.reconcile(m.snapshot(), life.exchange(), List.of(), "a", 0, 3, NOW).updates()) {
      m.apply(u);
    }
    return m;
  }

  @Property(tries = 1000)
  void reconciliationReachesTheExchangeStateWithOneEventPerRealChange(@ForAll("lives") Life life,
                                                                       @ForAll @IntRange(max = 1000) int seed) {
    ModelTracker tracker = trackerAfter(life, life.seen());
    int eventsBefore = tracker.events.size();
    List<ExchangeTrade> answer = new ArrayList<>(life.trades());
    Random random = new Random(seed);
    if (!answer.isEmpty() && random.nextBoolean()) {
      answer.add(answer.get(random.nextInt(answer.size()))); // duplicates in the answer
    }
    Collections.shuffle(answer, random);
    Reconciliation r = Reconciler.reconcile(tracker.snapshot(), life.exchange(), answer, "a", 0, 3, NOW);
    for (OrderUpdate u : r.updates()) {
      assertThat(tracker.apply(u)).as("every update is a real change: %s", u).isEqualTo(UpdateOutcome.APPLIED);
    }
    ModelTracker truth = truth(life);
    OrderStatus expected = life.end() == BinanceOrderStatus.NEW ? OrderStatus.PLACED
        : dev.ordertracker.binance.codec.StatusMapping.toTracker(life.end());
    assertThat(tracker.status).isEqualTo(expected);
    assertThat(tracker.filled).isEqualByComparingTo(life.executed());
    assertThat(tracker.quote).isEqualByComparingTo(life.quote());
    assertThat(tracker.fills).extracting(f -> f.tradeId())
        .containsExactlyElementsOf(life.trades().stream().map(ExchangeTrade::id).toList());
    assertThat(tracker.events.size() - eventsBefore).isEqualTo(r.updates().size());
    assertThat(truth.status).isEqualTo(tracker.status);
    // cumulative quantities never go back
    BigDecimal last = BigDecimal.ZERO;
    for (OrderUpdate u : r.updates()) {
      assertThat(u.cumulativeFilledQuantity()).isGreaterThanOrEqualTo(last);
      last = u.cumulativeFilledQuantity();
    }
    // idempotent
    assertThat(Reconciler.reconcile(tracker.snapshot(), life.exchange(), answer, "a", 0, 3, NOW).updates())
        .isEmpty();
  }

  @Property(tries = 300)
  void anOrderTheExchangeForgotIsResolvedFromItsTradesOrLostOnlyAfterRepeatedMisses(@ForAll("lives") Life life) {
    ModelTracker tracker = trackerAfter(life, life.seen());
    if (tracker.status.isFinal()) {
      return;
    }
    int misses = 0;
    for (int round = 1; round <= 3; round++) {
      Reconciliation r = Reconciler.reconcile(tracker.snapshot(), null, life.trades(), "a", misses, 3, NOW);
      r.updates().forEach(u -> assertThat(tracker.apply(u)).isEqualTo(UpdateOutcome.APPLIED));
      misses = r.misses();
      if (life.end() == BinanceOrderStatus.FILLED) {
        assertThat(tracker.status).isEqualTo(OrderStatus.FILLED);
        assertThat(r.lost()).isFalse();
        return;
      }
      assertThat(r.lost()).isEqualTo(round == 3);
      assertThat(tracker.status).isNotEqualTo(OrderStatus.FAILED);
    }
    assertThat(tracker.status).isEqualTo(OrderStatus.EXPIRED);
    assertThat(tracker.filled).isEqualByComparingTo(life.executed());
  }

  @Property(tries = 300)
  void anOrderTheTrackerNeverSawIsDescribedByItsFirstUpdate(@ForAll("lives") Life life) {
    Reconciliation r = Reconciler.reconcile(null, life.exchange(), life.trades(), "a", 0, 3, NOW);
    assertThat(r.updates()).isNotEmpty();
    assertThat(r.updates().get(0).describesOrder()).isTrue();
    ModelTracker tracker = new ModelTracker("BTCUSDT", "7", life.quantity(), null);
    r.updates().forEach(u -> assertThat(tracker.apply(u)).isEqualTo(UpdateOutcome.APPLIED));
    assertThat(tracker.filled).isEqualByComparingTo(life.executed());
  }
}
