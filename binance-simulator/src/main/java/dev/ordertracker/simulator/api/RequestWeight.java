package dev.ordertracker.simulator.api;

/**
 * The REQUEST_WEIGHT limit (per minute) and the connection-attempt limit (per 5 minutes). Binance keeps both per IP
 * address, shared by all connections and the REST API; the simulator serves loopback, so one instance serves all.
 * A request whose weight does not fit in the current minute fails with 429 / -1003 and {@code retryAfter} (the start
 * of the next minute) and is not charged. Owned by the simulator context.
 */
public final class RequestWeight {

  /** Weight of opening a WebSocket API connection (web-socket-api.md "IP limits"). */
  public static final int CONNECTION_WEIGHT = 2;

  private final int limit;
  private final int connectionsPerFiveMinutes;
  private long minute = -1;
  private long used;
  private long fiveMinutes = -1;
  private int connections;

  public RequestWeight(int limit, int connectionsPerFiveMinutes) {
    this.limit = limit;
    this.connectionsPerFiveMinutes = connectionsPerFiveMinutes;
  }

  public int limit() {
    return limit;
  }

  private void roll(long now) {
    if (now / 60_000 != minute) {
      minute = now / 60_000;
      used = 0;
    }
  }

  /** Throws 429 / -1003 when {@code weight} more would exceed the limit of the current minute. */
  public void check(int weight, long now) {
    roll(now);
    if (used + weight > limit) {
      throw ApiException.tooMuchWeight(limit, now, (minute + 1) * 60_000);
    }
  }

  /** Charges {@code weight}; returns the weight used in the current minute. */
  public long add(int weight, long now) {
    roll(now);
    used += weight;
    return used;
  }

  public long used(long now) {
    roll(now);
    return used;
  }

  /** Counts a connection attempt; false when the 5-minute allowance is spent (the handshake gets 429). */
  public boolean tryConnect(long now) {
    if (now / 300_000 != fiveMinutes) {
      fiveMinutes = now / 300_000;
      connections = 0;
    }
    if (connections >= connectionsPerFiveMinutes) {
      return false;
    }
    connections++;
    add(CONNECTION_WEIGHT, now);
    return true;
  }
}
