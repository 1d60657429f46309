package dev.ordertracker.binance.codec;

import java.math.BigDecimal;

/** A {@code balanceUpdate} event: a deposit, withdrawal or transfer ({@code a d T}). */
public record BalanceUpdate(long eventTime, String asset, BigDecimal delta, long clearTime) implements UserDataEvent {
  @Override
  public <C, R> R dispatch(UserDataListener<C, R> listener, C context) {
    return listener.balanceUpdate(this, context);
  }
}
