package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of an order's status history. {@code oldStatus} is null for the first entry. */
public record StatusChange(Instant timestamp, OrderStatus oldStatus, OrderStatus newStatus,
                           BigDecimal filledQuantity, BigDecimal averagePrice, String errorMessage) {

  public StatusChange(JsonObject json) {
    this(WireJson.optInstant(json, Fields.TIMESTAMP),
        json.getValue(Fields.OLD_STATUS) == null ? null : OrderStatus.parse(WireJson.optString(json, Fields.OLD_STATUS)),
        OrderStatus.parse(WireJson.optString(json, Fields.NEW_STATUS)),
        WireJson.optDecimal(json, Fields.FILLED_QUANTITY),
        WireJson.optDecimal(json, Fields.AVERAGE_PRICE),
        WireJson.optString(json, Fields.ERROR_MESSAGE));
  }

  public static StatusChange fromJson(JsonObject json) {
    return new StatusChange(json);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    writeMembers(JsonMembers.of(json));
    return json;
  }

  void writeMembers(JsonMembers json) {
    json.put(Fields.TIMESTAMP, Timestamps.format(timestamp))
        .put(Fields.OLD_STATUS, oldStatus == null ? null : oldStatus.name())
        .put(Fields.NEW_STATUS, newStatus.name())
        .put(Fields.FILLED_QUANTITY, WireJson.decimal(filledQuantity))
        .put(Fields.AVERAGE_PRICE, WireJson.decimal(averagePrice))
        .put(Fields.ERROR_MESSAGE, errorMessage);
  }
}
