package dev.ordertracker.binance.codec;

/** An {@code eventStreamTerminated} event: the subscription ended (logout, unsubscribe, expiry). */
public record EventStreamTerminated(long eventTime) implements UserDataEvent {
  @Override
  public <C, R> R dispatch(UserDataListener<C, R> listener, C context) {
    return listener.streamTerminated(this, context);
  }
}
