package dev.ordertracker.simulator.matching;

/**
 * The result of an {@code order.amend.keepPriority}: the amended order, its client id before, the execution id
 * {@code I} of the REPLACED report and the transaction time.
 */
public record Amendment(Order order, String origClientOrderId, long executionId, long transactTime) {
}
