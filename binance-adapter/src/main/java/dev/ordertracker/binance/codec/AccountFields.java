package dev.ordertracker.binance.codec;

/**
 * Every JSON key of the account events the adapter publishes on {@code <prefix>.account.<account>}, in one place
 * (snake_case like {@link dev.ordertracker.api.Fields}). Decimals are exact JSON numbers, times ISO-8601 UTC.
 */
public final class AccountFields {
  private AccountFields() {
  }

  /** One of the {@code TYPE_*} values below. */
  public static final String EVENT_TYPE = "event_type";
  public static final String ACCOUNT = "account";
  public static final String EVENT_TIME = "event_time";

  public static final String TYPE_ACCOUNT_POSITION = "account_position";
  public static final String TYPE_BALANCE_UPDATE = "balance_update";
  public static final String TYPE_EXTERNAL_LOCK_UPDATE = "external_lock_update";
  public static final String TYPE_LIST_STATUS = "list_status";
  public static final String TYPE_STREAM_TERMINATED = "stream_terminated";

  // account_position
  public static final String LAST_UPDATE_TIME = "last_update_time";
  public static final String BALANCES = "balances";
  public static final String ASSET = "asset";
  public static final String FREE = "free";
  public static final String LOCKED = "locked";

  // balance_update / external_lock_update
  public static final String DELTA = "delta";
  public static final String CLEAR_TIME = "clear_time";
  public static final String TRANSACTION_TIME = "transaction_time";

  // list_status
  public static final String SYMBOL = "symbol";
  public static final String ORDER_LIST_ID = "order_list_id";
  public static final String CONTINGENCY_TYPE = "contingency_type";
  public static final String LIST_STATUS_TYPE = "list_status_type";
  public static final String LIST_ORDER_STATUS = "list_order_status";
  public static final String REJECT_REASON = "reject_reason";
  public static final String LIST_CLIENT_ORDER_ID = "list_client_order_id";
  public static final String ORDERS = "orders";
  public static final String ORDER_ID = "order_id";
  public static final String CLIENT_ORDER_ID = "client_order_id";
}
