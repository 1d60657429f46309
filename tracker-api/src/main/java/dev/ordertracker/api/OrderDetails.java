package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the exchange reports about an order beyond its core (type, side, quantity, price, status, fills): its terms
 * (time in force, stop price, iceberg quantity, order list, self-trade prevention mode, pegged price) and its
 * execution state (prevented quantity, on the book or not, expiry reason, the last execution type). Every field is
 * null when not reported. In JSON the fields are flattened into the order, event and update objects (keys in
 * {@link Fields}); amounts are decimal strings like every amount.
 *
 * <p>On an {@link OrderUpdate} these are what that report says; on a {@link TrackedOrder} or {@link OrderEvent} the
 * order's latest known values ({@link #merge}).
 *
 * @param orderListId            the order list the order belongs to (Binance {@code g}), null when none
 * @param preventedQuantity      cumulative quantity expired by self-trade prevention (Binance {@code A})
 * @param lastPreventedQuantity  quantity expired by the last prevention event (Binance {@code B})
 * @param working                true while the order is on the book (Binance {@code w})
 * @param expiryReason           why the order expired (Binance {@code eR}, or {@code STP} for EXPIRED_IN_MATCH)
 * @param peggedPrice            the price in use of a pegged order (Binance {@code gp}); the order's price is this
 * @param executionType          the exchange's execution type of the last report applied (Binance {@code x}), as
 *                               sent, including values this version does not know
 */
public record OrderDetails(String timeInForce, BigDecimal stopPrice, BigDecimal icebergQuantity, String orderListId,
                           String stpMode, BigDecimal preventedQuantity, BigDecimal lastPreventedQuantity,
                           Boolean working, String expiryReason, BigDecimal peggedPrice, String executionType) {

  /** Nothing reported. */
  public static final OrderDetails NONE = new OrderDetails(null, null, null, null, null, null, null, null, null, null,
      null);

  public OrderDetails {
    Decimals.bounded(stopPrice, Fields.STOP_PRICE);
    Decimals.bounded(icebergQuantity, Fields.ICEBERG_QUANTITY);
    Decimals.bounded(preventedQuantity, Fields.PREVENTED_QUANTITY);
    Decimals.bounded(lastPreventedQuantity, Fields.LAST_PREVENTED_QUANTITY);
    Decimals.bounded(peggedPrice, Fields.PEGGED_PRICE);
  }

  /** Reads the flattened keys (absent keys are null: objects written before these fields existed still load). */
  public static OrderDetails fromJson(JsonObject json) {
    OrderDetails d = new OrderDetails(WireJson.optString(json, Fields.TIME_IN_FORCE),
        Decimals.nonNegative(json.getValue(Fields.STOP_PRICE), Fields.STOP_PRICE),
        Decimals.nonNegative(json.getValue(Fields.ICEBERG_QUANTITY), Fields.ICEBERG_QUANTITY),
        WireJson.optString(json, Fields.ORDER_LIST_ID),
        WireJson.optString(json, Fields.STP_MODE),
        Decimals.nonNegative(json.getValue(Fields.PREVENTED_QUANTITY), Fields.PREVENTED_QUANTITY),
        Decimals.nonNegative(json.getValue(Fields.LAST_PREVENTED_QUANTITY), Fields.LAST_PREVENTED_QUANTITY),
        json.getValue(Fields.WORKING) == null ? null : WireJson.optBoolean(json, Fields.WORKING, false),
        WireJson.optString(json, Fields.EXPIRY_REASON),
        Decimals.nonNegative(json.getValue(Fields.PEGGED_PRICE), Fields.PEGGED_PRICE),
        WireJson.optString(json, Fields.EXECUTION_TYPE));
    return d.equals(NONE) ? NONE : d;
  }

  /** Puts the flattened keys (all of them, null when unknown) into {@code json}; answers it. */
  public JsonObject writeTo(JsonObject json) {
    writeMembers(JsonMembers.of(json));
    return json;
  }

  void writeMembers(JsonMembers json) {
    json.put(Fields.TIME_IN_FORCE, timeInForce)
        .put(Fields.STOP_PRICE, WireJson.decimal(stopPrice))
        .put(Fields.ICEBERG_QUANTITY, WireJson.decimal(icebergQuantity))
        .put(Fields.ORDER_LIST_ID, orderListId)
        .put(Fields.STP_MODE, stpMode)
        .put(Fields.PREVENTED_QUANTITY, WireJson.decimal(preventedQuantity))
        .put(Fields.LAST_PREVENTED_QUANTITY, WireJson.decimal(lastPreventedQuantity))
        .put(Fields.WORKING, working)
        .put(Fields.EXPIRY_REASON, expiryReason)
        .put(Fields.PEGGED_PRICE, WireJson.decimal(peggedPrice))
        .put(Fields.EXECUTION_TYPE, executionType);
  }

  /**
   * These details updated by a newer report: every field the report carries replaces the known one. Answers
   * {@code this} (no allocation) when nothing changes.
   */
  public OrderDetails merge(OrderDetails reported) {
    if (reported == null || reported == NONE || reported.equals(this)) {
      return this;
    }
    OrderDetails m = new OrderDetails(pick(reported.timeInForce, timeInForce), pick(reported.stopPrice, stopPrice),
        pick(reported.icebergQuantity, icebergQuantity), pick(reported.orderListId, orderListId),
        pick(reported.stpMode, stpMode), pick(reported.preventedQuantity, preventedQuantity),
        pick(reported.lastPreventedQuantity, lastPreventedQuantity), pick(reported.working, working),
        pick(reported.expiryReason, expiryReason), pick(reported.peggedPrice, peggedPrice),
        pick(reported.executionType, executionType));
    return m.equals(this) ? this : m;
  }

  /**
   * These details completed by an older or duplicate report: only fields still unknown are taken, nothing known is
   * overwritten (the execution type stays that of the last report applied). Answers {@code this} when nothing changes.
   */
  public OrderDetails fillIn(OrderDetails reported) {
    if (reported == null || reported == NONE) {
      return this;
    }
    OrderDetails m = new OrderDetails(pick(timeInForce, reported.timeInForce), pick(stopPrice, reported.stopPrice),
        pick(icebergQuantity, reported.icebergQuantity), pick(orderListId, reported.orderListId),
        pick(stpMode, reported.stpMode), pick(preventedQuantity, reported.preventedQuantity),
        pick(lastPreventedQuantity, reported.lastPreventedQuantity), pick(working, reported.working),
        pick(expiryReason, reported.expiryReason), pick(peggedPrice, reported.peggedPrice),
        pick(executionType, reported.executionType));
    return m.equals(this) ? this : m;
  }

  /** Sign of (reported cumulative prevented quantity − this one); an unreported one compares as equal. */
  public int preventedCompare(OrderDetails reported) {
    if (reported == null || reported.preventedQuantity == null) {
      return 0;
    }
    BigDecimal known = preventedQuantity == null ? BigDecimal.ZERO : preventedQuantity;
    return Integer.signum(reported.preventedQuantity.compareTo(known));
  }

  // Written out rather than the record's generated ones (same meaning: every component by equals, so a decimal's
  // scale counts): those dispatch through method handles, slow until the JIT's last tier has compiled them, and
  // merge compares details on every update.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof OrderDetails d && Objects.equals(timeInForce, d.timeInForce)
        && Objects.equals(stopPrice, d.stopPrice) && Objects.equals(icebergQuantity, d.icebergQuantity)
        && Objects.equals(orderListId, d.orderListId) && Objects.equals(stpMode, d.stpMode)
        && Objects.equals(preventedQuantity, d.preventedQuantity)
        && Objects.equals(lastPreventedQuantity, d.lastPreventedQuantity) && Objects.equals(working, d.working)
        && Objects.equals(expiryReason, d.expiryReason) && Objects.equals(peggedPrice, d.peggedPrice)
        && Objects.equals(executionType, d.executionType);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(timeInForce);
    h = 31 * h + Objects.hashCode(stopPrice);
    h = 31 * h + Objects.hashCode(icebergQuantity);
    h = 31 * h + Objects.hashCode(orderListId);
    h = 31 * h + Objects.hashCode(stpMode);
    h = 31 * h + Objects.hashCode(preventedQuantity);
    h = 31 * h + Objects.hashCode(lastPreventedQuantity);
    h = 31 * h + Objects.hashCode(working);
    h = 31 * h + Objects.hashCode(expiryReason);
    h = 31 * h + Objects.hashCode(peggedPrice);
    return 31 * h + Objects.hashCode(executionType);
  }

  private static <T> T pick(T preferred, T other) {
    return preferred != null ? preferred : other;
  }
}
