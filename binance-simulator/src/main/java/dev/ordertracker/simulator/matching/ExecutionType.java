package dev.ordertracker.simulator.matching;

/** Execution type {@code x} of an executionReport (binance-spot-api-docs enums.md). */
public enum ExecutionType {
  NEW, CANCELED, REPLACED, REJECTED, TRADE, EXPIRED, TRADE_PREVENTION
}
