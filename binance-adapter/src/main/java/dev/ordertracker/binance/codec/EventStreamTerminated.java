package dev.ordertracker.binance.codec;

/** An {@code eventStreamTerminated} event: the subscription ended (logout, unsubscribe, expiry). */
public record EventStreamTerminated(long eventTime) implements UserDataEvent {
}
