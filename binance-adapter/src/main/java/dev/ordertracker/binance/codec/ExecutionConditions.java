package dev.ordertracker.binance.codec;

import java.math.BigDecimal;

/**
 * The conditional fields of an executionReport: trailing stops ({@code d D}), strategies ({@code j J}), self-trade
 * prevention ({@code v A B u U Cs pl pL pY}), matching ({@code b a k uS}) and pegged orders ({@code gP gOT gOV gp}).
 * Every field is null when Binance did not send it.
 */
public record ExecutionConditions(
    Long trailingDelta,                        // d
    Long trailingTime,                         // D
    Long strategyId,                           // j
    Long strategyType,                         // J
    Long preventedMatchId,                     // v
    BigDecimal preventedQuantity,              // A
    BigDecimal lastPreventedQuantity,          // B
    Long tradeGroupId,                         // u
    Long counterOrderId,                       // U
    String counterSymbol,                      // Cs
    BigDecimal preventedExecutionQuantity,     // pl
    BigDecimal preventedExecutionPrice,        // pL
    BigDecimal preventedExecutionQuoteQuantity, // pY
    String matchType,                          // b
    Long allocationId,                         // a
    String workingFloor,                       // k
    Boolean usedSor,                           // uS
    String pegPriceType,                       // gP
    String pegOffsetType,                      // gOT
    Long pegOffsetValue,                       // gOV
    BigDecimal peggedPrice) {                  // gp

  public static final ExecutionConditions NONE = new ExecutionConditions(null, null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  /**
   * True when no condition is reported ({@code equals(NONE)}, written out: the record's generated equals dispatches
   * through method handles, slow until the JIT's last tier has compiled it, and the decoder asks on every frame).
   */
  public boolean isNone() {
    return trailingDelta == null && trailingTime == null && strategyId == null && strategyType == null
        && preventedMatchId == null && preventedQuantity == null && lastPreventedQuantity == null
        && tradeGroupId == null && counterOrderId == null && counterSymbol == null
        && preventedExecutionQuantity == null && preventedExecutionPrice == null
        && preventedExecutionQuoteQuantity == null && matchType == null && allocationId == null
        && workingFloor == null && usedSor == null && pegPriceType == null && pegOffsetType == null
        && pegOffsetValue == null && peggedPrice == null;
  }
}
