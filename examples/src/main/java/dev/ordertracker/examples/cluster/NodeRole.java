package dev.ordertracker.examples.cluster;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a cluster node runs. A node may have several roles; {@code tracker} and {@code adapter} run once per cluster. */
public enum NodeRole {
  /** A candidate for the one active tracker (Vert.x HA: active on one node, standby on the others). */
  TRACKER,
  /** A candidate for the one active Binance adapter (Vert.x HA as well). */
  ADAPTER,
  /** The browser/TCP event-bus bridge, on every node that has the role (stateless). */
  BRIDGE,
  /** The paper exchange, for demos; not part of the failover (an exchange lives outside the cluster). */
  SIMULATOR,
  /** Logs every order event this node receives (shows cross-node delivery). */
  CONSUMER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code "tracker,adapter"}; an empty list means no role (a pure member). */
  public static Set<NodeRole> parseList(String list) {
    Set<NodeRole> roles = EnumSet.noneOf(NodeRole.class);
    if (list == null || list.isBlank()) {
      return roles;
    }
    for (String part : list.split(",")) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      try {
        roles.add(NodeRole.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("roles: unknown role '" + name + "'; known: tracker, adapter, bridge,"
            + " simulator, consumer", e);
      }
    }
    return roles;
  }
}
