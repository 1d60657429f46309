package dev.ordertracker.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The state of one order list (Binance OCO, OTO, OTOCO, OPO, OPOCO) as its last list report gave it: contingency
 * type, list status type ({@code RESPONSE, EXEC_STARTED, UPDATED, ALL_DONE}), list order status
 * ({@code EXECUTING, ALL_DONE, REJECT}), list client id and legs. Each report is the whole list, so the newest one
 * (by transaction time) replaces what was known. The legs' own state is that of their orders ({@link TrackedOrder},
 * whose {@code order_list_id} names the list). Ids are unique per symbol, as order ids are.
 */
public record OrderList(String symbol, String orderListId, String contingencyType, String listStatusType,
                        String listOrderStatus, String listClientOrderId, String rejectReason,
                        Instant transactionTime, List<Leg> legs, String account) {

  public OrderList {
    NewOrder.requireText(symbol, Fields.SYMBOL);
    NewOrder.requireText(orderListId, Fields.ORDER_LIST_ID);
    legs = legs == null ? List.of() : List.copyOf(legs);
  }

  public OrderList(JsonObject json) {
    this(WireJson.requiredString(json, Fields.SYMBOL), WireJson.requiredString(json, Fields.ORDER_LIST_ID),
        WireJson.optString(json, Fields.CONTINGENCY_TYPE), WireJson.optString(json, Fields.LIST_STATUS_TYPE),
        WireJson.optString(json, Fields.LIST_ORDER_STATUS), WireJson.optString(json, Fields.LIST_CLIENT_ORDER_ID),
        WireJson.optString(json, Fields.REJECT_REASON), WireJson.optInstant(json, Fields.TRANSACTION_TIME),
        legs(json.getJsonArray(Fields.LEGS)), WireJson.optString(json, Fields.ACCOUNT));
  }

  public OrderKey key() {
    return new OrderKey(symbol, orderListId);
  }

  /** True once the exchange reports the list done (ALL_DONE) or refused (REJECT). */
  public boolean isDone() {
    return "ALL_DONE".equals(listOrderStatus) || "REJECT".equals(listOrderStatus);
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray(new ArrayList<>(legs.size()));
    legs.forEach(l -> array.add(l.toJson()));
    return new JsonObject()
        .put(Fields.SYMBOL, symbol)
        .put(Fields.ORDER_LIST_ID, orderListId)
        .put(Fields.CONTINGENCY_TYPE, contingencyType)
        .put(Fields.LIST_STATUS_TYPE, listStatusType)
        .put(Fields.LIST_ORDER_STATUS, listOrderStatus)
        .put(Fields.LIST_CLIENT_ORDER_ID, listClientOrderId)
        .put(Fields.REJECT_REASON, rejectReason)
        .put(Fields.TRANSACTION_TIME, Timestamps.format(transactionTime))
        .put(Fields.LEGS, array)
        .put(Fields.ACCOUNT, account);
  }

  private static List<Leg> legs(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    List<Leg> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      Object v = array.getValue(i);
      if (!(v instanceof JsonObject o)) {
        throw new IllegalArgumentException(Fields.LEGS + "[" + i + "]: expected an object");
      }
      out.add(new Leg(o));
    }
    return out;
  }

  /** One order of the list. */
  public record Leg(String symbol, String orderId, String clientOrderId) {
    public Leg {
      Objects.requireNonNull(symbol, Fields.SYMBOL);
      Objects.requireNonNull(orderId, Fields.ORDER_ID);
    }

    public Leg(JsonObject json) {
      this(WireJson.requiredString(json, Fields.SYMBOL), WireJson.requiredString(json, Fields.ORDER_ID),
          WireJson.optString(json, Fields.CLIENT_ORDER_ID));
    }

    public OrderKey key() {
      return new OrderKey(symbol, orderId);
    }

    public JsonObject toJson() {
      return new JsonObject().put(Fields.SYMBOL, symbol).put(Fields.ORDER_ID, orderId)
          .put(Fields.CLIENT_ORDER_ID, clientOrderId);
    }
  }
}
