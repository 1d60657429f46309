package dev.ordertracker.simulator.matching;

import java.math.BigDecimal;

/**
 * A validated new-order request. {@code quantity} or (MARKET only) {@code quoteOrderQty} is set;
 * {@code price} is null for MARKET; {@code clientOrderId} may be null (generated).
 */
public record OrderRequest(String symbol, Side side, OrderType type, TimeInForce timeInForce,
    BigDecimal quantity, BigDecimal quoteOrderQty, BigDecimal price, String clientOrderId) {
}
