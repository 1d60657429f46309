package dev.ordertracker.binance.clock;

import java.util.function.LongSupplier;

/**
 * Our estimate of Binance's clock: local time plus an offset measured from a server time answer (assumed taken at
 * the midpoint of the round trip). Signed requests use {@link #nowMs()} for their timestamp; a {@code -1021}
 * answer ("timestamp outside recvWindow") triggers a re-sync, never a "not found". Written by one context, read by
 * any: the offset is volatile.
 */
public final class ServerClock {
  private final LongSupplier localClock;
  private volatile long offsetMs;
  private volatile boolean synced;

  public ServerClock() {
    this(System::currentTimeMillis);
  }

  public ServerClock(LongSupplier localClock) {
    this.localClock = localClock;
  }

  public long nowMs() {
    return localClock.getAsLong() + offsetMs;
  }

  public long localMs() {
    return localClock.getAsLong();
  }

  /** Applies a server time answer for a request sent at {@code sentAtLocalMs} and answered at {@code receivedAtLocalMs}. */
  public void update(long serverTimeMs, long sentAtLocalMs, long receivedAtLocalMs) {
    long midpoint = sentAtLocalMs + (receivedAtLocalMs - sentAtLocalMs) / 2;
    offsetMs = serverTimeMs - midpoint;
    synced = true;
  }

  public long offsetMs() {
    return offsetMs;
  }

  public boolean isSynced() {
    return synced;
  }

  /** Binance's "timestamp outside recvWindow / ahead of server time" code. */
  public static boolean isClockError(int code) {
    return code == -1021;
  }
}
