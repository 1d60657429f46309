package dev.ordertracker.binance.codec;

/**
 * One text frame of the user-data stream: the subscription it belongs to (which names the account) and the event.
 * {@code serverShutdown} and bare events (replay files) carry no subscription: {@link #NO_SUBSCRIPTION}.
 */
public record UserDataFrame(long subscriptionId, UserDataEvent event) {
  public static final long NO_SUBSCRIPTION = -1;

  public boolean hasSubscription() {
    return subscriptionId != NO_SUBSCRIPTION;
  }

  /** Hands the event to the listener's method for its type, once. */
  public <C, R> R dispatch(UserDataListener<C, R> listener, C context) {
    return event.dispatch(listener, context);
  }
}
