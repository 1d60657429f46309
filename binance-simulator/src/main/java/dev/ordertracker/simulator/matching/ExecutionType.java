package dev.ordertracker.simulator.matching;

/** Execution type {@code x} of an executionReport. */
public enum ExecutionType {
  NEW, CANCELED, TRADE, EXPIRED, REJECTED
}
