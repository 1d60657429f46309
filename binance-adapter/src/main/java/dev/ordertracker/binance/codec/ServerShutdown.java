package dev.ordertracker.binance.codec;

/** A {@code serverShutdown} event: the server is about to close the connection; reconnect now. */
public record ServerShutdown(long eventTime) implements UserDataEvent {
  @Override
  public <C, R> R dispatch(UserDataListener<C, R> listener, C context) {
    return listener.serverShutdown(this, context);
  }
}
