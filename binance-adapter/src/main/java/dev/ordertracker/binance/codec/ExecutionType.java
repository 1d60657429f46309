package dev.ordertracker.binance.codec;

/** Binance execution types ({@code x} of an executionReport). */
public enum ExecutionType {
  NEW, CANCELED, REPLACED, REJECTED, TRADE, EXPIRED, TRADE_PREVENTION
}
