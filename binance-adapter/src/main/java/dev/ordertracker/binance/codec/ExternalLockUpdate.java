package dev.ordertracker.binance.codec;

import java.math.BigDecimal;

/** An {@code externalLockUpdate} event: funds locked or released outside Spot ({@code a d T}). */
public record ExternalLockUpdate(long eventTime, String asset, BigDecimal delta, long transactionTime)
    implements UserDataEvent {
  @Override
  public <C, R> R dispatch(UserDataListener<C, R> listener, C context) {
    return listener.externalLockUpdate(this, context);
  }
}
