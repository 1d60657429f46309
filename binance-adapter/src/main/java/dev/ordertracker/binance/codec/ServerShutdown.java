package dev.ordertracker.binance.codec;

/** A {@code serverShutdown} event: the server is about to close the connection; reconnect now. */
public record ServerShutdown(long eventTime) implements UserDataEvent {
}
