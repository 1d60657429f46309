package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts travel as decimal strings, exactly, and nothing of ours changes the JVM-wide JSON mapper. */
class WireFormatTest {
  private static final Instant T = Instant.parse("2024-01-15T10:30:00Z");

  private static OrderEvent filled() {
    Fill fill = new Fill(7, new BigDecimal("0.00100000"), new BigDecimal("12345678.12345678"), null,
        new BigDecimal("0.00000100"), "BTC", false, T);
    return new OrderEvent(EventType.ORDER_FILLED, 42, "1", "c1", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY,
        new BigDecimal("0.00100000"), new BigDecimal("12345678.12345678"), OrderStatus.FILLED,
        new BigDecimal("0.00100000"), new BigDecimal("12345678.12345678"), T, T, "main", null, fill);
  }

  @Test
  void everyAmountOfAnEventIsADecimalStringInPlainNotation() {
    for (JsonObject body : new JsonObject[] {filled().toJson(), filled().toReadOnlyJson()}) {
      assertThat(body.getValue(Fields.QUANTITY)).isEqualTo("0.00100000");
      assertThat(body.getValue(Fields.PRICE)).isEqualTo("12345678.12345678");
      assertThat(body.getValue(Fields.FILLED_QUANTITY)).isEqualTo("0.00100000");
      assertThat(body.getValue(Fields.AVERAGE_PRICE)).isEqualTo("12345678.12345678");
      JsonObject fill = body.getJsonObject(Fields.LAST_FILL);
      assertThat(fill.getValue(Fields.PRICE)).isEqualTo("12345678.12345678");
      assertThat(fill.getValue(Fields.QUOTE_QUANTITY)).isEqualTo("12345.6781234567800000"); // quantity × price
      assertThat(fill.getValue(Fields.COMMISSION)).isEqualTo("0.00000100");
      assertThat(body.encode()).contains("\"price\":\"12345678.12345678\"").doesNotContain("E-");
    }
  }

  @Test
  void aBodyThatCrossedTheWireAsTextDecodesToTheSameBigDecimals() {
    OrderEvent e = filled();
    OrderEvent back = OrderEvent.fromJson(new JsonObject(e.toJson().encode()));
    assertThat(back).isEqualTo(e); // equals on BigDecimal: value and scale
    TrackedOrder o = new TrackedOrder(new JsonObject(new JsonObject().put(Fields.ORDER_ID, "1")
        .put(Fields.SYMBOL, "BTCUSDT").put(Fields.ORDER_TYPE, "LIMIT").put(Fields.SIDE, "BUY")
        .put(Fields.QUANTITY, 1.5).put(Fields.STATUS, "PENDING").encode())); // a number still reads (compatibility)
    assertThat(o.quantity()).isEqualTo(new BigDecimal("1.5"));
    assertThat(o.toJson().getValue(Fields.QUANTITY)).isEqualTo("1.5");
  }

  @Test
  void usingTheApiLeavesTheApplicationsJsonMapperAlone() {
    Addresses.defaults();
    filled().toJson().encode();
    OrderEvent.fromJson(filled().toJson());
    // Vert.x's defaults: a fractional number decodes as Double, and a BigDecimal encodes as Jackson does
    assertThat(new JsonObject("{\"x\":1.5}").getValue("x")).isInstanceOf(Double.class);
    assertThat(new JsonObject().put("x", new BigDecimal("1E-8")).encode()).isEqualTo("{\"x\":1E-8}");
  }
}
