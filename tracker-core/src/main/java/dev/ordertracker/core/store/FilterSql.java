package dev.ordertracker.core.store;

import dev.ordertracker.api.store.OrderFilter;
import dev.ordertracker.api.store.TimeRange;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of an {@link OrderFilter}, with {@code ?} placeholders and their values in order. Both stores
 * use it (PostgreSQL renumbers the placeholders), so that a filter means the same on both.
 */
public final class FilterSql {
  public final String where;
  public final List<Object> params;

  private FilterSql(String where, List<Object> params) {
    this.where = where;
    this.params = params;
  }

  public static FilterSql of(OrderFilter filter) {
    List<String> terms = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    range(filter.created(), "created_at", terms, params);
    range(filter.updated(), "updated_at", terms, params);
    if (filter.status() != null) {
      terms.add("status = ?");
      params.add(filter.status().name());
    }
    if (filter.symbol() != null) {
      terms.add("symbol = ?");
      params.add(filter.symbol());
    }
    if (filter.account() != null) {
      terms.add("account = ?");
      params.add(filter.account());
    }
    return new FilterSql(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params);
  }

  /** This clause with one more condition (which has no parameters). */
  public String and(String condition) {
    return where.isEmpty() ? " WHERE " + condition : where + " AND " + condition;
  }

  /** {@code sql} with {@code ?} replaced by {@code $1, $2, ...} (PostgreSQL). */
  public static String numbered(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int n = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '?') {
        out.append('$').append(++n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void range(TimeRange range, String column, List<String> terms, List<Object> params) {
    if (range.from() != null) {
      terms.add(column + " >= ?");
      params.add(range.from().toEpochMilli());
    }
    if (range.to() != null) {
      terms.add(column + " < ?");
      params.add(range.to().toEpochMilli());
    }
  }
}
