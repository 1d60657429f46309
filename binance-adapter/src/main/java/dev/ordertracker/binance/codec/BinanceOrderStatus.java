package dev.ordertracker.binance.codec;

/** Binance order statuses ({@code X} of an executionReport, {@code status} of order queries). */
public enum BinanceOrderStatus {
  NEW, PENDING_NEW, PARTIALLY_FILLED, FILLED, CANCELED, PENDING_CANCEL, REJECTED, EXPIRED, EXPIRED_IN_MATCH
}
