package dev.ordertracker.simulator.matching;

import dev.ordertracker.simulator.api.ApiException;

import java.math.BigDecimal;
import java.util.List;

/**
 * Order Amend Keep Priority (binance-spot-api-docs faqs/order_amend_keep_priority.md): the quantity of a live order
 * goes down in place (same orderId, same place in the book), the client order id becomes the requested one or a new
 * random one, the freed funds are unlocked, and the stream gets an executionReport {@code x=REPLACED} with the
 * unchanged status, the new {@code q} and {@code c}, the previous id in {@code C}; a leg of an order list whose client
 * id changed also gets a {@code listStatus} {@code l=UPDATED}. Part of the engine; simulator context only.
 */
final class Amendments {

  /** {@code MAX_NUM_ORDER_AMENDS} of the symbols. */
  static final int MAX_AMENDS = 10;

  private final MatchingEngine engine;

  Amendments(MatchingEngine engine) {
    this.engine = engine;
  }

  Amendment amend(SymbolBook book, Order order, String newClientOrderId, BigDecimal newQty, long now) {
    if (!order.isLive()) {
      throw ApiException.orderDoesNotExist();
    }
    if (newQty.signum() <= 0 || !order.spec.isStepMultiple(newQty)) {
      throw ApiException.filterFailure("LOT_SIZE");
    }
    int c = newQty.compareTo(order.origQty);
    if (c > 0) {
      throw ApiException.amendRejected("Order amend (quantity increase) is not supported.");
    }
    if (c == 0) {
      throw ApiException.amendRejected("The requested action would change no state; rejecting");
    }
    if (newQty.compareTo(order.executedQty.add(order.preventedQty)) <= 0) {
      // Binance expires the order in this case; the simulator does not model it and refuses the request.
      throw ApiException.amendRejected("newQty must be above the executed quantity (not modelled by the simulator).");
    }
    if (order.amendments >= MAX_AMENDS) {
      throw ApiException.amendRejected("Filter failure: MAX_NUM_ORDER_AMENDS");
    }
    if (order.list != null && order.list.opo && order.status == OrderStatus.PENDING_NEW) {
      throw ApiException.amendRejected("Order amend (pending OPO order) is not supported.");
    }
    if (order.list != null && order.list.isOco()) {
      // both legs of an OCO pair share one quantity; amending one amends both (not modelled)
      throw ApiException.amendRejected("Order amend of an OCO leg is not supported by the simulator.");
    }
    String newId = newClientOrderId != null ? newClientOrderId : engine.newClientOrderId();
    if (engine.clientIdTaken(order, newId)) {
      throw ApiException.amendRejected("Duplicate order sent.");
    }
    BigDecimal cut = order.origQty.subtract(newQty);
    BigDecimal unlock = order.type == OrderType.MARKET ? BigDecimal.ZERO
        : order.side == Side.SELL ? cut : cut.multiply(order.price);
    if (order.status != OrderStatus.PENDING_NEW && unlock.signum() > 0 && order.locked.compareTo(unlock) >= 0) {
      order.locked = order.locked.subtract(unlock);
      order.account.balances().unlock(order.lockedAsset, unlock);
    }
    String oldId = order.clientOrderId;
    order.origQty = newQty;
    order.amendments++;
    order.updateTime = now;
    engine.rekey(order, newId);
    engine.emit(order, ExecutionType.REPLACED, null, null, oldId, now, null, null);
    long executionId = engine.lastExecutionId();
    if (order.list != null && !newId.equals(oldId)) {
      engine.orderLists().updated(order.list, now);
    }
    engine.listener.onBalancesChanged(order.account, List.of(order.lockedAsset), now);
    return new Amendment(order, oldId, executionId, now);
  }
}
