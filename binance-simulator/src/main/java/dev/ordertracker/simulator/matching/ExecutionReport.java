package dev.ordertracker.simulator.matching;

import java.math.BigDecimal;

/**
 * One executionReport, as the engine produced it: the order's state after the change plus what changed.
 * {@code price} is the order's original price ({@code p}, zero for a pegged order placed without one).
 * {@code commissionAsset}, {@code expiryReason}, {@code prevention} (TRADE_PREVENTION only), {@code peg} and
 * {@code peggedPrice} (pegged orders only) may be null.
 */
public record ExecutionReport(String symbol, String clientOrderId, Side side, OrderType type,
    TimeInForce timeInForce, BigDecimal origQty, BigDecimal price, BigDecimal stopPrice, long orderListId, String origClientOrderId,
    ExecutionType executionType, OrderStatus status, String rejectReason, long orderId, BigDecimal lastQty,
    BigDecimal cumQty, BigDecimal lastPrice, BigDecimal commission, String commissionAsset, long transactTime,
    long tradeId, long executionId, boolean working, boolean maker, long creationTime, BigDecimal cumQuote,
    BigDecimal lastQuote, BigDecimal quoteOrderQty, long workingTime, String expiryReason, StpMode stpMode,
    Prevention prevention, Peg peg, BigDecimal peggedPrice) {
}
