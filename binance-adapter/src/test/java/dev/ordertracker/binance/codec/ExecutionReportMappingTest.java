package dev.ordertracker.binance.codec;

import dev.ordertracker.api.OrderList;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.UpdateKind;
import dev.ordertracker.binance.support.Resources;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the report's fields reach the tracker (f P F g V A B w eR gp x), REPLACED and TRADE_PREVENTION become
 * their update kinds, EXPIRED_IN_MATCH expires with reason STP, and unknown enum values are survived. Frames are the
 * published executionReport with the fields the docs give for each lifecycle (faqs/order_amend_keep_priority.md,
 * faqs/stp_faq.md, faqs/pegged_orders.md, user-data-stream.md).
 */
class ExecutionReportMappingTest {
  private final UserDataDecoder decoder = new UserDataDecoder();

  private static JsonObject base() {
    return Resources.json("event-executionReport.json").getJsonObject("event");
  }

  private OrderUpdate update(JsonObject event) {
    UserDataFrame frame = decoder.decode(event.encode());
    assertThat(decoder.decodeStrict(event.encode())).isEqualTo(frame); // both paths agree
    return OrderUpdates.from((ExecutionReport) frame.event(), "main");
  }

  @Test
  void theReportsDetailsReachTheUpdate() {
    OrderUpdate u = update(base().put("o", "STOP_LOSS_LIMIT").put("f", "IOC").put("P", "0.10000000")
        .put("F", "0.20000000").put("g", 7).put("V", "EXPIRE_MAKER").put("w", false));

    assertThat(u.kind()).isEqualTo(UpdateKind.STATUS);
    assertThat(u.details().timeInForce()).isEqualTo("IOC");
    assertThat(u.details().stopPrice()).isEqualByComparingTo("0.1");
    assertThat(u.details().icebergQuantity()).isEqualByComparingTo("0.2");
    assertThat(u.details().orderListId()).isEqualTo("7");
    assertThat(u.details().stpMode()).isEqualTo("EXPIRE_MAKER");
    assertThat(u.details().working()).isFalse();
    assertThat(u.details().executionType()).isEqualTo("NEW");
    OrderUpdate plain = update(base());
    assertThat(plain.details().orderListId()).isNull(); // g = -1: no list
    assertThat(plain.details().stopPrice()).isNull();   // P = 0: not set
  }

  @Test
  void replacedIsAnAmendmentWithTheNewQuantityAndClientId() {
    OrderUpdate u = update(base().put("x", "REPLACED").put("X", "NEW").put("q", "0.90000000")
        .put("c", "amended1").put("C", "mUvoqJxFIILMdfAW5iGSOW"));

    assertThat(u.kind()).isEqualTo(UpdateKind.AMENDMENT);
    assertThat(u.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(u.quantity()).isEqualByComparingTo("0.9");
    assertThat(u.clientOrderId()).isEqualTo("amended1");
    assertThat(u.details().executionType()).isEqualTo("REPLACED");
  }

  @Test
  void tradePreventionThatLeavesTheOrderOpenCarriesThePreventedQuantities() {
    OrderUpdate u = update(base().put("x", "TRADE_PREVENTION").put("X", "PARTIALLY_FILLED").put("z", "0.10000000")
        .put("V", "DECREMENT").put("A", "0.30000000").put("B", "0.30000000").put("u", 1).put("U", 4293154)
        .put("pl", "0.30000000").put("pL", "0.10264410").put("pY", "0.03079323"));

    assertThat(u.kind()).isEqualTo(UpdateKind.TRADE_PREVENTION);
    assertThat(u.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(u.details().preventedQuantity()).isEqualByComparingTo("0.3");
    assertThat(u.details().lastPreventedQuantity()).isEqualByComparingTo("0.3");
    assertThat(u.lastFill()).isNull();
  }

  @Test
  void expiredInMatchExpiresWithTheReasonStpAndItsPreventedQuantity() {
    OrderUpdate u = update(base().put("x", "TRADE_PREVENTION").put("X", "EXPIRED_IN_MATCH").put("V", "EXPIRE_TAKER")
        .put("A", "1.00000000").put("B", "1.00000000"));

    assertThat(u.kind()).isEqualTo(UpdateKind.STATUS); // the order ends: an ordinary final status report
    assertThat(u.status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(u.details().expiryReason()).isEqualTo("STP");
    assertThat(u.errorMessage()).isEqualTo("STP");
    assertThat(u.details().preventedQuantity()).isEqualByComparingTo("1");
  }

  @Test
  void aPeggedOrdersPriceIsThePriceInUse() {
    OrderUpdate u = update(base().put("p", "0.00000000").put("gP", "PRIMARY_PEG").put("gOT", "PRICE_LEVEL")
        .put("gOV", 1).put("gp", "0.10264000"));

    assertThat(u.price()).isEqualByComparingTo("0.10264");
    assertThat(u.details().peggedPrice()).isEqualByComparingTo("0.10264");
  }

  @Test
  void anUnknownExecutionTypeWithAKnownStatusStillYieldsAnUpdate() {
    ExecutionReport r = (ExecutionReport) decoder.decode(base().put("x", "SOMETHING_NEW").encode()).event();
    OrderUpdate u = OrderUpdates.from(r, "main");

    assertThat(r.executionType()).isNull();
    assertThat(r.unknownValues()).containsExactly(new UnknownValue(UnknownValue.Kind.EXECUTION_TYPE,
        "SOMETHING_NEW"));
    assertThat(u.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(u.kind()).isEqualTo(UpdateKind.STATUS);
    assertThat(u.details().executionType()).isEqualTo("SOMETHING_NEW");
    assertThat(u.quantity()).isEqualByComparingTo("1");
  }

  @Test
  void anUnknownOrderTypeStillYieldsAnUpdateAndAnUnknownStatusNone() {
    ExecutionReport typed = (ExecutionReport) decoder.decode(base().put("o", "FUTURE_TYPE").encode()).event();
    assertThat(typed.orderType()).isNull();
    OrderUpdate u = OrderUpdates.from(typed, "main");
    assertThat(u.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(u.orderType()).isNull();

    ExecutionReport unknownStatus = (ExecutionReport) decoder.decode(base().put("X", "HALTED").encode()).event();
    assertThat(unknownStatus.unknownValues()).containsExactly(new UnknownValue(UnknownValue.Kind.ORDER_STATUS,
        "HALTED"));
    assertThat(OrderUpdates.from(unknownStatus, "main")).isNull(); // waits for reconciliation
  }

  @Test
  void aListStatusBecomesTheTrackersListReport() {
    ListStatus s = (ListStatus) decoder.decode(Resources.text("event-listStatus.json")).event();
    OrderList l = ListReports.from(s, "main");

    assertThat(l).isEqualTo(new OrderList("ETHBTC", "2", "OCO", "EXEC_STARTED", "EXECUTING",
        "F4QN4G8DlFATFlIUQ0cjdD", null, Instant.ofEpochMilli(1564035303625L),
        java.util.List.of(new OrderList.Leg("ETHBTC", "17", "AJYsMjErWJesZvqlJCTUgL"),
            new OrderList.Leg("ETHBTC", "18", "bfYPSQdLoqAJeNrOr9adzq")), "main"));
    assertThat(new OrderList(l.toJson())).isEqualTo(l);
  }

  @Test
  void theFastPathStillTakesPlainReportsWithTheNewFields() {
    decoder.decode(base().put("x", "REPLACED").put("A", "0.1").put("B", "0.1").put("gp", "1.5").put("g", 3)
        .encode());
    assertThat(decoder.fastPathFrames()).isEqualTo(1);
  }
}
