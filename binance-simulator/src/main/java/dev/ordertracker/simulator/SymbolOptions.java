package dev.ordertracker.simulator;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One tradable symbol. JSON keys: {@code symbol, baseAsset, quoteAsset, price, tickSize, stepSize}.
 * {@code tickSize.scale + stepSize.scale} must be at most 8 so that every quote quantity is exact on the wire.
 */
public final class SymbolOptions {

  private static final Set<String> KEYS = Set.of("symbol", "baseAsset", "quoteAsset", "price", "tickSize", "stepSize");

  private String symbol;
  private String baseAsset;
  private String quoteAsset;
  private BigDecimal price;
  private BigDecimal tickSize;
  private BigDecimal stepSize;

  public SymbolOptions() {
  }

  public SymbolOptions(String symbol, String baseAsset, String quoteAsset, String price, String tickSize,
      String stepSize) {
    this.symbol = symbol;
    this.baseAsset = baseAsset;
    this.quoteAsset = quoteAsset;
    this.price = new BigDecimal(price);
    this.tickSize = new BigDecimal(tickSize);
    this.stepSize = new BigDecimal(stepSize);
  }

  public SymbolOptions(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("Unknown symbol option '" + key + "'; known: " + KEYS);
      }
    }
    this.symbol = json.getString("symbol");
    this.baseAsset = json.getString("baseAsset");
    this.quoteAsset = json.getString("quoteAsset");
    this.price = decimal(json, "price");
    this.tickSize = decimal(json, "tickSize");
    this.stepSize = decimal(json, "stepSize");
  }

  private static BigDecimal decimal(JsonObject json, String key) {
    Object v = json.getValue(key);
    return v == null ? null : new BigDecimal(String.valueOf(v));
  }

  public void validate() {
    if (symbol == null || baseAsset == null || quoteAsset == null || price == null || tickSize == null
        || stepSize == null) {
      throw new IllegalArgumentException("symbol options need symbol, baseAsset, quoteAsset, price, tickSize, stepSize: "
          + symbol);
    }
    if (!symbol.equals(baseAsset + quoteAsset)) {
      throw new IllegalArgumentException("symbol " + symbol + " must be baseAsset + quoteAsset");
    }
    if (price.signum() <= 0 || tickSize.signum() <= 0 || stepSize.signum() <= 0) {
      throw new IllegalArgumentException(symbol + ": price, tickSize and stepSize must be > 0");
    }
    if (tickSize.stripTrailingZeros().scale() + stepSize.stripTrailingZeros().scale() > 8) {
      throw new IllegalArgumentException(symbol + ": tickSize and stepSize together need more than 8 decimals");
    }
    if (price.remainder(tickSize).signum() != 0) {
      throw new IllegalArgumentException(symbol + ": price must be a multiple of tickSize");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("symbol", symbol).put("baseAsset", baseAsset).put("quoteAsset", quoteAsset)
        .put("price", price.toPlainString()).put("tickSize", tickSize.toPlainString())
        .put("stepSize", stepSize.toPlainString());
  }

  public String getSymbol() {
    return symbol;
  }

  public String getBaseAsset() {
    return baseAsset;
  }

  public String getQuoteAsset() {
    return quoteAsset;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public BigDecimal getTickSize() {
    return tickSize;
  }

  public BigDecimal getStepSize() {
    return stepSize;
  }
}
