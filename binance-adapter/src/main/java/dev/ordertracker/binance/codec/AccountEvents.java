package dev.ordertracker.binance.codec;

import dev.ordertracker.api.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

import static dev.ordertracker.binance.codec.AccountFields.*;

/**
 * The documented JSON of account events (keys in {@link AccountFields}): one typed method per account event, and
 * {@link #toJson} for a decoded event of any type (null for order and control events).
 */
public final class AccountEvents {
  private static final UserDataListener<String, JsonObject> JSON = new UserDataListener<>() {
    @Override
    public JsonObject executionReport(ExecutionReport report, String account) {
      return null;
    }

    @Override
    public JsonObject listStatus(ListStatus list, String account) {
      return AccountEvents.listStatus(list, account);
    }

    @Override
    public JsonObject accountPosition(OutboundAccountPosition position, String account) {
      return AccountEvents.accountPosition(position, account);
    }

    @Override
    public JsonObject balanceUpdate(BalanceUpdate update, String account) {
      return AccountEvents.balanceUpdate(update, account);
    }

    @Override
    public JsonObject externalLockUpdate(ExternalLockUpdate update, String account) {
      return AccountEvents.externalLockUpdate(update, account);
    }

    @Override
    public JsonObject streamTerminated(EventStreamTerminated terminated, String account) {
      return AccountEvents.streamTerminated(terminated, account);
    }

    @Override
    public JsonObject serverShutdown(ServerShutdown shutdown, String account) {
      return null;
    }
  };

  private AccountEvents() {
  }

  /** The JSON of an account event, null for an executionReport or a serverShutdown. */
  public static JsonObject toJson(UserDataEvent event, String account) {
    return event.dispatch(JSON, account);
  }

  public static JsonObject accountPosition(OutboundAccountPosition p, String account) {
    JsonArray balances = new JsonArray();
    for (OutboundAccountPosition.Balance b : p.balances()) {
      balances.add(new JsonObject().put(ASSET, b.asset()).put(FREE, b.free()).put(LOCKED, b.locked()));
    }
    return head(TYPE_ACCOUNT_POSITION, account, p.eventTime())
        .put(LAST_UPDATE_TIME, time(p.lastUpdateTime())).put(BALANCES, balances);
  }

  public static JsonObject balanceUpdate(BalanceUpdate b, String account) {
    return head(TYPE_BALANCE_UPDATE, account, b.eventTime())
        .put(ASSET, b.asset()).put(DELTA, b.delta()).put(CLEAR_TIME, time(b.clearTime()));
  }

  public static JsonObject externalLockUpdate(ExternalLockUpdate x, String account) {
    return head(TYPE_EXTERNAL_LOCK_UPDATE, account, x.eventTime())
        .put(ASSET, x.asset()).put(DELTA, x.delta()).put(TRANSACTION_TIME, time(x.transactionTime()));
  }

  public static JsonObject listStatus(ListStatus l, String account) {
    JsonArray orders = new JsonArray();
    for (ListStatus.Member m : l.orders()) {
      orders.add(new JsonObject().put(SYMBOL, m.symbol()).put(ORDER_ID, Long.toString(m.orderId()))
          .put(CLIENT_ORDER_ID, m.clientOrderId()));
    }
    return head(TYPE_LIST_STATUS, account, l.eventTime())
        .put(SYMBOL, l.symbol()).put(ORDER_LIST_ID, l.orderListId()).put(CONTINGENCY_TYPE, l.contingencyType())
        .put(LIST_STATUS_TYPE, l.listStatusType()).put(LIST_ORDER_STATUS, l.listOrderStatus())
        .put(REJECT_REASON, l.rejectReason()).put(LIST_CLIENT_ORDER_ID, l.listClientOrderId())
        .put(TRANSACTION_TIME, time(l.transactionTime())).put(ORDERS, orders);
  }

  public static JsonObject streamTerminated(EventStreamTerminated t, String account) {
    return head(TYPE_STREAM_TERMINATED, account, t.eventTime());
  }

  private static JsonObject head(String type, String account, long eventTime) {
    return new JsonObject().put(EVENT_TYPE, type).put(ACCOUNT, account).put(EVENT_TIME, time(eventTime));
  }

  private static String time(long millis) {
    return millis < 0 ? null : Timestamps.format(Instant.ofEpochMilli(millis));
  }
}
