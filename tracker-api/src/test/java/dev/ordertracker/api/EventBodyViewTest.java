package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read-only body is a view, and must read exactly like the map {@link OrderEvent#toJson()} builds. */
class EventBodyViewTest {
  private static final Instant T0 = Instant.parse("2024-01-15T10:30:00.123Z");
  private static final Instant T1 = Instant.parse("2024-01-16T00:00:00Z");

  private static List<OrderEvent> events() {
    Fill fill = new Fill(7, new BigDecimal("0.5"), new BigDecimal("100.50"), new BigDecimal("50.25"),
        new BigDecimal("0.0005"), "BNB", true, T1);
    List<OrderEvent> out = new ArrayList<>();
    out.add(new OrderEvent(EventType.ORDER_PLACED, 1, "42", "c42", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY,
        BigDecimal.ONE, new BigDecimal("100.50"), OrderStatus.PLACED, BigDecimal.ZERO, null, T0, T0, "main", null,
        null));
    out.add(new OrderEvent(EventType.ORDER_PARTIALLY_FILLED, 2, "42", "c42", "BTCUSDT", OrderType.LIMIT,
        OrderSide.BUY, BigDecimal.ONE, new BigDecimal("100.50"), OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.5"),
        new BigDecimal("100.50"), T0, T1, "main", null, fill));
    out.add(new OrderEvent(EventType.ERROR_OCCURRED, Long.MAX_VALUE, "43", null, "ETHUSDT", null, null, null, null,
        OrderStatus.FAILED, null, null, null, T1, null, "insufficient balance", null));
    out.add(new OrderEvent(EventType.ERROR_OCCURRED, 3, "44", null, "ETHUSDT", null, null, null, null,
        OrderStatus.FAILED, null, null, T0, T1, null, "both", fill));
    return out;
  }

  @Test
  void readsLikeTheBuiltMapKeyForKeyInOrder() {
    for (OrderEvent e : events()) {
      JsonObject built = e.toJson();
      JsonObject view = e.toReadOnlyJson();

      assertThat(view.encode()).isEqualTo(built.encode());
      assertThat(new ArrayList<>(view.fieldNames())).isEqualTo(new ArrayList<>(built.fieldNames()));
      assertThat(view.size()).isEqualTo(built.size());
      assertThat(view.getMap()).isEqualTo(built.getMap());
      assertThat(view.getMap().hashCode()).isEqualTo(built.getMap().hashCode());
      for (String key : List.of(Fields.ERROR_MESSAGE, Fields.LAST_FILL, Fields.CLIENT_ORDER_ID, Fields.ORDER_TYPE,
          "nope")) {
        assertThat(view.containsKey(key)).as(key).isEqualTo(built.containsKey(key));
      }
      for (Map.Entry<String, Object> entry : built) {
        assertThat(view.getValue(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
      }
      assertThat(OrderEvent.fromJson(view)).isEqualTo(e);
      assertThat(view.copy().put("seen", true).getBoolean("seen")).isTrue();
    }
  }

  @Test
  void everyMutatorThrowsAndNestedFillIsReadOnlyToo() {
    JsonObject view = events().get(1).toReadOnlyJson();

    assertThatThrownBy(() -> view.put("status", "FILLED")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.remove("absent")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(view::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.mergeIn(new JsonObject().put("a", 1)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.getJsonObject(Fields.LAST_FILL).put("price", "0"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(view.getJsonObject(Fields.LAST_FILL)).isSameAs(view.getJsonObject(Fields.LAST_FILL));
    assertThat(view.getString(Fields.STATUS)).isEqualTo("PARTIALLY_FILLED");
  }
}
