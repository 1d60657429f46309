package dev.ordertracker.binance.codec;

/**
 * A decoded user-data event. One record per Binance event type; {@link UserDataDecoder} is the only producer.
 */
public sealed interface UserDataEvent
    permits ExecutionReport, ListStatus, OutboundAccountPosition, BalanceUpdate, ExternalLockUpdate,
    EventStreamTerminated, ServerShutdown {

  /** Binance's event time {@code E}, epoch milliseconds. */
  long eventTime();

  /** Calls the listener's method for this event's type. */
  <C, R> R dispatch(UserDataListener<C, R> listener, C context);
}
