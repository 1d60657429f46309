package dev.ordertracker.binance.codec;

import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderDetails;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateKind;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * executionReport → {@link OrderUpdate}: the status through {@link StatusMapping}, the kind from the execution type,
 * the cumulative quantities ({@code z}, {@code Z}; the tracker derives the average price Z / z), a {@link Fill} for
 * each TRADE execution, the execution id {@code I}, the order's own client id ({@code C} on cancels), the account,
 * and the {@link OrderDetails} ({@code f P F g V A B w eR gp x}).
 *
 * <pre>
 *   x = REPLACED                          → AMENDMENT (q = new quantity, c = new client id; X, z unchanged)
 *   x = TRADE_PREVENTION, X open, A sent  → TRADE_PREVENTION (A cumulative, B last prevented quantity)
 *   anything else, unknown x included     → STATUS
 *   X = EXPIRED_IN_MATCH                  → EXPIRED, expiry reason eR or else "STP" (self-trade prevention)
 *   gp sent (pegged order)                → price = gp, the price in use (p is the original, zero when unset)
 * </pre>
 */
public final class OrderUpdates {
  /** The expiry reason of an order that self-trade prevention expired ({@code X = EXPIRED_IN_MATCH}) without eR. */
  public static final String STP_EXPIRY = "STP";

  private OrderUpdates() {
  }

  /**
   * The update, or null when the report changes nothing the tracker models (PENDING_CANCEL) or its status is a
   * value this version does not know (see {@link ExecutionReport#unknownValues()}).
   */
  public static OrderUpdate from(ExecutionReport r, String account) {
    if (r.orderStatus() == null) {
      return null;
    }
    OrderStatus status = StatusMapping.toTracker(r.orderStatus());
    if (status == null) {
      return null;
    }
    OrderDetails details = details(r);
    String error = null;
    if (status == OrderStatus.FAILED) {
      error = r.rejectReason();
    } else if (status == OrderStatus.EXPIRED) {
      error = details.expiryReason();
    }
    BigDecimal pegged = details.peggedPrice();
    return OrderUpdate.builder(r.symbol(), Long.toString(r.orderId()), status)
        .cumulative(r.cumulativeQuantity(), r.cumulativeQuote())
        .lastFill(fill(r))
        .executionId(Long.toString(r.executionId()))
        .transactionTime(Instant.ofEpochMilli(r.transactionTime()))
        .clientOrderId(r.orderClientId())
        .account(account)
        .order(r.orderType(), r.side(), positiveOrNull(r.quantity()), pegged != null ? pegged : r.price())
        .createdAt(r.creationTime() < 0 ? null : Instant.ofEpochMilli(r.creationTime()))
        .errorMessage(error)
        .kind(kind(r, status, details))
        .details(details)
        .build();
  }

  private static UpdateKind kind(ExecutionReport r, OrderStatus status, OrderDetails details) {
    if (r.executionType() == ExecutionType.REPLACED) {
      return UpdateKind.AMENDMENT;
    }
    if (r.executionType() == ExecutionType.TRADE_PREVENTION && !status.isFinal()
        && details.preventedQuantity() != null) {
      return UpdateKind.TRADE_PREVENTION;
    }
    return UpdateKind.STATUS; // an order STP ends is an ordinary final status report
  }

  /** What the report says about the order's terms and execution state. */
  public static OrderDetails details(ExecutionReport r) {
    ExecutionConditions c = r.conditions();
    String expiry = r.expiryReason();
    if (expiry == null && r.orderStatus() == BinanceOrderStatus.EXPIRED_IN_MATCH) {
      expiry = STP_EXPIRY; // documented: STP expiries are told by X = EXPIRED_IN_MATCH, not by eR
    }
    return new OrderDetails(r.timeInForce(), positiveOrNull(r.stopPrice()), positiveOrNull(r.icebergQuantity()),
        r.orderListId() < 0 ? null : Long.toString(r.orderListId()), r.selfTradePreventionMode(),
        c.preventedQuantity(), c.lastPreventedQuantity(), r.onBook(), expiry, positiveOrNull(c.peggedPrice()),
        executionType(r));
  }

  /** The execution type as sent, including a value this version does not know. */
  private static String executionType(ExecutionReport r) {
    if (r.executionType() != null) {
      return r.executionType().name();
    }
    for (UnknownValue u : r.unknownValues()) {
      if (u.kind() == UnknownValue.Kind.EXECUTION_TYPE) {
        return u.value();
      }
    }
    return null;
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

  /**
   * Zero means "not set" for these fields (quote-quantity market orders report q = 0; P, F and gp are zero when
   * unused): unknown, not zero.
   */
  private static BigDecimal positiveOrNull(BigDecimal value) {
    return value == null || value.signum() <= 0 ? null : value;
  }
}
