package dev.ordertracker.api;

import io.vertx.codegen.annotations.VertxGen;

/** Binance Spot order types. */
@VertxGen
public enum OrderType {
  MARKET, LIMIT, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT, LIMIT_MAKER;

  public static OrderType parse(String value) {
    return Enums.parse(OrderType.class, value, Fields.ORDER_TYPE);
  }
}
