package dev.ordertracker.binance.codec;

import dev.ordertracker.api.OrderList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * listStatus → {@link OrderList}, the tracker's exchange-neutral list report: {@code g} list id, {@code c}
 * contingency type, {@code l} list status type, {@code L} list order status, {@code r} reject reason, {@code C}
 * list client id, {@code T} transaction time, {@code O} the legs ({@code s i c}).
 */
public final class ListReports {
  private ListReports() {
  }

  public static OrderList from(ListStatus s, String account) {
    List<OrderList.Leg> legs = new ArrayList<>(s.orders().size());
    for (ListStatus.Member m : s.orders()) {
      legs.add(new OrderList.Leg(m.symbol(), Long.toString(m.orderId()), m.clientOrderId()));
    }
    String reject = s.rejectReason() == null || "NONE".equals(s.rejectReason()) ? null : s.rejectReason();
    return new OrderList(s.symbol(), Long.toString(s.orderListId()), s.contingencyType(), s.listStatusType(),
        s.listOrderStatus(), s.listClientOrderId(), reject,
        s.transactionTime() < 0 ? null : Instant.ofEpochMilli(s.transactionTime()), legs, account);
  }
}
