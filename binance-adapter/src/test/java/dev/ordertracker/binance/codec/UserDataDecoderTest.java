package dev.ordertracker.binance.codec;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.binance.codec.FrameDecodeException.Kind;
import dev.ordertracker.binance.support.Resources;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserDataDecoderTest {
  private final UserDataDecoder decoder = new UserDataDecoder();

  @Test
  void publishedExecutionReportDecodesOnTheFastPathWithEveryField() {
    String text = Resources.text("event-executionReport.json");
    UserDataFrame frame = decoder.decode(text);
    assertThat(decoder.fastPathFrames()).isEqualTo(1);
    assertThat(frame.subscriptionId()).isZero();
    ExecutionReport r = (ExecutionReport) frame.event();
    assertThat(r.eventTime()).isEqualTo(1499405658658L);
    assertThat(r.symbol()).isEqualTo("ETHBTC");
    assertThat(r.clientOrderId()).isEqualTo("mUvoqJxFIILMdfAW5iGSOW");
    assertThat(r.side()).isEqualTo(OrderSide.BUY);
    assertThat(r.orderType()).isEqualTo(OrderType.LIMIT);
    assertThat(r.timeInForce()).isEqualTo("GTC");
    assertThat(r.quantity()).isEqualTo(new BigDecimal("1.00000000"));
    assertThat(r.price()).isEqualTo(new BigDecimal("0.10264410"));
    assertThat(r.orderListId()).isEqualTo(-1);
    assertThat(r.originalClientOrderId()).isEmpty();
    assertThat(r.executionType()).isEqualTo(ExecutionType.NEW);
    assertThat(r.orderStatus()).isEqualTo(BinanceOrderStatus.NEW);
    assertThat(r.rejectReason()).isEqualTo("NONE");
    assertThat(r.orderId()).isEqualTo(4293153L);
    assertThat(r.commission()).isEqualTo(new BigDecimal("0"));
    assertThat(r.commissionAsset()).isNull();
    assertThat(r.tradeId()).isEqualTo(-1);
    assertThat(r.executionId()).isEqualTo(8641984L);
    assertThat(r.onBook()).isTrue();
    assertThat(r.maker()).isFalse();
    assertThat(r.creationTime()).isEqualTo(1499405658657L);
    assertThat(r.workingTime()).isEqualTo(1499405658657L);
    assertThat(r.selfTradePreventionMode()).isEqualTo("NONE");
    assertThat(r.conditions().preventedMatchId()).isEqualTo(3L);
    assertThat(decoder.decodeStrict(text)).isEqualTo(frame);
  }

  @ParameterizedTest
  @ValueSource(strings = {"event-balanceUpdate.json", "event-eventStreamTerminated.json",
      "event-externalLockUpdate.json", "event-listStatus.json", "event-outboundAccountPosition.json",
      "event-serverShutdown.json"})
  void everyPublishedEventTypeDecodes(String file) {
    UserDataFrame frame = decoder.decode(Resources.text(file));
    String type = Resources.json(file).getJsonObject("event").getString("e");
    assertThat(frame.event().getClass().getSimpleName()).isEqualToIgnoringCase(type);
  }

  @Test
  void accountEventsKeepTheirValues() {
    BalanceUpdate b = (BalanceUpdate) decoder.decode(Resources.text("event-balanceUpdate.json")).event();
    assertThat(b).isEqualTo(new BalanceUpdate(1573200697110L, "BTC", new BigDecimal("100.00000000"),
        1573200697068L));
    ListStatus l = (ListStatus) decoder.decode(Resources.text("event-listStatus.json")).event();
    assertThat(l.orders()).containsExactly(new ListStatus.Member("ETHBTC", 17, "AJYsMjErWJesZvqlJCTUgL"),
        new ListStatus.Member("ETHBTC", 18, "bfYPSQdLoqAJeNrOr9adzq"));
    OutboundAccountPosition p =
        (OutboundAccountPosition) decoder.decode(Resources.text("event-outboundAccountPosition.json")).event();
    assertThat(p.balances()).containsExactly(new OutboundAccountPosition.Balance("ETH",
        new BigDecimal("10000.000000"), new BigDecimal("0.000000")));
    JsonObject json = AccountEvents.toJson(p, "main");
    assertThat(json.getString(AccountFields.EVENT_TYPE)).isEqualTo(AccountFields.TYPE_ACCOUNT_POSITION);
    assertThat(json.getJsonArray(AccountFields.BALANCES).getJsonObject(0).getValue(AccountFields.FREE))
        .isEqualTo(new BigDecimal("10000.000000"));
    UserDataFrame shutdown = decoder.decode(Resources.text("event-serverShutdown.json"));
    assertThat(shutdown.hasSubscription()).isFalse();
  }

  @Test
  void bareEventsDecodeToo() {
    String bare = Resources.json("event-executionReport.json").getJsonObject("event").encode();
    UserDataFrame frame = decoder.decode(bare);
    assertThat(frame.hasSubscription()).isFalse();
    assertThat(((ExecutionReport) frame.event()).orderId()).isEqualTo(4293153L);
    assertThat(decoder.fastPathFrames()).isEqualTo(1);
  }

  @Test
  void cancelReportsNameTheOrdersClientIdInC() {
    JsonObject event = Resources.json("event-executionReport.json").getJsonObject("event")
        .put("x", "CANCELED").put("X", "CANCELED").put("c", "cancelRequest1").put("C", "myOrder1");
    ExecutionReport r = (ExecutionReport) decoder.decode(event.encode()).event();
    OrderUpdate u = OrderUpdates.from(r, "main");
    assertThat(u.clientOrderId()).isEqualTo("myOrder1");
    assertThat(u.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(u.account()).isEqualTo("main");
  }

  @Test
  void statusMappingFollowsTheIssue() {
    assertThat(StatusMapping.toTracker(BinanceOrderStatus.NEW)).isEqualTo(OrderStatus.PLACED);
    assertThat(StatusMapping.toTracker(BinanceOrderStatus.PENDING_NEW)).isEqualTo(OrderStatus.PENDING);
    assertThat(StatusMapping.toTracker(BinanceOrderStatus.PARTIALLY_FILLED)).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(StatusMapping.toTracker(BinanceOrderStatus.FILLED)).isEqualTo(OrderStatus.FILLED);
    assertThat(StatusMapping.toTracker(BinanceOrderStatus.CANCELED)).isEqualTo(OrderStatus.CANCELLED);
    assertThat(StatusMapping.toTracker(BinanceOrderStatus.REJECTED)).isEqualTo(OrderStatus.FAILED);
    assertThat(StatusMapping.toTracker(BinanceOrderStatus.EXPIRED)).isEqualTo(OrderStatus.EXPIRED);
    assertThat(StatusMapping.toTracker(BinanceOrderStatus.EXPIRED_IN_MATCH)).isEqualTo(OrderStatus.EXPIRED);
    assertThat(StatusMapping.toTracker(BinanceOrderStatus.PENDING_CANCEL)).isNull();
  }

  @Test
  void rejectedAndExpiredCarryTheirReasons() {
    JsonObject base = Resources.json("event-executionReport.json").getJsonObject("event");
    OrderUpdate rejected = OrderUpdates.from((ExecutionReport) decoder.decode(base.copy().put("x", "REJECTED")
        .put("X", "REJECTED").put("r", "INSUFFICIENT_BALANCES").encode()).event(), "a");
    assertThat(rejected.status()).isEqualTo(OrderStatus.FAILED);
    assertThat(rejected.errorMessage()).isEqualTo("INSUFFICIENT_BALANCES");
    OrderUpdate expired = OrderUpdates.from((ExecutionReport) decoder.decode(base.copy().put("x", "EXPIRED")
        .put("X", "EXPIRED").put("eR", "UNFILLED_IOC").encode()).event(), "a");
    assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(expired.errorMessage()).isEqualTo("UNFILLED_IOC");
    assertThat(expired.details().expiryReason()).isEqualTo("UNFILLED_IOC");
  }

  @Test
  void tradeExecutionsBecomeFillsAndAveragePriceIsQuoteOverQuantity() {
    JsonObject event = Resources.json("event-executionReport.json").getJsonObject("event")
        .put("x", "TRADE").put("X", "PARTIALLY_FILLED").put("l", "0.40000000").put("z", "0.60000000")
        .put("L", "0.10000000").put("n", "0.00004").put("N", "BNB").put("t", 77).put("m", true)
        .put("Z", "0.06100000").put("Y", "0.04000000");
    OrderUpdate u = OrderUpdates.from((ExecutionReport) decoder.decode(event.encode()).event(), "a");
    assertThat(u.lastFill().tradeId()).isEqualTo(77);
    assertThat(u.lastFill().quantity()).isEqualByComparingTo("0.4");
    assertThat(u.lastFill().price()).isEqualByComparingTo("0.1");
    assertThat(u.lastFill().quoteQuantity()).isEqualByComparingTo("0.04");
    assertThat(u.lastFill().commissionAsset()).isEqualTo("BNB");
    assertThat(u.lastFill().maker()).isTrue();
    assertThat(u.averagePrice()).isEqualByComparingTo(new BigDecimal("0.06100000")
        .divide(new BigDecimal("0.6"), dev.ordertracker.api.Decimals.PRICE_CONTEXT));
    assertThat(u.executionId()).isEqualTo("8641984");
  }

  @Test
  void badFramesFailWithTheirKind() {
    String good = Resources.json("event-executionReport.json").getJsonObject("event").encode();
    assertKind("not json at all", Kind.NOT_JSON);
    assertKind("", Kind.NOT_JSON);
    assertKind("[1,2]", Kind.NOT_AN_OBJECT);
    assertKind("{\"subscriptionId\":0,\"event\":{\"e\":\"somethingNew\",\"E\":1}}", Kind.UNKNOWN_EVENT);
    assertKind("{\"subscriptionId\":0,\"event\":{\"E\":1}}", Kind.MISSING_FIELD);
    assertKind(good.replace("\"i\":4293153", "\"i\":\"x\""), Kind.WRONG_TYPE);
    assertKind(good.replace("\"q\":\"1.00000000\"", "\"q\":1.0"), Kind.WRONG_TYPE);
    assertKind(good.replace("\"q\":\"1.00000000\"", "\"q\":\"-1\""), Kind.WRONG_TYPE);
    assertKind(good.replace("\"z\":\"0.00000000\",", ""), Kind.MISSING_FIELD);
    assertKind(good.replace("\"X\":\"NEW\"", "\"X\":5"), Kind.WRONG_TYPE); // unknown values: ExecutionReportMappingTest
    assertKind(good.replace("\"q\":\"1.00000000\"", "\"q\":\"" + "9".repeat(100) + "\""), Kind.WRONG_TYPE);
    // the decimal gate: no exponents on Binance's wire, at most 38 digits and 18 decimals
    assertKind(good.replace("\"q\":\"1.00000000\"", "\"q\":\"1e999999999\""), Kind.WRONG_TYPE);
    assertKind(good.replace("\"z\":\"0.00000000\"", "\"z\":\"1E+5\""), Kind.WRONG_TYPE);
    assertKind(good.replace("\"q\":\"1.00000000\"", "\"q\":\"" + "1".repeat(39) + "\""), Kind.WRONG_TYPE);
    assertKind(good.replace("\"p\":\"0.10264410\"", "\"p\":\"0." + "0".repeat(20) + "1\""), Kind.WRONG_TYPE);
    assertKind("{\"e\":\"executionReport\",\"x\":\"" + "a".repeat(70_000) + "\"}", Kind.TOO_LARGE);
    assertKind(good.substring(0, good.length() - 1), Kind.NOT_JSON);
  }

  @Test
  void escapedStringsAndReorderedKeysGoThroughTheStrictPathWithTheSameResult() {
    JsonObject event = Resources.json("event-executionReport.json").getJsonObject("event");
    String escaped = event.copy().put("c", "quote\"inside").encode();
    ExecutionReport r = (ExecutionReport) decoder.decode(escaped).event();
    assertThat(r.clientOrderId()).isEqualTo("quote\"inside");
    assertThat(decoder.strictPathFrames()).isEqualTo(1);
    String reordered = "{\"event\":" + event.encode() + ",\"subscriptionId\":7}";
    assertThat(decoder.decode(reordered).subscriptionId()).isEqualTo(7);
  }

  /**
   * Decimals are parsed while the fast path scans them; at the edges (18/19/20+ digits, above Long.MAX_VALUE, leading
   * or trailing dots, signs, exponents, empty) it must give exactly what the strict path gives, value and scale, or
   * fail the same way.
   */
  @ParameterizedTest
  @ValueSource(strings = {"123456789012345678", "1234567890123456789", "9999999999999999999",
      "92233720368547758.08", "0.000000000000000001", "0.00000000000000000001", "12345678901234567890.5", "1.",
      ".5", "-1", "+1", "1e5", "", "00.10", "0.1.2", "1,5", "0", "7.0000",
      "1e999999999", "100000000000000000000000000000000000000", "0.0000000000000000001", "0.0000000000000000000000000000001"})
  void decimalsAtTheEdgesDecodeLikeTheStrictPath(String value) {
    JsonObject event = Resources.json("event-executionReport.json").getJsonObject("event");
    for (String key : new String[] {"q", "p", "z", "Z", "n"}) {
      String frame = event.copy().put(key, value).encode();
      Throwable strictError = org.assertj.core.api.Assertions.catchThrowable(() -> decoder.decodeStrict(frame));
      if (strictError == null) {
        UserDataFrame fast = decoder.decode(frame);
        assertThat(fast).as("%s=%s", key, value).isEqualTo(decoder.decodeStrict(frame));
        BigDecimal decoded = switch (key) {
          case "q" -> ((ExecutionReport) fast.event()).quantity();
          case "p" -> ((ExecutionReport) fast.event()).price();
          case "z" -> ((ExecutionReport) fast.event()).cumulativeQuantity();
          case "Z" -> ((ExecutionReport) fast.event()).cumulativeQuote();
          default -> ((ExecutionReport) fast.event()).commission();
        };
        assertThat(decoded).as("%s=%s", key, value).isEqualTo(new BigDecimal(value)); // equals: value and scale
      } else {
        assertKind(frame, ((FrameDecodeException) strictError).kind());
      }
    }
  }

  private void assertKind(String frame, Kind kind) {
    assertThatThrownBy(() -> decoder.decode(frame))
        .isInstanceOfSatisfying(FrameDecodeException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
