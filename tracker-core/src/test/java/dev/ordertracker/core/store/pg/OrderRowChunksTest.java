package dev.ordertracker.core.store.pg;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.core.store.OrderRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderRowChunksTest {

  private static OrderRow row(String symbol, String id, String account) {
    return new OrderRow(symbol, id, account, OrderStatus.PLACED, false, 1, 1, null, BigDecimal.ZERO, BigDecimal.ZERO,
        "{}");
  }

  @Test
  void a_batch_without_repeated_keys_is_one_statement_in_order() {
    List<OrderRow> rows = List.of(row("BTCUSDT", "1", "a"), row("ETHUSDT", "1", "a"), row("BTCUSDT", "2", "b"));
    assertThat(OrderRowChunks.split(rows)).containsExactly(rows);
    assertThat(OrderRowChunks.split(List.of())).isEmpty();
  }

  @Test
  void a_part_ends_before_its_key_comes_again_whatever_the_account() {
    OrderRow first = row("BTCUSDT", "1", "a");
    OrderRow other = row("ETHUSDT", "1", "a");
    OrderRow again = row("BTCUSDT", "1", "b"); // the table's key is (symbol, order_id)
    OrderRow last = row("BTCUSDT", "2", "a");
    assertThat(OrderRowChunks.split(List.of(first, other, again, last)))
        .containsExactly(List.of(first, other), List.of(again, last));
  }

  @Test
  void a_part_holds_at_most_max_rows() {
    List<OrderRow> rows = new ArrayList<>();
    for (int i = 0; i < OrderRowChunks.MAX_ROWS * 2 + 1; i++) {
      rows.add(row("BTCUSDT", Integer.toString(i), "a"));
    }
    List<List<OrderRow>> parts = OrderRowChunks.split(rows);
    assertThat(parts).extracting(List::size).containsExactly(OrderRowChunks.MAX_ROWS, OrderRowChunks.MAX_ROWS, 1);
    assertThat(parts.stream().flatMap(List::stream).toList()).isEqualTo(rows);
  }
}
