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

  public ExchangeApi(MatchingEngine engine) {
    this.engine = engine;
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
      if (price == null) {
        throw ApiException.missing("price");
      }
    }
    OrderResponses.ResponseType respType = p.has("newOrderRespType")
        ? parse(OrderResponses.ResponseType.class, p.required("newOrderRespType"),
            ApiException.malformed("Invalid newOrderRespType."))
        : OrderResponses.defaultFor(type);
    Order order = engine.place(account, new OrderRequest(symbol, side, type, tif, quantity, quoteOrderQty, price,
        p.optional("newClientOrderId"), stpMode(p), null));
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
    String aboveType = p.required("aboveType");
    String belowType = p.required("belowType");
    String makerSide = side == Side.SELL ? "above" : "below";
    String stopSide = side == Side.SELL ? "below" : "above";
    if (!"LIMIT_MAKER".equals(side == Side.SELL ? aboveType : belowType)
        || !"STOP_LOSS_LIMIT".equals(side == Side.SELL ? belowType : aboveType)) {
      throw new ApiException(400, -1116, "Invalid orderType. The simulator supports OCO lists of a LIMIT_MAKER leg"
          + " and a STOP_LOSS_LIMIT leg (SELL: above LIMIT_MAKER, below STOP_LOSS_LIMIT; BUY: the reverse).");
    }
    BigDecimal makerPrice = p.decimal(makerSide + "Price");
    if (makerPrice == null) {
      throw ApiException.missing(makerSide + "Price");
    }
    BigDecimal stopPrice = p.decimal(stopSide + "StopPrice");
    if (stopPrice == null) {
      throw ApiException.missing(stopSide + "StopPrice");
    }
    BigDecimal stopLimitPrice = p.decimal(stopSide + "Price");
    if (stopLimitPrice == null) {
      throw ApiException.missing(stopSide + "Price");
    }
    TimeInForce tif = parse(TimeInForce.class, p.required(stopSide + "TimeInForce"), ApiException.invalidTimeInForce());
    OrderList list = engine.placeOco(account, new OcoRequest(symbol, side, quantity, makerPrice, stopPrice,
        stopLimitPrice, tif, p.optional("listClientOrderId"), p.optional(makerSide + "ClientOrderId"),
        p.optional(stopSide + "ClientOrderId")));
    return OrderResponses.orderList(list);
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
    Order order = engine.cancel(account, symbol, orderId, orig, cancelId);
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
              .put("avgPriceMins", 5));
      symbols.add(new JsonObject().put("symbol", s.symbol()).put("status", "TRADING")
          .put("baseAsset", s.baseAsset()).put("baseAssetPrecision", 8).put("quoteAsset", s.quoteAsset())
          .put("quotePrecision", 8).put("quoteAssetPrecision", 8).put("baseCommissionPrecision", 8)
          .put("quoteCommissionPrecision", 8)
          .put("orderTypes", new JsonArray().add("LIMIT").add("LIMIT_MAKER").add("MARKET"))
          .put("icebergAllowed", false).put("ocoAllowed", true).put("otoAllowed", false)
          .put("quoteOrderQtyMarketAllowed", true).put("allowTrailingStop", false).put("cancelReplaceAllowed", false)
          .put("amendAllowed", true).put("isSpotTradingAllowed", true).put("isMarginTradingAllowed", false)
          .put("filters", filters).put("permissions", new JsonArray())
          .put("permissionSets", new JsonArray().add(new JsonArray().add("SPOT")))
          .put("defaultSelfTradePreventionMode", engine.defaultStpMode().name())
          .put("allowedSelfTradePreventionModes", stpModes()));
    }
    return new JsonObject().put("timezone", "UTC").put("serverTime", now)
        .put("rateLimits", RateLimits.definitions()).put("exchangeFilters", new JsonArray()).put("symbols", symbols);
  }

  private static JsonArray stpModes() {
    JsonArray a = new JsonArray();
    for (StpMode m : StpMode.values()) {
      a.add(m.name());
    }
    return a;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, ApiException error) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw error;
    }
  }
}
