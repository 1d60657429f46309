package dev.ordertracker.simulator.matching;

/** A listStatus event: {@code l} list status type, {@code L} list order status. */
public record ListStatus(OrderList list, String listStatusType, String listOrderStatus, long time) {
}
