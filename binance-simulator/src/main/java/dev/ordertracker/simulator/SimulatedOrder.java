package dev.ordertracker.simulator;

import java.math.BigDecimal;
import java.util.List;

/**
 * Immutable snapshot of an order as the simulator knows it (the truth, for tests of other modules).
 * {@code status} is Binance's string (NEW, PENDING_NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED,
 * EXPIRED_IN_MATCH); {@code price} is the price in use (0 for MARKET orders, the pegged price of a pegged order);
 * {@code clientOrderId} and {@code origQty} are the current ones (after amends); {@code preventedQty} is the quantity
 * removed by self-trade prevention; {@code orderListId} is -1 outside an order list.
 */
public record SimulatedOrder(String account, String symbol, long orderId, String clientOrderId, String side,
    String type, String timeInForce, BigDecimal origQty, BigDecimal price, String status, BigDecimal executedQty,
    BigDecimal cummulativeQuoteQty, List<SimulatedTrade> trades, BigDecimal preventedQty, long orderListId) {

  public SimulatedOrder {
    trades = List.copyOf(trades);
  }

  public boolean isFinal() {
    return !"NEW".equals(status) && !"PARTIALLY_FILLED".equals(status) && !"PENDING_NEW".equals(status);
  }
}
