package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.TrackedOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One order a reconciliation must look at: what the tracker knows (null for an order it does not know), what the
 * exchange said (open list, status query or order history; null while unknown), its trades so far, and whether one
 * of its queries kept failing ({@code failed}: it is left alone this time, never half-corrected).
 */
final class Need {
  final TrackedOrder tracked;
  final ExchangeOrder open;
  ExchangeOrder exchange;
  final List<ExchangeTrade> trades = new ArrayList<>();
  boolean failed;

  Need(TrackedOrder tracked, ExchangeOrder open) {
    this.tracked = tracked;
    this.open = open;
    this.exchange = open;
  }

  /** An order the tracker does not know, as the exchange's order history shows it. */
  static Need unknown(ExchangeOrder order) {
    Need n = new Need(null, null);
    n.exchange = order;
    return n;
  }

  String symbol() {
    return tracked != null ? tracked.symbol() : exchange.symbol();
  }

  long orderId() {
    return tracked != null ? Long.parseLong(tracked.orderId()) : exchange.orderId();
  }

  /** Creation time (ms) as the tracker or the exchange knows it, or -1. */
  long createdMs() {
    if (tracked != null && tracked.createdAt() != null) {
      return tracked.createdAt().toEpochMilli();
    }
    return exchange != null && exchange.time() > 0 ? exchange.time() : -1;
  }

  /** The exchange may hold trades the tracker has not seen. */
  boolean mayHaveTrades() {
    return exchange == null
        || exchange.executedQty().compareTo(tracked == null ? BigDecimal.ZERO : tracked.filledQuantity()) > 0;
  }

  /** The tracker's filled quantity plus the new trades' quantities. */
  BigDecimal explainedQty() {
    BigDecimal q = tracked == null ? BigDecimal.ZERO : tracked.filledQuantity();
    Set<Long> known = new HashSet<>();
    if (tracked != null) {
      tracked.fills().forEach(f -> known.add(f.tradeId()));
    }
    for (ExchangeTrade t : trades) {
      if (known.add(t.id())) {
        q = q.add(t.qty());
      }
    }
    return q;
  }
}
