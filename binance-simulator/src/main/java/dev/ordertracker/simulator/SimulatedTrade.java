package dev.ordertracker.simulator;

import java.math.BigDecimal;

/** One trade of a {@link SimulatedOrder}: trade id (per symbol), quantity, price, quote quantity, commission. */
public record SimulatedTrade(long id, BigDecimal qty, BigDecimal price, BigDecimal quoteQty, BigDecimal commission,
    String commissionAsset, boolean maker, long time) {
}
