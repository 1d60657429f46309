package dev.ordertracker.simulator;

import java.math.BigDecimal;
import java.util.List;

/**
 * Immutable snapshot of an order as the simulator knows it (the truth, for tests of other modules).
 * {@code status} is Binance's string (NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED); {@code price} is 0 for
 * MARKET orders.
 */
public record SimulatedOrder(String account, String symbol, long orderId, String clientOrderId, String side,
    String type, String timeInForce, BigDecimal origQty, BigDecimal price, String status, BigDecimal executedQty,
    BigDecimal cummulativeQuoteQty, List<SimulatedTrade> trades) {

  public SimulatedOrder {
    trades = List.copyOf(trades);
  }

  public boolean isFinal() {
    return !"NEW".equals(status) && !"PARTIALLY_FILLED".equals(status);
  }
}
