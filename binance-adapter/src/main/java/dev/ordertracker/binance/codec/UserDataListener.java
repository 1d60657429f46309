package dev.ordertracker.binance.codec;

/**
 * Receives decoded user-data events: one typed method per Binance event type. A frame is dispatched to it once
 * ({@link UserDataFrame#dispatch}): each event record calls its own method, so no code switches on the event's type.
 * A new event type is a new record and a new method here, which every listener must then handle.
 *
 * @param <C> what the caller knows about the frame (its connection, its account, ...), passed to every method
 * @param <R> what a method answers (Void when nothing)
 */
public interface UserDataListener<C, R> {
  R executionReport(ExecutionReport report, C context);

  R listStatus(ListStatus list, C context);

  R accountPosition(OutboundAccountPosition position, C context);

  R balanceUpdate(BalanceUpdate update, C context);

  R externalLockUpdate(ExternalLockUpdate update, C context);

  R streamTerminated(EventStreamTerminated terminated, C context);

  R serverShutdown(ServerShutdown shutdown, C context);
}
