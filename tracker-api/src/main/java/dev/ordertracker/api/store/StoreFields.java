package dev.ordertracker.api.store;

/** The JSON keys of the history service's queries and answers, in one place (the model's keys are in Fields). */
public final class StoreFields {
  private StoreFields() {
  }

  // OrderQuery / AggregateQuery
  public static final String CREATED_FROM = "created_from";
  public static final String CREATED_TO = "created_to";
  public static final String UPDATED_FROM = "updated_from";
  public static final String UPDATED_TO = "updated_to";
  public static final String STATUS = "status";
  public static final String SYMBOL = "symbol";
  public static final String ACCOUNT = "account";
  public static final String PAGE = "page";
  public static final String PAGE_SIZE = "page_size";

  // OrderPage
  public static final String ORDERS = "orders";
  public static final String TOTAL = "total";

  // OrderAggregates
  public static final String TOTAL_ORDERS = "total_orders";
  public static final String COUNTS_BY_STATUS = "counts_by_status";
  public static final String COUNTS_BY_SYMBOL = "counts_by_symbol";
  public static final String VOLUME_BY_SYMBOL = "volume_by_symbol";
  public static final String FILLED_QUANTITY = "filled_quantity";
  public static final String NOTIONAL = "notional";
  public static final String AVERAGE_TIME_TO_FILL_MS = "average_time_to_fill_ms";
  public static final String FILLED_ORDERS = "filled_orders";
  public static final String FINAL_ORDERS = "final_orders";
  public static final String FILL_RATIO = "fill_ratio";

  // EventsPage
  public static final String EVENTS = "events";
  public static final String AFTER_SEQUENCE = "after_sequence";
  public static final String LAST_SEQUENCE = "last_sequence";
  public static final String FIRST_AVAILABLE_SEQUENCE = "first_available_sequence";
  public static final String MORE = "more";
  public static final String TRUNCATED = "truncated";
}
