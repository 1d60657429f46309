package dev.ordertracker.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code encode()} streams the JSON text without building the tree: it must be the very text of
 * {@code toJson().encode()} (same members, order, nulls, escapes), and read back to the same object.
 */
class StreamedJsonTest {
  private static final Instant T0 = Instant.parse("2024-01-15T10:30:00.123Z");
  private static final Instant T1 = Instant.parse("2024-01-16T00:00:00Z");
  private static final Fill FILL = new Fill(7, new BigDecimal("0.5"), new BigDecimal("100.50"),
      new BigDecimal("50.25"), new BigDecimal("0.0005"), "BNB", true, T1);
  private static final OrderDetails DETAILS = new OrderDetails("GTC", new BigDecimal("99.5"), null, "12",
      "EXPIRE_MAKER", new BigDecimal("0.1"), null, Boolean.TRUE, null, new BigDecimal("100.25"), "TRADE");

  private static List<TrackedOrder> orders() {
    List<TrackedOrder> out = new ArrayList<>();
    out.add(new TrackedOrder("1", null, "BTCUSDT", null, null, null, null, OrderStatus.PENDING, BigDecimal.ZERO,
        null, null, null, null, List.of(), List.of(), null, null));
    StatusChange placed = new StatusChange(T0, null, OrderStatus.PLACED, BigDecimal.ZERO, null, null);
    StatusChange partial = new StatusChange(T1, OrderStatus.PLACED, OrderStatus.PARTIALLY_FILLED,
        new BigDecimal("0.5"), new BigDecimal("100.50"), null);
    // escapes, a control character, non-ASCII, and an exchange response with nested values
    JsonObject response = new JsonObject().put("code", -2010).put("msg", "quote \" back\\slash \u0001 é €")
        .put("nested", new JsonObject().put("list", new JsonArray().add(1).add(2.5).add(true).addNull()))
        .put("big", 12345678901234L);
    out.add(new TrackedOrder("42", "c \"42\" ✓", "ETHUSDT", OrderType.LIMIT, OrderSide.SELL,
        new BigDecimal("1.00000000"), new BigDecimal("100.50"), OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.5"),
        new BigDecimal("100.500000000000000001"), T0, T1, "line\nbreak \u0001\t\b\f\r \u007f end \uD83D\uDE00 \\ /",
        List.of(placed, partial), List.of(FILL),
        response, "main", DETAILS, List.of(new Amendment(T1, new BigDecimal("2"), BigDecimal.ONE, "a", "b"))));
    return out;
  }

  private static List<OrderEvent> events() {
    List<OrderEvent> out = new ArrayList<>();
    out.add(new OrderEvent(EventType.ORDER_PLACED, 1, "42", "c42", "BTCUSDT", OrderType.LIMIT, OrderSide.BUY,
        BigDecimal.ONE, new BigDecimal("100.50"), OrderStatus.PLACED, BigDecimal.ZERO, null, T0, T0, "main", null,
        null));
    out.add(new OrderEvent(EventType.ERROR_OCCURRED, Long.MAX_VALUE, "43", null, "ETHUSDT", null, null, null, null,
        OrderStatus.FAILED, null, null, null, T1, null, "insufficient \"balance\"", FILL));
    out.add(new OrderEvent(EventType.ORDER_AMENDED, 9, "44", "c44", "ETHUSDT", OrderType.LIMIT, OrderSide.BUY,
        BigDecimal.ONE, BigDecimal.TEN, OrderStatus.PLACED, BigDecimal.ZERO, null, T0, T1, "main", null, null,
        DETAILS, new Amendment(T1, new BigDecimal("2"), BigDecimal.ONE, "a", "b")));
    return out;
  }

  @Test
  void anOrdersTextIsTheTreesTextAndReadsBackEqual() {
    for (TrackedOrder order : orders()) {
      String text = order.encode();
      assertThat(text).isEqualTo(order.toJson().encode());
      assertThat(new JsonObject(text)).isEqualTo(order.toJson());
      assertThat(new TrackedOrder(new JsonObject(text))).isEqualTo(order);
    }
  }

  @Test
  void anEventsTextIsTheTreesTextAndReadsBackEqual() {
    for (OrderEvent event : events()) {
      String text = event.encode();
      assertThat(text).isEqualTo(event.toJson().encode());
      assertThat(new JsonObject(text)).isEqualTo(event.toJson());
      assertThat(OrderEvent.fromJson(new JsonObject(text))).isEqualTo(event);
    }
  }

  /** The stores' form: exactly the null members left out (never inside an exchange's response), read back equal. */
  @Test
  void withoutNullsTheTextLeavesOutTheNullMembersAndReadsBackEqual() {
    for (TrackedOrder order : orders()) {
      String text = order.encodeWithoutNulls();
      assertThat(new JsonObject(text)).isEqualTo(withoutNullMembers(order.toJson()));
      assertThat(new TrackedOrder(new JsonObject(text))).isEqualTo(order);
    }
    for (OrderEvent event : events()) {
      String text = event.encodeWithoutNulls();
      assertThat(new JsonObject(text)).isEqualTo(withoutNullMembers(event.toJson()));
      assertThat(OrderEvent.fromJson(new JsonObject(text))).isEqualTo(event);
    }
    assertThat(orders().get(0).encodeWithoutNulls()).doesNotContain("null")
        .hasSizeLessThan(orders().get(0).encode().length() * 2 / 3);
  }

  private static JsonObject withoutNullMembers(JsonObject json) {
    JsonObject out = new JsonObject();
    json.forEach(member -> {
      Object v = member.getValue();
      if (v instanceof JsonObject object && !member.getKey().equals(Fields.EXCHANGE_RESPONSE)) {
        out.put(member.getKey(), withoutNullMembers(object));
      } else if (v instanceof JsonArray array) {
        JsonArray items = new JsonArray();
        array.forEach(item -> items.add(item instanceof JsonObject object ? withoutNullMembers(object) : item));
        out.put(member.getKey(), items);
      } else if (v != null) {
        out.put(member.getKey(), v);
      }
    });
    return out;
  }

  @Test
  void theClusteredBodyGoesOnTheWireAsTheEventsTextAndCopiesToAPlainMutableBody() {
    io.vertx.core.eventbus.impl.codecs.JsonObjectMessageCodec codec =
        new io.vertx.core.eventbus.impl.codecs.JsonObjectMessageCodec();
    for (OrderEvent event : events()) {
      JsonObject wire = event.toWireJson();
      assertThat(wire.encode()).isEqualTo(event.toJson().encode());
      io.vertx.core.buffer.Buffer frame = io.vertx.core.buffer.Buffer.buffer();
      codec.encodeToWire(frame, wire); // what the clustered bus sends to another node
      JsonObject received = codec.decodeFromWire(0, frame);
      assertThat(received).isEqualTo(event.toJson());
      assertThat(OrderEvent.fromJson(received)).isEqualTo(event);
      JsonObject local = codec.transform(wire); // what a consumer on the publishing node gets
      assertThat(local.getClass()).isEqualTo(JsonObject.class);
      assertThat(local).isEqualTo(event.toJson());
      assertThat(new ArrayList<>(local.fieldNames())).isEqualTo(new ArrayList<>(event.toJson().fieldNames()));
      local.put("seen", true);
      assertThat(wire.containsKey("seen")).isFalse();
      assertThat(wire.getString(Fields.STATUS)).isEqualTo(event.status().name());
    }
  }

  @Test
  void aLocalCopyOfTheClusteredBodyIsBuiltOnlyWhenAConsumerReadsIt() {
    io.vertx.core.eventbus.impl.codecs.JsonObjectMessageCodec codec =
        new io.vertx.core.eventbus.impl.codecs.JsonObjectMessageCodec();
    OrderEvent event = events().get(0);
    JsonObject wire = event.toWireJson();
    // Vert.x transforms the body for every local handler at dispatch; a handler that never reads it (the route
    // anchor every cluster node holds) must not pay for a toJson().
    JsonObject unread = codec.transform(wire);
    JsonObject read = codec.transform(wire);
    assertThat(unread.getMap()).isInstanceOf(LazyEventCopy.class);
    assertThat(((LazyEventCopy) unread.getMap()).built()).isFalse();

    assertThat(read.getString(Fields.ORDER_ID)).isEqualTo(event.orderId());
    assertThat(((LazyEventCopy) read.getMap()).built()).isTrue();
    assertThat(((LazyEventCopy) unread.getMap()).built()).isFalse();
    assertThat(read.encode()).isEqualTo(event.encode());
    assertThat(read.copy()).isEqualTo(event.toJson());
    assertThat(read.hashCode()).isEqualTo(event.toJson().hashCode());
    read.remove(Fields.ORDER_ID);
    assertThat(read.containsKey(Fields.ORDER_ID)).isFalse();
    assertThat(unread).isEqualTo(event.toJson());
  }
}
