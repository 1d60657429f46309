package dev.ordertracker.simulator.matching;

/**
 * Pegged-order instructions (binance-spot-api-docs faqs/pegged_orders.md): {@code pegPriceType} PRIMARY_PEG (the
 * best price on the order's own side) or MARKET_PEG (the best price on the other side), {@code pegOffsetType}
 * PRICE_LEVEL and {@code pegOffsetValue} levels (ticks here) away from it, towards the passive side.
 * Reported as {@code gP gOT gOV} and the price in use {@code gp}.
 */
public record Peg(String priceType, String offsetType, int offsetValue) {

  public static final String PRIMARY_PEG = "PRIMARY_PEG";
  public static final String MARKET_PEG = "MARKET_PEG";
  public static final String PRICE_LEVEL = "PRICE_LEVEL";
}
