package dev.ordertracker.simulator.matching;

import java.math.BigDecimal;

/**
 * A validated new-order request. {@code quantity} or (MARKET only) {@code quoteOrderQty} is set;
 * {@code price} is null for MARKET (and for a pegged order without a price); {@code clientOrderId} may be null
 * (generated); {@code stpMode} null = the symbol's default; {@code peg} null = not pegged.
 */
public record OrderRequest(String symbol, Side side, OrderType type, TimeInForce timeInForce,
    BigDecimal quantity, BigDecimal quoteOrderQty, BigDecimal price, String clientOrderId, StpMode stpMode,
    Peg peg) {

  public OrderRequest(String symbol, Side side, OrderType type, TimeInForce timeInForce, BigDecimal quantity,
      BigDecimal quoteOrderQty, BigDecimal price, String clientOrderId) {
    this(symbol, side, type, timeInForce, quantity, quoteOrderQty, price, clientOrderId, null, null);
  }

  OrderRequest withClientOrderId(String id) {
    return new OrderRequest(symbol, side, type, timeInForce, quantity, quoteOrderQty, price, id, stpMode, peg);
  }
}
