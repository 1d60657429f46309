package dev.ordertracker.binance.codec;

import java.util.List;

/** A {@code listStatus} event: the state of an order list (OCO, OTO, OTOCO, OPO, OPOCO). */
public record ListStatus(long eventTime, String symbol, long orderListId, String contingencyType,
                         String listStatusType, String listOrderStatus, String rejectReason,
                         String listClientOrderId, long transactionTime, List<Member> orders)
    implements UserDataEvent {

  public ListStatus {
    orders = List.copyOf(orders);
  }

  /** One order of the list ({@code O[]}: {@code s i c}). */
  public record Member(String symbol, long orderId, String clientOrderId) {
  }

  @Override
  public <C, R> R dispatch(UserDataListener<C, R> listener, C context) {
    return listener.listStatus(this, context);
  }
}
