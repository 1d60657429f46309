package dev.ordertracker.simulator.matching;

import java.math.BigDecimal;

/**
 * One executionReport, as the engine produced it: the order's state after the change plus what changed.
 * {@code commissionAsset} and {@code expiryReason} may be null.
 */
public record ExecutionReport(String symbol, String clientOrderId, Side side, OrderType type,
    TimeInForce timeInForce, BigDecimal origQty, BigDecimal price, BigDecimal stopPrice, long orderListId, String origClientOrderId,
    ExecutionType executionType, OrderStatus status, String rejectReason, long orderId, BigDecimal lastQty,
    BigDecimal cumQty, BigDecimal lastPrice, BigDecimal commission, String commissionAsset, long transactTime,
    long tradeId, long executionId, boolean working, boolean maker, long creationTime, BigDecimal cumQuote,
    BigDecimal lastQuote, BigDecimal quoteOrderQty, long workingTime, String expiryReason) {
}
