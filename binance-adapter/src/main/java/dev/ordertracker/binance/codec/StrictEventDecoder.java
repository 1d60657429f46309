package dev.ordertracker.binance.codec;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.binance.codec.FrameDecodeException.Kind;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference decoder: parses the frame with Jackson (through {@link JsonObject}) and reads every field with a
 * type check. It is the authority on what a frame means; the fast path ({@link FastExecutionReportDecoder}) must
 * agree with it on every frame it accepts and hands everything else here.
 */
final class StrictEventDecoder {

  UserDataFrame decode(String text) {
    JsonObject root;
    try {
      root = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new FrameDecodeException(isJson(text) ? Kind.NOT_AN_OBJECT : Kind.NOT_JSON, "not a JSON object");
    }
    Object wrapped = root.getValue("event");
    if (wrapped != null) {
      if (!(wrapped instanceof JsonObject)) {
        throw new FrameDecodeException(Kind.WRONG_TYPE, "event: expected an object");
      }
      Object sub = root.getValue("subscriptionId");
      long subscriptionId = UserDataFrame.NO_SUBSCRIPTION;
      if (sub != null) {
        if (!(sub instanceof Integer || sub instanceof Long) || ((Number) sub).longValue() < 0) {
          throw new FrameDecodeException(Kind.WRONG_TYPE, "subscriptionId: expected a non-negative integer");
        }
        subscriptionId = ((Number) sub).longValue();
      }
      return new UserDataFrame(subscriptionId, event((JsonObject) wrapped));
    }
    return new UserDataFrame(UserDataFrame.NO_SUBSCRIPTION, event(root));
  }

  UserDataEvent event(JsonObject json) {
    Object e = json.getValue("e");
    if (e == null) {
      throw new FrameDecodeException(Kind.MISSING_FIELD, "e (event type) is missing");
    }
    if (!(e instanceof String)) {
      throw new FrameDecodeException(Kind.WRONG_TYPE, "e: expected a string");
    }
    String type = (String) e;
    EventFields f = new EventFields(json, type);
    switch (type) {
      case "executionReport": return executionReport(f);
      case "listStatus": return listStatus(json, f);
      case "outboundAccountPosition": return accountPosition(f);
      case "balanceUpdate":
        return new BalanceUpdate(f.requiredLong("E"), f.requiredString("a"), f.requiredSignedDecimal("d"),
            f.optLong("T", -1));
      case "externalLockUpdate":
        return new ExternalLockUpdate(f.requiredLong("E"), f.requiredString("a"), f.requiredSignedDecimal("d"),
            f.optLong("T", -1));
      case "eventStreamTerminated": return new EventStreamTerminated(f.requiredLong("E"));
      case "serverShutdown": return new ServerShutdown(f.requiredLong("E"));
      default:
        throw new FrameDecodeException(Kind.UNKNOWN_EVENT, "unknown event type '" + truncate(type) + "'");
    }
  }

  private static ExecutionReport executionReport(EventFields f) {
    List<UnknownValue> unknown = new ArrayList<>(0);
    return new ExecutionReport(
        f.requiredLong("E"), f.requiredString("s"), f.requiredString("c"),
        f.requiredEnum("S", OrderSide.class), f.tolerantEnum("o", OrderType.class, UnknownValue.Kind.ORDER_TYPE,
            unknown), f.optString("f"),
        f.requiredDecimal("q"), f.optDecimal("p"), f.optDecimal("P"), f.optDecimal("F"),
        f.optLong("g", -1), f.optString("C"),
        f.tolerantEnum("x", ExecutionType.class, UnknownValue.Kind.EXECUTION_TYPE, unknown),
        f.tolerantEnum("X", BinanceOrderStatus.class, UnknownValue.Kind.ORDER_STATUS, unknown),
        f.optString("r"), f.requiredLong("i"),
        f.requiredDecimal("l"), f.requiredDecimal("z"), f.requiredDecimal("L"),
        f.optDecimal("n"), f.optString("N"), f.requiredLong("T"), f.optLong("t", -1), f.requiredLong("I"),
        f.optBoolean("w", false), f.optBoolean("m", false), f.optLong("O", -1),
        f.optDecimal("Z"), f.optDecimal("Y"), f.optDecimal("Q"), f.optLong("W", -1), f.optString("V"),
        f.optString("eR"), conditions(f), unknown);
  }

  private static ExecutionConditions conditions(EventFields f) {
    ExecutionConditions c = new ExecutionConditions(
        f.optLongObject("d"), f.optLongObject("D"), f.optLongObject("j"), f.optLongObject("J"),
        f.optLongObject("v"), f.optDecimal("A"), f.optDecimal("B"), f.optLongObject("u"), f.optLongObject("U"),
        f.optString("Cs"), f.optDecimal("pl"), f.optDecimal("pL"), f.optDecimal("pY"),
        f.optString("b"), f.optLongObject("a"), f.optString("k"), f.optBooleanObject("uS"),
        f.optString("gP"), f.optString("gOT"), f.optLongObject("gOV"), f.optDecimal("gp"));
    return c.isNone() ? ExecutionConditions.NONE : c;
  }

  private static ListStatus listStatus(JsonObject json, EventFields f) {
    JsonArray members = f.requiredArray("O");
    List<ListStatus.Member> orders = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      EventFields m = new EventFields(EventFields.element(members, i, "listStatus", "O"), "listStatus.O");
      orders.add(new ListStatus.Member(m.requiredString("s"), m.requiredLong("i"), m.optString("c")));
    }
    return new ListStatus(f.requiredLong("E"), f.requiredString("s"), f.requiredLong("g"), f.optString("c"),
        f.requiredString("l"), f.requiredString("L"), f.optString("r"), f.optString("C"), f.optLong("T", -1),
        orders);
  }

  private static OutboundAccountPosition accountPosition(EventFields f) {
    JsonArray array = f.requiredArray("B");
    List<OutboundAccountPosition.Balance> balances = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      EventFields b = new EventFields(EventFields.element(array, i, "outboundAccountPosition", "B"),
          "outboundAccountPosition.B");
      balances.add(new OutboundAccountPosition.Balance(b.requiredString("a"), b.requiredDecimal("f"),
          b.requiredDecimal("l")));
    }
    return new OutboundAccountPosition(f.requiredLong("E"), f.optLong("u", -1), balances);
  }

  private static boolean isJson(String text) {
    try {
      io.vertx.core.json.Json.decodeValue(text);
      return true;
    } catch (DecodeException e) {
      return false;
    }
  }

  static String truncate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
