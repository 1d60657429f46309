package dev.ordertracker.api;

import io.vertx.codegen.annotations.VertxGen;

/**
 * What an {@link OrderUpdate} reports, which decides the row of the transition table it is classified by.
 * Exchange-neutral: the Binance adapter maps execution types onto it ({@code x = REPLACED} → AMENDMENT,
 * {@code x = TRADE_PREVENTION} with an open status → TRADE_PREVENTION, everything else → STATUS).
 */
@VertxGen
public enum UpdateKind {
  /** A status and cumulative fill report (placement, trade, cancel, expiry, rejection, reconciliation). */
  STATUS,
  /**
   * The order was amended in place (quantity reduced, client id changed), keeping its book priority: the update's
   * quantity and client order id are the new ones; its status and filled quantity are the unchanged ones.
   */
  AMENDMENT,
  /**
   * Self-trade prevention decremented an order that stays open: the update's {@link OrderDetails#preventedQuantity()}
   * is the new cumulative prevented quantity. (An order that STP ends is a STATUS report with its final status.)
   */
  TRADE_PREVENTION;

  public static UpdateKind parse(String value) {
    return Enums.parse(UpdateKind.class, value, Fields.UPDATE_KIND);
  }
}
