package dev.ordertracker.binance.codec;

import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderUpdate;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * executionReport → {@link OrderUpdate}: the status through {@link StatusMapping}, the cumulative quantities
 * ({@code z}, {@code Z}; the tracker derives the average price Z / z), a {@link Fill} for each TRADE execution,
 * the execution id {@code I}, the order's own client id ({@code C} on cancels) and the account.
 */
public final class OrderUpdates {
  private OrderUpdates() {
  }

  /** The update, or null when the report changes nothing the tracker models (PENDING_CANCEL). */
  public static OrderUpdate from(ExecutionReport r, String account) {
    OrderStatus status = StatusMapping.toTracker(r.orderStatus());
    if (status == null) {
      return null;
    }
    String error = null;
    if (status == OrderStatus.FAILED) {
      error = r.rejectReason();
    } else if (status == OrderStatus.EXPIRED) {
      error = r.expiryReason();
    }
    return OrderUpdate.builder(r.symbol(), Long.toString(r.orderId()), status)
        .cumulative(r.cumulativeQuantity(), r.cumulativeQuote())
        .lastFill(fill(r))
        .executionId(Long.toString(r.executionId()))
        .transactionTime(Instant.ofEpochMilli(r.transactionTime()))
        .clientOrderId(r.orderClientId())
        .account(account)
        .order(r.orderType(), r.side(), positiveOrNull(r.quantity()), r.price())
        .createdAt(r.creationTime() < 0 ? null : Instant.ofEpochMilli(r.creationTime()))
        .errorMessage(error)
        .build();
  }

  /** The fill of a TRADE execution, null otherwise. */
  public static Fill fill(ExecutionReport r) {
    if (!r.isTrade() || r.lastQuantity().signum() <= 0) {
      return null;
    }
    BigDecimal quote = r.lastQuote() == null || r.lastQuote().signum() == 0 ? null : r.lastQuote();
    return new Fill(r.tradeId(), r.lastQuantity(), r.lastPrice(), quote, r.commission(), r.commissionAsset(),
        r.maker(), Instant.ofEpochMilli(r.transactionTime()));
  }

  /** Quote-quantity market orders report q = 0: the order quantity is then unknown, not zero. */
  private static BigDecimal positiveOrNull(BigDecimal value) {
    return value == null || value.signum() <= 0 ? null : value;
  }
}
