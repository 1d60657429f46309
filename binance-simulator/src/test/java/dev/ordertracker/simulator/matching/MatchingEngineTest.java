package dev.ordertracker.simulator.matching;

import dev.ordertracker.simulator.AccountOptions;
import dev.ordertracker.simulator.account.Account;
import dev.ordertracker.simulator.api.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine alone: events recorded by a listener and compared. */
class MatchingEngineTest {

  /** Records what the engine emits. */
  static final class Recorder implements EngineListener {
    final List<ExecutionReport> reports = new ArrayList<>();
    int balanceEvents;

    @Override
    public void onExecutionReport(Account account, ExecutionReport report) {
      reports.add(report);
    }

    @Override
    public void onBalancesChanged(Account account, Collection<String> assets, long time) {
      balanceEvents++;
    }

    final List<ListStatus> lists = new ArrayList<>();

    @Override
    public void onListStatus(Account account, ListStatus status) {
      lists.add(status);
    }

    @Override
    public void onOrderChanged(Order order) {
    }

    List<String> statuses() {
      return reports.stream().map(r -> r.executionType() + "/" + r.status()).toList();
    }
  }

  private final Recorder recorder = new Recorder();
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private MatchingEngine engine;
  private Account demo;

  @BeforeEach
  void setUp() {
    demo = new Account(AccountOptions.demo());
    engine = newEngine(-1);
  }

  private MatchingEngine newEngine(long forgetMs) {
    SymbolBook btc = new SymbolBook(new SymbolSpec("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"),
        new BigDecimal("0.00001")), new BigDecimal("60000.00"));
    return new MatchingEngine(List.of(btc), recorder, new BigDecimal("0.001"), forgetMs, clock::get, new Random(1));
  }

  private static OrderRequest limit(Side side, String qty, String price, TimeInForce tif) {
    return new OrderRequest("BTCUSDT", side, OrderType.LIMIT, tif, new BigDecimal(qty), null, new BigDecimal(price),
        null);
  }

  @Test
  void limitRestsThenFillsPartiallyOnTouchAndFullyWhenCrossed() {
    Order o = engine.place(demo, limit(Side.BUY, "0.01000", "59000.00", TimeInForce.GTC));
    assertThat(recorder.statuses()).containsExactly("NEW/NEW");
    assertThat(demo.balances().of("USDT").locked()).isEqualByComparingTo("590");
    engine.setPrice("BTCUSDT", new BigDecimal("59500.00"));
    assertThat(recorder.reports).hasSize(1);
    engine.setPrice("BTCUSDT", new BigDecimal("59000.00"));
    assertThat(recorder.statuses()).containsExactly("NEW/NEW", "TRADE/PARTIALLY_FILLED");
    ExecutionReport partial = recorder.reports.get(1);
    assertThat(partial.lastQty()).isEqualByComparingTo("0.005");
    assertThat(partial.maker()).isTrue();
    assertThat(partial.working()).isTrue();
    assertThat(partial.commissionAsset()).isEqualTo("BTC");
    engine.setPrice("BTCUSDT", new BigDecimal("58999.99"));
    assertThat(recorder.statuses()).containsExactly("NEW/NEW", "TRADE/PARTIALLY_FILLED", "TRADE/FILLED");
    ExecutionReport last = recorder.reports.get(2);
    assertThat(last.cumQty()).isEqualByComparingTo("0.01");
    assertThat(last.cumQuote()).isEqualByComparingTo("590");
    assertThat(last.working()).isFalse();
    assertThat(last.tradeId()).isEqualTo(partial.tradeId() + 1);
    assertThat(last.executionId()).isGreaterThan(partial.executionId());
    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(demo.balances().of("USDT").locked()).isZero();
    assertThat(demo.balances().free("USDT")).isEqualByComparingTo("99410");
    assertThat(demo.balances().free("BTC")).isEqualByComparingTo("10.00999");
  }

  @Test
  void marketFillsAtOnceInSeveralTrades() {
    Order o = engine.place(demo, new OrderRequest("BTCUSDT", Side.SELL, OrderType.MARKET, TimeInForce.GTC,
        new BigDecimal("1.00000"), null, null, null));
    assertThat(recorder.statuses()).containsExactly("NEW/NEW", "TRADE/PARTIALLY_FILLED", "TRADE/PARTIALLY_FILLED",
        "TRADE/FILLED");
    assertThat(o.fills()).extracting(Fill::price).containsExactly(new BigDecimal("60000.00"),
        new BigDecimal("59999.99"), new BigDecimal("59999.98"));
    assertThat(o.fills()).extracting(f -> f.commissionAsset()).containsOnly("USDT");
    BigDecimal quote = o.fills().stream().map(Fill::quoteQty).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(o.cumQuote()).isEqualByComparingTo(quote);
  }

  @Test
  void marketByQuoteOrderQty() {
    Order o = engine.place(demo, new OrderRequest("BTCUSDT", Side.BUY, OrderType.MARKET, TimeInForce.GTC, null,
        new BigDecimal("1000"), null, null));
    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(o.cumQuote()).isLessThanOrEqualTo(new BigDecimal("1000"));
    assertThat(o.origQty()).isEqualByComparingTo(o.executedQty());
    assertThat(recorder.reports.get(0).quoteOrderQty()).isEqualByComparingTo("1000");
  }

  @Test
  void iocFillsWhatItCanAndExpiresTheRest() {
    engine.place(demo, limit(Side.BUY, "0.10000", "60000.00", TimeInForce.IOC));
    assertThat(recorder.statuses()).containsExactly("NEW/NEW", "TRADE/PARTIALLY_FILLED", "EXPIRED/EXPIRED");
    ExecutionReport expired = recorder.reports.get(2);
    assertThat(expired.cumQty()).isEqualByComparingTo("0.05");
    assertThat(expired.expiryReason()).isEqualTo("UNFILLED_IOC_QUANTITY_EXPIRED");
    assertThat(demo.balances().of("USDT").locked()).isZero();
  }

  @Test
  void fokExpiresWithoutFillsUnlessFullyFillable() {
    engine.place(demo, limit(Side.BUY, "0.10000", "60000.01", TimeInForce.FOK));
    assertThat(recorder.statuses()).containsExactly("NEW/NEW", "EXPIRED/EXPIRED");
    assertThat(recorder.reports.get(1).cumQty()).isZero();
    recorder.reports.clear();
    engine.place(demo, limit(Side.BUY, "0.10000", "60000.02", TimeInForce.FOK));
    assertThat(recorder.statuses()).endsWith("TRADE/FILLED");
  }

  @Test
  void cancelAndRejects() {
    Order o = engine.place(demo, limit(Side.SELL, "1.00000", "70000.00", TimeInForce.GTC));
    assertThat(demo.balances().of("BTC").locked()).isEqualByComparingTo("1");
    engine.cancel(demo, "BTCUSDT", o.orderId(), null, "cx");
    ExecutionReport canceled = recorder.reports.get(1);
    assertThat(canceled.clientOrderId()).isEqualTo("cx");
    assertThat(canceled.origClientOrderId()).isEqualTo(o.clientOrderId());
    assertThat(demo.balances().of("BTC").locked()).isZero();
    assertThatThrownBy(() -> engine.cancel(demo, "BTCUSDT", o.orderId(), null, null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(-2011));
    assertThatThrownBy(() -> engine.place(demo, limit(Side.SELL, "11.00000", "70000.00", TimeInForce.GTC)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(-2010));
    assertThatThrownBy(() -> engine.place(demo, new OrderRequest("BTCUSDT", Side.BUY, OrderType.LIMIT_MAKER,
        TimeInForce.GTC, new BigDecimal("0.001"), null, new BigDecimal("60001.00"), null)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(-2010));
  }

  @Test
  void ocoLimitMakerLegFillsAndTheStopLegExpires() {
    OrderList list = engine.placeOco(demo, new OcoRequest("BTCUSDT", Side.SELL, new BigDecimal("0.10000"),
        new BigDecimal("61000.00"), new BigDecimal("59000.00"), new BigDecimal("58900.00"), TimeInForce.GTC, "L1",
        null, null));
    assertThat(recorder.statuses()).containsExactly("NEW/NEW", "NEW/NEW");
    assertThat(recorder.reports).extracting(ExecutionReport::orderListId).containsOnly(list.orderListId());
    assertThat(recorder.reports.get(0).type()).isEqualTo(OrderType.STOP_LOSS_LIMIT);
    assertThat(recorder.reports.get(0).working()).isFalse();
    assertThat(recorder.lists).extracting(ListStatus::listStatusType).containsExactly("EXEC_STARTED");
    assertThat(demo.balances().of("BTC").locked()).isEqualByComparingTo("0.1");
    engine.setPrice("BTCUSDT", new BigDecimal("61000.01"));
    assertThat(recorder.statuses()).containsExactly("NEW/NEW", "NEW/NEW", "TRADE/FILLED", "EXPIRED/EXPIRED");
    assertThat(recorder.lists).extracting(ListStatus::listStatusType).containsExactly("EXEC_STARTED", "ALL_DONE");
    assertThat(demo.balances().of("BTC").locked()).isZero();
    assertThat(demo.balances().free("BTC")).isEqualByComparingTo("9.9");
  }

  @Test
  void ocoStopLegTriggersAndTheLimitMakerLegExpires() {
    engine.placeOco(demo, new OcoRequest("BTCUSDT", Side.SELL, new BigDecimal("0.10000"), new BigDecimal("61000.00"),
        new BigDecimal("59000.00"), new BigDecimal("58900.00"), TimeInForce.GTC, null, null, null));
    engine.setPrice("BTCUSDT", new BigDecimal("59000.00"));
    assertThat(recorder.statuses()).containsExactly("NEW/NEW", "NEW/NEW", "EXPIRED/EXPIRED",
        "TRADE/PARTIALLY_FILLED", "TRADE/PARTIALLY_FILLED", "TRADE/FILLED");
    assertThat(recorder.reports.get(2).type()).isEqualTo(OrderType.LIMIT_MAKER);
    assertThat(recorder.reports.get(3).type()).isEqualTo(OrderType.STOP_LOSS_LIMIT);
    assertThat(recorder.reports.get(3).stopPrice()).isEqualByComparingTo("59000");
    assertThat(demo.balances().of("BTC").locked()).isZero();
    assertThatThrownBy(() -> engine.placeOco(demo, new OcoRequest("BTCUSDT", Side.SELL, new BigDecimal("0.1"),
        new BigDecimal("58000.00"), new BigDecimal("57000.00"), new BigDecimal("56900.00"), TimeInForce.GTC, null,
        null, null))).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(-2010));
  }

  @Test
  void cancelingOneOcoLegCancelsTheList() {
    OrderList list = engine.placeOco(demo, new OcoRequest("BTCUSDT", Side.BUY, new BigDecimal("0.10000"),
        new BigDecimal("59000.00"), new BigDecimal("61000.00"), new BigDecimal("61100.00"), TimeInForce.GTC, null,
        null, null));
    assertThat(demo.balances().of("USDT").locked()).isEqualByComparingTo("6110");
    Order maker = list.orders().get(0);
    engine.cancel(demo, "BTCUSDT", maker.orderId(), null, "cx");
    assertThat(recorder.statuses()).containsExactly("NEW/NEW", "NEW/NEW", "CANCELED/CANCELED", "CANCELED/CANCELED");
    assertThat(recorder.lists).extracting(ListStatus::listStatusType).containsExactly("EXEC_STARTED", "ALL_DONE");
    assertThat(demo.balances().of("USDT").locked()).isZero();
  }

  @Test
  void finishedMarketOrdersAreForgottenWhenConfigured() {
    engine = newEngine(1000);
    Order o = engine.place(demo, new OrderRequest("BTCUSDT", Side.BUY, OrderType.MARKET, TimeInForce.GTC,
        new BigDecimal("0.01000"), null, null, null));
    assertThat(engine.find(demo, "BTCUSDT", o.orderId(), null)).isPresent();
    clock.addAndGet(1000);
    assertThat(engine.find(demo, "BTCUSDT", o.orderId(), null)).isEmpty();
    assertThat(engine.trades(demo, "BTCUSDT")).hasSize(3);
  }
}
