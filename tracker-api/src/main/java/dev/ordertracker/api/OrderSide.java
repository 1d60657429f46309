package dev.ordertracker.api;

import io.vertx.codegen.annotations.VertxGen;

@VertxGen
public enum OrderSide {
  BUY, SELL;

  public static OrderSide parse(String value) {
    return Enums.parse(OrderSide.class, value, Fields.SIDE);
  }
}
