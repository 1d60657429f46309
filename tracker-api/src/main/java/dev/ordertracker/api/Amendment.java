package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One in-place amendment of an order (Binance "amend keep priority"): when, and the quantity and client order id
 * before and after. The order keeps its id and book priority; a client id that did not change appears twice.
 */
public record Amendment(Instant time, BigDecimal oldQuantity, BigDecimal newQuantity, String oldClientOrderId,
                        String newClientOrderId) {

  public Amendment {
    Decimals.bounded(oldQuantity, Fields.OLD_QUANTITY);
    Decimals.bounded(newQuantity, Fields.NEW_QUANTITY);
  }

  public Amendment(JsonObject json) {
    this(WireJson.optInstant(json, Fields.TIME),
        Decimals.nonNegative(json.getValue(Fields.OLD_QUANTITY), Fields.OLD_QUANTITY),
        Decimals.nonNegative(json.getValue(Fields.NEW_QUANTITY), Fields.NEW_QUANTITY),
        WireJson.optString(json, Fields.OLD_CLIENT_ORDER_ID),
        WireJson.optString(json, Fields.NEW_CLIENT_ORDER_ID));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    writeMembers(JsonMembers.of(json));
    return json;
  }

  void writeMembers(JsonMembers json) {
    json.put(Fields.TIME, Timestamps.format(time))
        .put(Fields.OLD_QUANTITY, WireJson.decimal(oldQuantity))
        .put(Fields.NEW_QUANTITY, WireJson.decimal(newQuantity))
        .put(Fields.OLD_CLIENT_ORDER_ID, oldClientOrderId)
        .put(Fields.NEW_CLIENT_ORDER_ID, newClientOrderId);
  }
}
