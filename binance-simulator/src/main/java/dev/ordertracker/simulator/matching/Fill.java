package dev.ordertracker.simulator.matching;

import java.math.BigDecimal;

/** One trade of one order of one account. {@code tradeId} is unique per symbol. */
public record Fill(String symbol, long tradeId, long orderId, BigDecimal price, BigDecimal qty,
    BigDecimal quoteQty, BigDecimal commission, String commissionAsset, long time, boolean buyer,
    boolean maker) {
}
