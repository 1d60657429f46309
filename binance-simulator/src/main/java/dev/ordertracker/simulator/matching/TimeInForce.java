package dev.ordertracker.simulator.matching;

/** Time in force of LIMIT orders. */
public enum TimeInForce {
  GTC, IOC, FOK
}
