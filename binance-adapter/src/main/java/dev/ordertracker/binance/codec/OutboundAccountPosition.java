package dev.ordertracker.binance.codec;

import java.math.BigDecimal;
import java.util.List;

/** An {@code outboundAccountPosition} event: the balances of the assets that changed. */
public record OutboundAccountPosition(long eventTime, long lastUpdateTime, List<Balance> balances)
    implements UserDataEvent {

  public OutboundAccountPosition {
    balances = List.copyOf(balances);
  }

  /** {@code B[]}: asset {@code a}, free {@code f}, locked {@code l}. */
  public record Balance(String asset, BigDecimal free, BigDecimal locked) {
  }

  @Override
  public <C, R> R dispatch(UserDataListener<C, R> listener, C context) {
    return listener.accountPosition(this, context);
  }
}
