package dev.ordertracker.core.store.pg;

import dev.ordertracker.core.store.OrderRow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a batch's order rows into the parts that each go into one multi-row upsert. PostgreSQL refuses an
 * {@code INSERT … ON CONFLICT DO UPDATE} that would change the same row twice (SQLSTATE 21000), so a part ends
 * before a row whose key {@code (symbol, order_id)} it already holds — two accounts may share an order id — and the
 * parts run in order: the same result as one upsert per row. A part also holds at most {@value #MAX_ROWS} rows,
 * which bounds one statement's size (events go in parts of the same size).
 */
final class OrderRowChunks {
  static final int MAX_ROWS = 1000;

  private OrderRowChunks() {
  }

  static List<List<OrderRow>> split(List<OrderRow> rows) {
    List<List<OrderRow>> parts = new ArrayList<>();
    List<OrderRow> part = new ArrayList<>();
    Set<List<String>> keys = new HashSet<>();
    for (OrderRow row : rows) {
      List<String> key = List.of(row.symbol(), row.orderId());
      if (part.size() == MAX_ROWS || !keys.add(key)) {
        parts.add(part);
        part = new ArrayList<>();
        keys.clear();
        keys.add(key);
      }
      part.add(row);
    }
    if (!part.isEmpty()) {
      parts.add(part);
    }
    return parts;
  }
}
