package dev.ordertracker.simulator.matching;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Order status {@code X} and the legal transitions of the simulator's orders, as data in one place.
 * The engine checks every change against this table; an illegal change is a simulator bug. An amendment
 * ({@code x=REPLACED}) and a decrementing self-trade prevention keep the status and are not transitions.
 */
public enum OrderStatus {
  NEW, PENDING_NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH;

  private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = new EnumMap<>(OrderStatus.class);

  static {
    // A pending leg of an OTO/OTOCO/OPO/OPOCO list becomes NEW when its working leg fills, or ends with the list.
    LEGAL.put(PENDING_NEW, EnumSet.of(NEW, CANCELED, EXPIRED));
    // NEW -> NEW does not happen; a NEW order fills (partially or fully), is canceled, or expires (IOC/FOK/MARKET,
    // or EXPIRED_IN_MATCH by self-trade prevention).
    LEGAL.put(NEW, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, EXPIRED_IN_MATCH));
    // Each further partial fill keeps the status PARTIALLY_FILLED.
    LEGAL.put(PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, EXPIRED_IN_MATCH));
    LEGAL.put(FILLED, EnumSet.noneOf(OrderStatus.class));
    LEGAL.put(CANCELED, EnumSet.noneOf(OrderStatus.class));
    LEGAL.put(REJECTED, EnumSet.noneOf(OrderStatus.class));
    LEGAL.put(EXPIRED, EnumSet.noneOf(OrderStatus.class));
    LEGAL.put(EXPIRED_IN_MATCH, EnumSet.noneOf(OrderStatus.class));
  }

  public boolean canBecome(OrderStatus next) {
    return LEGAL.get(this).contains(next);
  }

  public boolean isFinal() {
    return LEGAL.get(this).isEmpty();
  }
}
