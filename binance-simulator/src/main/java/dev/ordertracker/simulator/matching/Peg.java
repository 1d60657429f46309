package dev.ordertracker.simulator.matching;

import java.math.BigDecimal;

/**
 * Pegged-order instructions (binance-spot-api-docs faqs/pegged_orders.md): {@code pegPriceType} PRIMARY_PEG (the
 * best price on the order's own side) or MARKET_PEG (the best price on the other side), {@code pegOffsetType}
 * PRICE_LEVEL and {@code pegOffsetValue} levels (ticks here) deeper into the book side pegged to.
 * Reported as {@code gP gOT gOV} and the price in use {@code gp}.
 */
public record Peg(String priceType, String offsetType, int offsetValue) {

  /**
   * The pegged price on {@code book}. The simulator's synthetic book quotes both sides at the reference price, so:
   * PRIMARY_PEG = one tick behind the reference price on the order's own side (BUY: below, SELL: above), so that the
   * order rests, and {@code offsetValue} more ticks deeper into that side; MARKET_PEG = the reference price (the best
   * level of the other side) and {@code offsetValue} ticks deeper into the other side (BUY: higher, SELL: lower).
   * Fixed once the order is placed (no re-pegging).
   */
  BigDecimal price(SymbolBook book, Side side) {
    BigDecimal tick = book.spec().tickSize();
    boolean primary = PRIMARY_PEG.equals(priceType);
    BigDecimal delta = tick.multiply(BigDecimal.valueOf((primary ? 1 : 0) + offsetValue));
    boolean lower = primary == (side == Side.BUY);
    BigDecimal p = lower ? book.referencePrice().subtract(delta) : book.referencePrice().add(delta);
    return p.signum() > 0 ? p : tick;
  }

  public static final String PRIMARY_PEG = "PRIMARY_PEG";
  public static final String MARKET_PEG = "MARKET_PEG";
  public static final String PRICE_LEVEL = "PRICE_LEVEL";
}
