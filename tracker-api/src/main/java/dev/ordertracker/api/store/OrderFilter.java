package dev.ordertracker.api.store;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.WireJson;
import io.vertx.core.json.JsonObject;

import java.util.Objects;
import java.util.Set;

/**
 * Which stored orders a query or an aggregate looks at: created and/or updated in a time range, of one status,
 * symbol and account. Null or {@link TimeRange#ANY} means "no restriction". An order without a creation time is
 * filed under its update time.
 */
public record OrderFilter(TimeRange created, TimeRange updated, OrderStatus status, String symbol, String account) {
  public static final OrderFilter ALL = new OrderFilter(TimeRange.ANY, TimeRange.ANY, null, null, null);

  static final Set<String> KEYS = Set.of(StoreFields.CREATED_FROM, StoreFields.CREATED_TO, StoreFields.UPDATED_FROM,
      StoreFields.UPDATED_TO, StoreFields.STATUS, StoreFields.SYMBOL, StoreFields.ACCOUNT);

  public OrderFilter {
    created = created == null ? TimeRange.ANY : created;
    updated = updated == null ? TimeRange.ANY : updated;
    symbol = blankToNull(symbol);
    account = blankToNull(account);
  }

  public OrderFilter withCreated(TimeRange range) {
    return new OrderFilter(range, updated, status, symbol, account);
  }

  public OrderFilter withUpdated(TimeRange range) {
    return new OrderFilter(created, range, status, symbol, account);
  }

  public OrderFilter withStatus(OrderStatus value) {
    return new OrderFilter(created, updated, value, symbol, account);
  }

  public OrderFilter withSymbol(String value) {
    return new OrderFilter(created, updated, status, value, account);
  }

  public OrderFilter withAccount(String value) {
    return new OrderFilter(created, updated, status, symbol, value);
  }

  static OrderFilter read(JsonObject json) {
    Objects.requireNonNull(json, "query");
    String status = WireJson.optString(json, StoreFields.STATUS);
    return new OrderFilter(TimeRange.read(json, StoreFields.CREATED_FROM, StoreFields.CREATED_TO),
        TimeRange.read(json, StoreFields.UPDATED_FROM, StoreFields.UPDATED_TO),
        status == null ? null : OrderStatus.parse(status),
        WireJson.optString(json, StoreFields.SYMBOL),
        WireJson.optString(json, StoreFields.ACCOUNT));
  }

  void write(JsonObject json) {
    created.write(json, StoreFields.CREATED_FROM, StoreFields.CREATED_TO);
    updated.write(json, StoreFields.UPDATED_FROM, StoreFields.UPDATED_TO);
    if (status != null) {
      json.put(StoreFields.STATUS, status.name());
    }
    if (symbol != null) {
      json.put(StoreFields.SYMBOL, symbol);
    }
    if (account != null) {
      json.put(StoreFields.ACCOUNT, account);
    }
  }

  static void rejectUnknownKeys(JsonObject json, Set<String> allowed) {
    for (String key : json.fieldNames()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("unknown query key '" + key + "', expected some of " + allowed);
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
