package dev.ordertracker.simulator.matching;

import java.math.BigDecimal;

/**
 * The self-trade-prevention fields of a {@code TRADE_PREVENTION} executionReport: {@code v} prevented match id,
 * {@code A} cumulative prevented quantity, {@code B} this event's prevented quantity, {@code u} trade group id
 * (-1: none), {@code U} counter order id, {@code Cs} counter symbol, {@code pl pL pY} the execution that was prevented
 * (quantity, price, notional).
 */
public record Prevention(long preventedMatchId, BigDecimal preventedQty, BigDecimal lastPreventedQty,
    long tradeGroupId, long counterOrderId, String counterSymbol, BigDecimal preventedExecQty,
    BigDecimal preventedExecPrice, BigDecimal preventedExecQuote) {
}
