package dev.ordertracker.bridge.session;

import java.util.HashMap;
import java.util.Map;

/**
 * How many clients are connected, in all and per remote address, across both bridges: a connection over either
 * cap is refused (too_many_connections) before it costs anything else. Confined to the bridge verticle's event
 * loop (both servers run on its context).
 */
public final class ConnectionCaps {
  private final int maxTotal;
  private final int maxPerAddress;
  private final Map<String, Integer> perAddress = new HashMap<>();
  private int total;

  public ConnectionCaps(int maxTotal, int maxPerAddress) {
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
  }

  /** Counts a new connection from {@code host}; false (nothing counted) when a cap is reached. */
  public boolean tryOpen(String host) {
    String key = host == null ? "" : host;
    int fromHost = perAddress.getOrDefault(key, 0);
    if (total >= maxTotal || fromHost >= maxPerAddress) {
      return false;
    }
    total++;
    perAddress.put(key, fromHost + 1);
    return true;
  }

  /** Releases a connection counted by {@link #tryOpen}. */
  public void closed(String host) {
    String key = host == null ? "" : host;
    Integer fromHost = perAddress.get(key);
    if (fromHost == null) {
      return;
    }
    total--;
    if (fromHost <= 1) {
      perAddress.remove(key);
    } else {
      perAddress.put(key, fromHost - 1);
    }
  }

  public int total() {
    return total;
  }
}
