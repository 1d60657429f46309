package dev.ordertracker.binance.codec;

import dev.ordertracker.api.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

import static dev.ordertracker.binance.codec.AccountFields.*;

/** The documented JSON of account events (keys in {@link AccountFields}); null for order events. */
public final class AccountEvents {
  private AccountEvents() {
  }

  public static JsonObject toJson(UserDataEvent event, String account) {
    JsonObject json;
    if (event instanceof OutboundAccountPosition p) {
      JsonArray balances = new JsonArray();
      for (OutboundAccountPosition.Balance b : p.balances()) {
        balances.add(new JsonObject().put(ASSET, b.asset()).put(FREE, b.free()).put(LOCKED, b.locked()));
      }
      json = head(TYPE_ACCOUNT_POSITION, account, p.eventTime())
          .put(LAST_UPDATE_TIME, time(p.lastUpdateTime())).put(BALANCES, balances);
    } else if (event instanceof BalanceUpdate b) {
      json = head(TYPE_BALANCE_UPDATE, account, b.eventTime())
          .put(ASSET, b.asset()).put(DELTA, b.delta()).put(CLEAR_TIME, time(b.clearTime()));
    } else if (event instanceof ExternalLockUpdate x) {
      json = head(TYPE_EXTERNAL_LOCK_UPDATE, account, x.eventTime())
          .put(ASSET, x.asset()).put(DELTA, x.delta()).put(TRANSACTION_TIME, time(x.transactionTime()));
    } else if (event instanceof ListStatus l) {
      JsonArray orders = new JsonArray();
      for (ListStatus.Member m : l.orders()) {
        orders.add(new JsonObject().put(SYMBOL, m.symbol()).put(ORDER_ID, Long.toString(m.orderId()))
            .put(CLIENT_ORDER_ID, m.clientOrderId()));
      }
      json = head(TYPE_LIST_STATUS, account, l.eventTime())
          .put(SYMBOL, l.symbol()).put(ORDER_LIST_ID, l.orderListId()).put(CONTINGENCY_TYPE, l.contingencyType())
          .put(LIST_STATUS_TYPE, l.listStatusType()).put(LIST_ORDER_STATUS, l.listOrderStatus())
          .put(REJECT_REASON, l.rejectReason()).put(LIST_CLIENT_ORDER_ID, l.listClientOrderId())
          .put(TRANSACTION_TIME, time(l.transactionTime())).put(ORDERS, orders);
    } else if (event instanceof EventStreamTerminated t) {
      json = head(TYPE_STREAM_TERMINATED, account, t.eventTime());
    } else {
      return null;
    }
    return json;
  }

  private static JsonObject head(String type, String account, long eventTime) {
    return new JsonObject().put(EVENT_TYPE, type).put(ACCOUNT, account).put(EVENT_TIME, time(eventTime));
  }

  private static String time(long millis) {
    return millis < 0 ? null : Timestamps.format(Instant.ofEpochMilli(millis));
  }
}
