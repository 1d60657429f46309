package dev.ordertracker.simulator.matching;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Order status {@code X} and the legal transitions of the simulator's orders, as data in one place.
 * The engine checks every change against this table; an illegal change is a simulator bug.
 */
public enum OrderStatus {
  NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED;

  private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = new EnumMap<>(OrderStatus.class);

  static {
    // NEW -> NEW does not happen; a NEW order fills (partially or fully), is canceled, or expires (IOC/FOK/MARKET).
    LEGAL.put(NEW, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED));
    // Each further partial fill keeps the status PARTIALLY_FILLED.
    LEGAL.put(PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED));
    LEGAL.put(FILLED, EnumSet.noneOf(OrderStatus.class));
    LEGAL.put(CANCELED, EnumSet.noneOf(OrderStatus.class));
    LEGAL.put(REJECTED, EnumSet.noneOf(OrderStatus.class));
    LEGAL.put(EXPIRED, EnumSet.noneOf(OrderStatus.class));
  }

  public boolean canBecome(OrderStatus next) {
    return LEGAL.get(this).contains(next);
  }

  public boolean isFinal() {
    return LEGAL.get(this).isEmpty();
  }
}
