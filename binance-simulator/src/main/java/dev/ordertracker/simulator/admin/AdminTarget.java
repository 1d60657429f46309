package dev.ordertracker.simulator.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/** Simulator operations the admin endpoint exposes (beyond faults). Called on the simulator context. */
public interface AdminTarget {

  void setPrice(String symbol, BigDecimal price);

  JsonObject prices();

  /** Credits (or, negative, debits) a free balance and emits balanceUpdate + outboundAccountPosition. */
  void deposit(String account, String asset, BigDecimal amount);

  JsonArray orders();

  Future<Long> pushScripted(String account, long count, int framesPerSecond);

  int connectionCount();
}
