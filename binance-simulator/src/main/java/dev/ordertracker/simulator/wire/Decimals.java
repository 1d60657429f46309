package dev.ordertracker.simulator.wire;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Binance's wire format for decimals: plain text with 8 decimals ("0.00100000"). */
public final class Decimals {

  private Decimals() {
  }

  public static String format(BigDecimal value) {
    BigDecimal v = value.scale() > 8 ? value.setScale(8, RoundingMode.DOWN) : value.setScale(8);
    return v.toPlainString();
  }
}
