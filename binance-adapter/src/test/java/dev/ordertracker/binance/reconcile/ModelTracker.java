package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.Decimals;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.UpdateOutcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-order model of the tracker's documented rules (duplicate by trade id or same status + cumulative; stale
 * after a final status or with a smaller cumulative quantity), so that reconciliation properties can be checked
 * without the tracker verticle. Every APPLIED update is one published event.
 */
final class ModelTracker {
  OrderStatus status;
  BigDecimal filled = BigDecimal.ZERO;
  BigDecimal quote = BigDecimal.ZERO;
  final List<Fill> fills = new ArrayList<>();
  final List<OrderStatus> events = new ArrayList<>();
  final String symbol;
  final String orderId;
  final BigDecimal quantity;

  ModelTracker(String symbol, String orderId, BigDecimal quantity, OrderStatus initial) {
    this.symbol = symbol;
    this.orderId = orderId;
    this.quantity = quantity;
    this.status = initial;
  }

  UpdateOutcome apply(OrderUpdate u) {
    if (status != null && status.isFinal()) {
      return UpdateOutcome.STALE;
    }
    if (u.lastFill() != null && fills.stream().anyMatch(f -> f.tradeId() == u.lastFill().tradeId())) {
      return UpdateOutcome.DUPLICATE;
    }
    if (u.cumulativeFilledQuantity().compareTo(filled) < 0) {
      if (u.lastFill() != null) {
        fills.add(u.lastFill()); // the tracker keeps the trade of an older report, without an event
      }
      return UpdateOutcome.STALE;
    }
    if (u.status() == status && u.cumulativeFilledQuantity().compareTo(filled) == 0 && u.lastFill() == null) {
      return UpdateOutcome.DUPLICATE;
    }
    if (status != null && Reconciler.rank(u.status()) < Reconciler.rank(status)) {
      return UpdateOutcome.ILLEGAL_TRANSITION;
    }
    status = u.status();
    filled = u.cumulativeFilledQuantity();
    quote = u.cumulativeQuoteQuantity() == null ? quote : u.cumulativeQuoteQuantity();
    if (u.lastFill() != null) {
      fills.add(u.lastFill());
    }
    events.add(status);
    return UpdateOutcome.APPLIED;
  }

  TrackedOrder snapshot() {
    return new TrackedOrder(orderId, "c" + orderId, symbol, dev.ordertracker.api.OrderType.LIMIT,
        dev.ordertracker.api.OrderSide.BUY, quantity, BigDecimal.ONE, status == null ? OrderStatus.PENDING : status,
        filled, Decimals.averagePrice(quote, filled), null, null, null, List.of(), fills, null, "a");
  }
}
