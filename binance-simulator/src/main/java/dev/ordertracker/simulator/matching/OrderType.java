package dev.ordertracker.simulator.matching;

/** Order types the simulator accepts. */
public enum OrderType {
  LIMIT, MARKET, LIMIT_MAKER
}
