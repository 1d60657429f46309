package dev.ordertracker.simulator.matching;

import dev.ordertracker.simulator.SymbolOptions;

import java.math.BigDecimal;

/** Static description of a symbol: assets and filters. */
public record SymbolSpec(String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize,
    BigDecimal stepSize) {

  public static SymbolSpec of(SymbolOptions options) {
    return new SymbolSpec(options.getSymbol(), options.getBaseAsset(), options.getQuoteAsset(),
        options.getTickSize().stripTrailingZeros(), options.getStepSize().stripTrailingZeros());
  }

  public boolean isTickMultiple(BigDecimal price) {
    return price.remainder(tickSize).signum() == 0;
  }

  public boolean isStepMultiple(BigDecimal qty) {
    return qty.remainder(stepSize).signum() == 0;
  }

  /** Rounds a quantity down to the step size. */
  public BigDecimal floorToStep(BigDecimal qty) {
    return qty.divideToIntegralValue(stepSize).multiply(stepSize);
  }

  /** Rounds a price to the nearest tick. */
  public BigDecimal roundToTick(BigDecimal price) {
    return price.divide(tickSize, 0, java.math.RoundingMode.HALF_UP).multiply(tickSize);
  }
}
