package dev.ordertracker.api;

/**
 * Every JSON key of the public wire format, in one place. Orders, events, updates and stats use snake_case.
 * Nothing else in the project spells these strings.
 */
public final class Fields {
  private Fields() {
  }

  // TrackedOrder and the event body
  public static final String ORDER_ID = "order_id";
  public static final String CLIENT_ORDER_ID = "client_order_id";
  public static final String SYMBOL = "symbol";
  public static final String ORDER_TYPE = "order_type";
  public static final String SIDE = "side";
  public static final String QUANTITY = "quantity";
  public static final String PRICE = "price";
  public static final String STATUS = "status";
  public static final String FILLED_QUANTITY = "filled_quantity";
  public static final String AVERAGE_PRICE = "average_price";
  public static final String CREATED_AT = "created_at";
  public static final String UPDATED_AT = "updated_at";
  public static final String ERROR_MESSAGE = "error_message";
  public static final String STATUS_HISTORY = "status_history";
  public static final String FILLS = "fills";
  public static final String EXCHANGE_RESPONSE = "exchange_response";
  public static final String ACCOUNT = "account";
  // OrderDetails (flattened into orders, events and updates; null when not reported)
  public static final String TIME_IN_FORCE = "time_in_force";
  public static final String STOP_PRICE = "stop_price";
  public static final String ICEBERG_QUANTITY = "iceberg_quantity";
  public static final String ORDER_LIST_ID = "order_list_id";
  public static final String STP_MODE = "stp_mode";
  public static final String PREVENTED_QUANTITY = "prevented_quantity";
  public static final String LAST_PREVENTED_QUANTITY = "last_prevented_quantity";
  public static final String WORKING = "working";
  public static final String EXPIRY_REASON = "expiry_reason";
  public static final String PEGGED_PRICE = "pegged_price";
  public static final String EXECUTION_TYPE = "execution_type";
  /** Derived: quantity − filled − prevented while the order is open, 0 once final, null when quantity is unknown. */
  public static final String REMAINING_QUANTITY = "remaining_quantity";
  public static final String AMENDMENTS = "amendments";

  // Amendment
  public static final String OLD_QUANTITY = "old_quantity";
  public static final String NEW_QUANTITY = "new_quantity";
  public static final String OLD_CLIENT_ORDER_ID = "old_client_order_id";
  public static final String NEW_CLIENT_ORDER_ID = "new_client_order_id";

  // OrderList
  public static final String CONTINGENCY_TYPE = "contingency_type";
  public static final String LIST_STATUS_TYPE = "list_status_type";
  public static final String LIST_ORDER_STATUS = "list_order_status";
  public static final String LIST_CLIENT_ORDER_ID = "list_client_order_id";
  public static final String REJECT_REASON = "reject_reason";
  public static final String LEGS = "legs";

  // StatusChange
  public static final String TIMESTAMP = "timestamp";
  public static final String OLD_STATUS = "old_status";
  public static final String NEW_STATUS = "new_status";

  // Fill
  public static final String TRADE_ID = "trade_id";
  public static final String QUOTE_QUANTITY = "quote_quantity";
  public static final String COMMISSION = "commission";
  public static final String COMMISSION_ASSET = "commission_asset";
  public static final String MAKER = "maker";
  public static final String TIME = "time";

  // Event-only keys
  public static final String EVENT_TYPE = "event_type";
  public static final String PRIORITY = "priority";
  public static final String SEQUENCE = "sequence";
  public static final String LAST_FILL = "last_fill";
  /** On ORDER_AMENDED events only: the amendment this event reports. */
  public static final String AMENDMENT = "amendment";

  // OrderUpdate / StatusUpdate
  public static final String CUMULATIVE_FILLED_QUANTITY = "cumulative_filled_quantity";
  public static final String CUMULATIVE_QUOTE_QUANTITY = "cumulative_quote_quantity";
  public static final String EXECUTION_ID = "execution_id";
  public static final String TRANSACTION_TIME = "transaction_time";
  public static final String LOST = "lost";
  public static final String UPDATE_KIND = "update_kind";

  // UpdateResult
  public static final String OUTCOME = "outcome";
  public static final String REASON = "reason";
  public static final String ORDER = "order";

  // TrackerStats
  public static final String TOTAL_TRACKED = "total_tracked";
  public static final String CURRENTLY_ACTIVE = "currently_active";
  public static final String TOTAL_FILLED = "total_filled";
  public static final String TOTAL_FAILED = "total_failed";
  public static final String TOTAL_CANCELLED = "total_cancelled";
  public static final String TOTAL_EXPIRED = "total_expired";
  public static final String TOTAL_LOST = "total_lost";
  public static final String EVENTS_PUBLISHED = "events_published";
  public static final String HISTORY_SIZE = "history_size";
  public static final String REJECTED_UPDATES = "rejected_updates";
  public static final String DUPLICATE_UPDATES = "duplicate_updates";
  public static final String PUBLISH_FAILURES = "publish_failures";
  public static final String LAST_SEQUENCE = "last_sequence";
  /** Fills recorded on an order that was already final (no event is published for them). */
  public static final String LATE_FILLS = "late_fills";
  /** Updates for orders the tracker does not know and that do not describe the order (answered 404). */
  public static final String UNKNOWN_ORDERS = "unknown_orders";
  /**
   * getStats: the health of the tracker's components, {@code {status, journal?, replication?}}, each component
   * {@code {status, backlog, max_backlog, ..., last_error}}; status UP | DEGRADED | DOWN (the worst component).
   */
  public static final String HEALTH = "health";
  public static final String HEALTH_JOURNAL = "journal";
  public static final String HEALTH_REPLICATION = "replication";
  public static final String BACKLOG = "backlog";
  public static final String MAX_BACKLOG = "max_backlog";
  /** Replication health: events handed to the event bus whose writes have not completed. */
  public static final String UNPUBLISHED_EVENTS = "unpublished_events";
  public static final String QUARANTINED = "quarantined";
  public static final String SHED = "shed";
  public static final String FAILED_BATCHES = "failed_batches";
  /** journal health: the last event sequence known durable (committed, and synced with fsync_each_batch). */
  public static final String DURABLE_SEQUENCE = "durable_sequence";
  public static final String CONSECUTIVE_FAILURES = "consecutive_failures";
  public static final String LAST_ERROR = "last_error";
  public static final String HEALTH_UP = "UP";
  public static final String HEALTH_DEGRADED = "DEGRADED";
  public static final String HEALTH_DOWN = "DOWN";

  // Event-bus message headers (DeliveryOptions)
  public static final String HEADER_PRIORITY = "priority";
  public static final String HEADER_EVENT_TYPE = "event_type";
  public static final String HEADER_SYMBOL = "symbol";
  public static final String HEADER_ORDER_ID = "order_id";
  public static final String HEADER_SEQUENCE = "sequence";
  public static final String HEADER_ACCOUNT = "account";
}
