package dev.ordertracker.simulator.api;

import dev.ordertracker.simulator.account.Account;
import dev.ordertracker.simulator.account.Balances;
import dev.ordertracker.simulator.matching.Fill;
import dev.ordertracker.simulator.matching.MatchingEngine;
import dev.ordertracker.simulator.matching.OcoRequest;
import dev.ordertracker.simulator.matching.Order;
import dev.ordertracker.simulator.matching.OrderList;
import dev.ordertracker.simulator.matching.OrderRequest;
import dev.ordertracker.simulator.matching.OrderType;
import dev.ordertracker.simulator.matching.Peg;
import dev.ordertracker.simulator.matching.Side;
import dev.ordertracker.simulator.matching.StpMode;
import dev.ordertracker.simulator.matching.SymbolBook;
import dev.ordertracker.simulator.matching.SymbolSpec;
import dev.ordertracker.simulator.matching.TimeInForce;
import dev.ordertracker.simulator.wire.Decimals;
import dev.ordertracker.simulator.wire.OrderResponses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The exchange operations shared by the WebSocket API and REST: parse parameters, call the engine, shape the
 * Binance response. Callers authenticate first. Runs on the simulator context.
 */
public final class ExchangeApi {

  private final MatchingEngine engine;
  private final int weightLimit;

  public ExchangeApi(MatchingEngine engine, int weightLimit) {
    this.engine = engine;
    this.weightLimit = weightLimit;
  }

  public MatchingEngine engine() {
    return engine;
  }

  public JsonObject placeOrder(Account account, RequestParams p) {
    String symbol = p.required("symbol");
    Side side = parse(Side.class, p.required("side"), ApiException.invalidSide());
    OrderType type = parse(OrderType.class, p.required("type"), ApiException.invalidOrderType());
    TimeInForce tif;
    BigDecimal price = null;
    BigDecimal quantity = p.decimal("quantity");
    BigDecimal quoteOrderQty = null;
    if (type == OrderType.MARKET) {
      tif = TimeInForce.GTC;
      quoteOrderQty = p.decimal("quoteOrderQty");
      if (quantity == null && quoteOrderQty == null) {
        throw ApiException.missing("quantity");
      }
      if (quantity != null && quoteOrderQty != null) {
        throw ApiException.notRequired("quoteOrderQty");
      }
    } else {
      if (type == OrderType.LIMIT) {
        tif = parse(TimeInForce.class, p.required("timeInForce"), ApiException.invalidTimeInForce());
      } else {
        tif = TimeInForce.GTC;
      }
      if (quantity == null) {
        throw ApiException.missing("quantity");
      }
      price = p.decimal("price");
      if (price == null && !p.has("pegPriceType")) {
        throw ApiException.missing("price");
      }
    }
    Peg peg = peg(p, "", type, tif);
    OrderResponses.ResponseType respType = p.has("newOrderRespType")
        ? parse(OrderResponses.ResponseType.class, p.required("newOrderRespType"),
            ApiException.malformed("Invalid newOrderRespType."))
        : OrderResponses.defaultFor(type);
    Order order = engine.place(account, new OrderRequest(symbol, side, type, tif, quantity, quoteOrderQty, price,
        p.optional("newClientOrderId"), stpMode(p), peg));
    return OrderResponses.placed(order, respType, order.createTime());
  }

  /**
   * {@code orderList.place.oco}: SELL with aboveType LIMIT_MAKER and belowType STOP_LOSS_LIMIT, or BUY with
   * aboveType STOP_LOSS_LIMIT and belowType LIMIT_MAKER.
   */
  public JsonObject placeOco(Account account, RequestParams p) {
    String symbol = p.required("symbol");
    Side side = parse(Side.class, p.required("side"), ApiException.invalidSide());
    BigDecimal quantity = p.decimal("quantity");
    if (quantity == null) {
      throw ApiException.missing("quantity");
    }
    OrderList list = engine.placeOco(account, OrderListParams.pair(p, "", symbol, side, quantity,
        p.optional("listClientOrderId"), stpMode(p)));
    return OrderResponses.orderList(list);
  }

  /**
   * {@code orderList.place.oto} / {@code .otoco} / {@code .opo} / {@code .opoco}: a LIMIT or LIMIT_MAKER working
   * leg and a pending leg (LIMIT, LIMIT_MAKER, MARKET) or pending pair (LIMIT_MAKER + STOP_LOSS_LIMIT).
   */
  public JsonObject placeOto(Account account, RequestParams p, boolean pair, boolean opo) {
    return OrderResponses.orderList(engine.placeOto(account, OrderListParams.oto(p, pair, opo, stpMode(p))));
  }

  /** {@code orderList.cancel}: cancels the list's live legs; the answer is list-shaped. */
  public JsonObject cancelOrderList(Account account, RequestParams p) {
    String symbol = p.required("symbol");
    Long listId = p.longValue("orderListId");
    String listClientId = p.optional("listClientOrderId");
    if (listId == null && listClientId == null) {
      throw ApiException.missing("orderListId");
    }
    OrderList list = engine.orderList(account, symbol, listId, listClientId);
    if (list.isDone()) {
      throw new ApiException(400, -2011, "Order list does not exist.");
    }
    String cancelId = p.optional("newClientOrderId");
    if (cancelId == null) {
      cancelId = engine.newClientOrderId();
    }
    Order leg = list.orders().stream().filter(Order::isLive).findFirst()
        .orElseThrow(ApiException::unknownOrderOnCancel);
    engine.cancel(account, symbol, leg.orderId(), null, cancelId);
    return OrderResponses.canceledList(list, engine.now(), false);
  }

  /**
   * Peg instructions {@code <prefix>pegPriceType, pegOffsetType, pegOffsetValue} (faqs/pegged_orders.md); null when
   * {@code pegPriceType} is absent. The simulator pegs LIMIT and LIMIT_MAKER orders.
   */
  static Peg peg(RequestParams p, String prefix, OrderType type, TimeInForce tif) {
    String priceType = p.optional(prefix.isEmpty() ? "pegPriceType" : prefix + "PegPriceType");
    String offsetTypeKey = prefix.isEmpty() ? "pegOffsetType" : prefix + "PegOffsetType";
    String offsetValueKey = prefix.isEmpty() ? "pegOffsetValue" : prefix + "PegOffsetValue";
    if (priceType == null) {
      if (p.has(offsetTypeKey) || p.has(offsetValueKey)) {
        throw ApiException.missing(prefix.isEmpty() ? "pegPriceType" : prefix + "PegPriceType");
      }
      return null;
    }
    if (!Peg.PRIMARY_PEG.equals(priceType) && !Peg.MARKET_PEG.equals(priceType)) {
      throw ApiException.malformed("Invalid pegPriceType.");
    }
    if (type != OrderType.LIMIT && type != OrderType.LIMIT_MAKER) {
      throw new ApiException(400, -2010, "This order type may not use pegged price.");
    }
    if (type == OrderType.LIMIT_MAKER && Peg.MARKET_PEG.equals(priceType)) {
      throw new ApiException(400, -2010, "This price peg cannot be used with this order type.");
    }
    if (type == OrderType.LIMIT && Peg.PRIMARY_PEG.equals(priceType) && tif != TimeInForce.GTC) {
      throw ApiException.invalidTimeInForce();
    }
    String offsetType = p.optional(offsetTypeKey);
    Long offset = p.longValue(offsetValueKey);
    if ((offsetType == null) != (offset == null)) {
      throw ApiException.missing(offsetType == null ? offsetTypeKey : offsetValueKey);
    }
    if (offsetType != null && (!Peg.PRICE_LEVEL.equals(offsetType) || offset < 0 || offset > 100)) {
      throw ApiException.malformed("Invalid pegOffsetType or pegOffsetValue (PRICE_LEVEL, 0 to 100).");
    }
    return new Peg(priceType, offsetType, offset == null ? 0 : offset.intValue());
  }

  /** {@code selfTradePreventionMode}: null (the symbol's default) when absent; every mode is allowed. */
  static StpMode stpMode(RequestParams p) {
    String v = p.optional("selfTradePreventionMode");
    if (v == null) {
      return null;
    }
    return parse(StpMode.class, v,
        new ApiException(400, -1013, "This symbol does not allow the specified self-trade prevention mode."));
  }

  /** {@code order.amend.keepPriority}: reduce the quantity of a live order, keeping its place in the book. */
  public JsonObject amendOrder(Account account, RequestParams p) {
    String symbol = p.required("symbol");
    Long orderId = p.longValue("orderId");
    String orig = p.optional("origClientOrderId");
    if (orderId == null && orig == null) {
      throw ApiException.missing("orderId");
    }
    BigDecimal newQty = p.decimal("newQty");
    if (newQty == null) {
      throw ApiException.missing("newQty");
    }
    return OrderResponses.amended(engine.amend(account, symbol, orderId, orig, p.optional("newClientOrderId"),
        newQty));
  }

  public JsonObject cancelOrder(Account account, RequestParams p) {
    String symbol = p.required("symbol");
    Long orderId = p.longValue("orderId");
    String orig = p.optional("origClientOrderId");
    if (orderId == null && orig == null) {
      throw ApiException.missing("orderId");
    }
    String cancelId = p.optional("newClientOrderId");
    if (cancelId == null) {
      cancelId = engine.newClientOrderId();
    }
    OrderList list = engine.find(account, symbol, orderId, orig).map(Order::orderList)
        .filter(l -> !l.isDone()).orElse(null);
    Order order = engine.cancel(account, symbol, orderId, orig, cancelId);
    if (list != null) {
      // cancelling a leg cancels the whole list: the answer is list-shaped (web-socket-api.md "Cancel order")
      return OrderResponses.canceledList(list, order.updateTime(), true);
    }
    return OrderResponses.canceled(order, cancelId, order.updateTime());
  }

  public JsonObject orderStatus(Account account, RequestParams p) {
    String symbol = p.required("symbol");
    Long orderId = p.longValue("orderId");
    String orig = p.optional("origClientOrderId");
    if (orderId == null && orig == null) {
      throw ApiException.missing("orderId");
    }
    return OrderResponses.status(engine.find(account, symbol, orderId, orig)
        .orElseThrow(ApiException::orderDoesNotExist));
  }

  public JsonArray openOrders(Account account, RequestParams p) {
    String symbol = p.optional("symbol");
    if (symbol != null) {
      engine.book(symbol);
    }
    return OrderResponses.statuses(engine.openOrders(account, symbol));
  }

  /**
   * {@code allOrders} / {@code GET /api/v3/allOrders} (web-socket-api.md "Account order history"): with
   * startTime/endTime, orders whose last status update is in the range (at most 24 hours, -1127 beyond; orderId is
   * then ignored); else with orderId, orders with id >= orderId; else the most recent. Ascending by order id, at most
   * {@code limit} (default 500, max 1000).
   */
  public JsonArray allOrders(Account account, RequestParams p) {
    String symbol = p.required("symbol");
    Long orderId = p.longValue("orderId");
    Long startTime = p.longValue("startTime");
    Long endTime = p.longValue("endTime");
    Long limitParam = p.longValue("limit");
    int limit = (int) (limitParam == null ? 500 : Math.min(1000, Math.max(1, limitParam)));
    boolean byTime = startTime != null || endTime != null;
    long from = startTime == null ? Long.MIN_VALUE : startTime;
    long to = endTime == null ? (startTime == null ? Long.MAX_VALUE : startTime + 86_400_000L) : endTime;
    if (startTime != null && endTime != null && endTime - startTime > 86_400_000L) {
      throw ApiException.rangeTooLong();
    }
    engine.book(symbol);
    List<Order> matching = new java.util.ArrayList<>();
    for (Order o : engine.ordersOf(symbol)) {
      if (o.account() != account) {
        continue;
      }
      if (byTime ? o.updateTime() >= from && o.updateTime() <= to : orderId == null || o.orderId() >= orderId) {
        matching.add(o);
      }
    }
    matching.sort(java.util.Comparator.comparingLong(Order::orderId));
    if (matching.size() > limit) {
      int start = !byTime && orderId == null ? matching.size() - limit : 0;
      matching = matching.subList(start, start + limit);
    }
    return OrderResponses.statuses(matching);
  }

  public JsonArray myTrades(Account account, RequestParams p) {
    String symbol = p.required("symbol");
    Long orderId = p.longValue("orderId");
    Long startTime = p.longValue("startTime");
    Long endTime = p.longValue("endTime");
    Long fromId = p.longValue("fromId");
    Long limitParam = p.longValue("limit");
    long limit = limitParam == null ? 500 : Math.min(1000, Math.max(1, limitParam));
    List<Fill> trades = engine.trades(account, symbol);
    JsonArray out = new JsonArray();
    for (Fill f : trades) {
      if ((orderId != null && f.orderId() != orderId) || (startTime != null && f.time() < startTime)
          || (endTime != null && f.time() > endTime) || (fromId != null && f.tradeId() < fromId)) {
        continue;
      }
      out.add(OrderResponses.trade(f));
    }
    if (out.size() > limit) {
      // Without fromId Binance returns the most recent trades.
      int from = fromId == null ? out.size() - (int) limit : 0;
      out = new JsonArray(out.getList().subList(from, from + (int) limit));
    }
    return out;
  }

  public JsonObject accountInfo(Account account, long now) {
    JsonArray balances = new JsonArray();
    for (Map.Entry<String, Balances.Balance> e : account.balances().all().entrySet()) {
      balances.add(new JsonObject().put("asset", e.getKey()).put("free", Decimals.format(e.getValue().free()))
          .put("locked", Decimals.format(e.getValue().locked())));
    }
    JsonObject rates = new JsonObject().put("maker", "0.00100000").put("taker", "0.00100000")
        .put("buyer", "0.00000000").put("seller", "0.00000000");
    return new JsonObject().put("makerCommission", 10).put("takerCommission", 10).put("buyerCommission", 0)
        .put("sellerCommission", 0).put("commissionRates", rates).put("canTrade", true).put("canWithdraw", false)
        .put("canDeposit", false).put("brokered", false).put("requireSelfTradePrevention", false)
        .put("preventSor", false).put("updateTime", now).put("accountType", "SPOT").put("balances", balances)
        .put("permissions", new JsonArray().add("SPOT")).put("uid", Math.abs((long) account.name().hashCode()));
  }

  public JsonObject exchangeInfo(long now) {
    JsonArray symbols = new JsonArray();
    for (SymbolBook book : engine.books()) {
      SymbolSpec s = book.spec();
      JsonArray filters = new JsonArray()
          .add(new JsonObject().put("filterType", "PRICE_FILTER").put("minPrice", Decimals.format(s.tickSize()))
              .put("maxPrice", "1000000.00000000").put("tickSize", Decimals.format(s.tickSize())))
          .add(new JsonObject().put("filterType", "LOT_SIZE").put("minQty", Decimals.format(s.stepSize()))
              .put("maxQty", "9000.00000000").put("stepSize", Decimals.format(s.stepSize())))
          .add(new JsonObject().put("filterType", "MARKET_LOT_SIZE").put("minQty", "0.00000000")
              .put("maxQty", "9000.00000000").put("stepSize", "0.00000000"))
          .add(new JsonObject().put("filterType", "NOTIONAL").put("minNotional", "0.00000000")
              .put("applyMinToMarket", true).put("maxNotional", "9000000.00000000").put("applyMaxToMarket", false)
              .put("avgPriceMins", 5))
          .add(new JsonObject().put("filterType", "MAX_NUM_ORDER_AMENDS").put("maxNumOrderAmends", 10));
      symbols.add(new JsonObject().put("symbol", s.symbol()).put("status", "TRADING")
          .put("baseAsset", s.baseAsset()).put("baseAssetPrecision", 8).put("quoteAsset", s.quoteAsset())
          .put("quotePrecision", 8).put("quoteAssetPrecision", 8).put("baseCommissionPrecision", 8)
          .put("quoteCommissionPrecision", 8)
          .put("orderTypes", new JsonArray().add("LIMIT").add("LIMIT_MAKER").add("MARKET"))
          .put("icebergAllowed", false).put("ocoAllowed", true).put("otoAllowed", true).put("opoAllowed", true).put("pegInstructionsAllowed", true)
          .put("quoteOrderQtyMarketAllowed", true).put("allowTrailingStop", false).put("cancelReplaceAllowed", false)
          .put("amendAllowed", true).put("isSpotTradingAllowed", true).put("isMarginTradingAllowed", false)
          .put("filters", filters).put("permissions", new JsonArray())
          .put("permissionSets", new JsonArray().add(new JsonArray().add("SPOT")))
          .put("defaultSelfTradePreventionMode", engine.defaultStpMode().name())
          .put("allowedSelfTradePreventionModes", stpModes()));
    }
    return new JsonObject().put("timezone", "UTC").put("serverTime", now)
        .put("rateLimits", RateLimits.definitions(weightLimit)).put("exchangeFilters", new JsonArray()).put("symbols", symbols);
  }

  private static JsonArray stpModes() {
    JsonArray a = new JsonArray();
    for (StpMode m : StpMode.values()) {
      a.add(m.name());
    }
    return a;
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value, ApiException error) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw error;
    }
  }
}
