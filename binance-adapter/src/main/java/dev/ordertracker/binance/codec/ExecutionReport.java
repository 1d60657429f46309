package dev.ordertracker.binance.codec;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderType;

import java.math.BigDecimal;
import java.util.List;

/**
 * An {@code executionReport}: one change of one order. Field comments give the Binance key. Quantities and prices
 * are exact decimals as sent; ids and times are integers. Fields that Binance sends only in some reports are in
 * {@link ExecutionConditions} ({@link ExecutionConditions#NONE} when none was present).
 *
 * <p>For a CANCELED report, {@code clientOrderId} ({@code c}) is the cancel request's own id and
 * {@code originalClientOrderId} ({@code C}) the cancelled order's: see {@link #orderClientId()}. For a REPLACED
 * report (an amendment), {@code c} is the order's new client id and {@code C} its previous one.
 *
 * <p>{@code executionType}, {@code orderStatus} and {@code orderType} are null when Binance sent a value this
 * version does not know; {@code unknownValues} then holds it ({@link UnknownValue}; empty otherwise).
 */
public record ExecutionReport(
    long eventTime,                 // E
    String symbol,                  // s
    String clientOrderId,           // c
    OrderSide side,                 // S
    OrderType orderType,            // o
    String timeInForce,             // f
    BigDecimal quantity,            // q
    BigDecimal price,               // p
    BigDecimal stopPrice,           // P
    BigDecimal icebergQuantity,     // F
    long orderListId,               // g (-1: none)
    String originalClientOrderId,   // C ("" or null when none)
    ExecutionType executionType,    // x
    BinanceOrderStatus orderStatus, // X
    String rejectReason,            // r
    long orderId,                   // i
    BigDecimal lastQuantity,        // l
    BigDecimal cumulativeQuantity,  // z
    BigDecimal lastPrice,           // L
    BigDecimal commission,          // n
    String commissionAsset,         // N (null when none)
    long transactionTime,           // T
    long tradeId,                   // t (-1: no trade)
    long executionId,               // I
    boolean onBook,                 // w
    boolean maker,                  // m
    long creationTime,              // O
    BigDecimal cumulativeQuote,     // Z
    BigDecimal lastQuote,           // Y
    BigDecimal quoteOrderQuantity,  // Q
    long workingTime,               // W (-1 when absent)
    String selfTradePreventionMode, // V
    String expiryReason,            // eR (conditional, kept here because the status mapping uses it)
    ExecutionConditions conditions,
    List<UnknownValue> unknownValues) implements UserDataEvent {

  public ExecutionReport {
    unknownValues = unknownValues == null ? List.of() : List.copyOf(unknownValues);
  }

  /** The client id of the order this report is about: {@code C} for cancels, {@code c} otherwise. */
  public String orderClientId() {
    if (orderStatus == BinanceOrderStatus.CANCELED && originalClientOrderId != null
        && !originalClientOrderId.isEmpty()) {
      return originalClientOrderId;
    }
    return clientOrderId;
  }

  /**
   * A TRADE execution with its trade id. A report whose execution type this version does not know is a trade when it
   * carries a trade id ({@code t} is -1 otherwise): its fill is recorded, so that reconciliation does not count the
   * same trade again.
   */
  public boolean isTrade() {
    return (executionType == ExecutionType.TRADE || executionType == null) && tradeId >= 0;
  }

  @Override
  public <C, R> R dispatch(UserDataListener<C, R> listener, C context) {
    return listener.executionReport(this, context);
  }
}
