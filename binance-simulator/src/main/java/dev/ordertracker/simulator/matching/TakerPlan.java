package dev.ordertracker.simulator.matching;

import dev.ordertracker.simulator.api.ApiException;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an order about to enter the book will meet and what it must lock: its {@code route} (the levels it walks,
 * synthetic liquidity merged with resting orders when book matching is on), the quantity it would trade if nothing
 * were prevented ({@code planned}), its quantity and the funds to lock (BUY LIMIT: price x qty, BUY MARKET: the planned
 * cost, SELL: the quantity).
 */
record TakerPlan(List<SymbolBook.Level> route, BigDecimal planned, BigDecimal qty, String lockAsset,
    BigDecimal lockAmount) {

  static TakerPlan of(SymbolBook book, Side side, OrderType type, TimeInForce tif, BigDecimal quantity,
      BigDecimal quoteOrderQty, BigDecimal price, boolean bookMatching) {
    SymbolSpec spec = book.spec();
    BigDecimal limit = type == OrderType.MARKET ? null : price;
    List<SymbolBook.Level> plan = quantity != null
        ? book.planByQuantity(side, quantity, limit)
        : book.planByQuote(side, quoteOrderQty);
    List<SymbolBook.Level> route = plan;
    if (bookMatching && quantity != null) {
      route = book.withRestingOrders(side, plan, limit);
      plan = SymbolBook.cut(route, quantity);
      if (type == OrderType.MARKET) {
        route = plan; // its funds are locked for this route: a prevented part expires (stp_faq.md scenario F)
      }
    }
    BigDecimal planned = SymbolBook.total(plan);
    if (type == OrderType.LIMIT_MAKER && !plan.isEmpty()) {
      throw ApiException.wouldTakeAsMaker();
    }
    if (type == OrderType.MARKET && planned.signum() == 0) {
      throw ApiException.filterFailure("LOT_SIZE");
    }
    if (tif == TimeInForce.FOK && planned.compareTo(quantity) < 0) {
      plan = List.of();
      route = plan;
    }
    BigDecimal qty = quantity != null ? quantity : planned;
    String lockAsset = side == Side.BUY ? spec.quoteAsset() : spec.baseAsset();
    BigDecimal lockAmount;
    if (side == Side.SELL) {
      lockAmount = qty;
    } else if (type == OrderType.MARKET) {
      lockAmount = SymbolBook.totalQuote(plan);
    } else {
      lockAmount = price.multiply(qty);
    }
    return new TakerPlan(route, planned, qty, lockAsset, lockAmount);
  }
}
