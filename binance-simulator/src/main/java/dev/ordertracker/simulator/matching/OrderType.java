package dev.ordertracker.simulator.matching;

/** Order types the simulator accepts ({@code STOP_LOSS_LIMIT} only as a leg of an OCO order list). */
public enum OrderType {
  LIMIT, MARKET, LIMIT_MAKER, STOP_LOSS_LIMIT
}
