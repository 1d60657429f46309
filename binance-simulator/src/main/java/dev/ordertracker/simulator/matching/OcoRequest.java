package dev.ordertracker.simulator.matching;

import java.math.BigDecimal;

/**
 * A validated OCO request ({@code orderList.place.oco}): a LIMIT_MAKER leg and a STOP_LOSS_LIMIT leg of the same
 * side and quantity. SELL: LIMIT_MAKER above the price, stop below; BUY: stop above, LIMIT_MAKER below.
 * Client ids may be null (generated).
 */
public record OcoRequest(String symbol, Side side, BigDecimal quantity, BigDecimal limitMakerPrice,
    BigDecimal stopPrice, BigDecimal stopLimitPrice, TimeInForce stopLimitTimeInForce, String listClientOrderId,
    String limitMakerClientOrderId, String stopClientOrderId, StpMode stpMode) {

  public OcoRequest(String symbol, Side side, BigDecimal quantity, BigDecimal limitMakerPrice, BigDecimal stopPrice,
      BigDecimal stopLimitPrice, TimeInForce stopLimitTimeInForce, String listClientOrderId,
      String limitMakerClientOrderId, String stopClientOrderId) {
    this(symbol, side, quantity, limitMakerPrice, stopPrice, stopLimitPrice, stopLimitTimeInForce, listClientOrderId,
        limitMakerClientOrderId, stopClientOrderId, null);
  }
}
