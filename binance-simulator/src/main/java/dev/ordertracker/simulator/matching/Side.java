package dev.ordertracker.simulator.matching;

/** Order side. */
public enum Side {
  BUY, SELL
}
