package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One trade of an order. A trade is identified by (symbol, trade id): the two legs of a self-trade share a trade id
 * on two different orders, so the tracker deduplicates fills per order.
 */
public record Fill(long tradeId, BigDecimal quantity, BigDecimal price, BigDecimal quoteQuantity,
                   BigDecimal commission, String commissionAsset, boolean maker, Instant time) {

  public Fill {
    Objects.requireNonNull(quantity, Fields.QUANTITY);
    Objects.requireNonNull(price, Fields.PRICE);
    Decimals.bounded(quantity, Fields.QUANTITY);
    Decimals.bounded(price, Fields.PRICE);
    Decimals.bounded(quoteQuantity, Fields.QUOTE_QUANTITY);
    Decimals.bounded(commission, Fields.COMMISSION);
    if (quoteQuantity == null) {
      quoteQuantity = quantity.multiply(price);
    }
  }

  public Fill(JsonObject json) {
    this(WireJson.optLong(json, Fields.TRADE_ID, -1),
        Decimals.positive(json.getValue(Fields.QUANTITY), Fields.QUANTITY),
        Decimals.positive(json.getValue(Fields.PRICE), Fields.PRICE),
        Decimals.nonNegative(json.getValue(Fields.QUOTE_QUANTITY), Fields.QUOTE_QUANTITY),
        Decimals.nonNegative(json.getValue(Fields.COMMISSION), Fields.COMMISSION),
        WireJson.optString(json, Fields.COMMISSION_ASSET),
        WireJson.optBoolean(json, Fields.MAKER, false),
        WireJson.optInstant(json, Fields.TIME));
  }

  public static Fill fromJson(JsonObject json) {
    return new Fill(json);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    writeMembers(JsonMembers.of(json));
    return json;
  }

  void writeMembers(JsonMembers json) {
    json.put(Fields.TRADE_ID, tradeId)
        .put(Fields.QUANTITY, WireJson.decimal(quantity))
        .put(Fields.PRICE, WireJson.decimal(price))
        .put(Fields.QUOTE_QUANTITY, WireJson.decimal(quoteQuantity))
        .put(Fields.COMMISSION, WireJson.decimal(commission))
        .put(Fields.COMMISSION_ASSET, commissionAsset)
        .put(Fields.MAKER, maker)
        .put(Fields.TIME, Timestamps.format(time));
  }
}
