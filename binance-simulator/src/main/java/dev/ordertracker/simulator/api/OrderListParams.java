package dev.ordertracker.simulator.api;

import dev.ordertracker.simulator.matching.OcoRequest;
import dev.ordertracker.simulator.matching.OrderRequest;
import dev.ordertracker.simulator.matching.OrderType;
import dev.ordertracker.simulator.matching.OtoRequest;
import dev.ordertracker.simulator.matching.Side;
import dev.ordertracker.simulator.matching.StpMode;
import dev.ordertracker.simulator.matching.TimeInForce;

import java.math.BigDecimal;

/**
 * Parameters of the order-list placements, named as Binance names them: {@code orderList.place.oco}
 * ({@code aboveType, abovePrice, belowStopPrice, ...}) and {@code orderList.place.oto|otoco|opo|opoco}
 * ({@code working*}, {@code pending*}, {@code pendingAbove*}, {@code pendingBelow*}).
 */
final class OrderListParams {

  private OrderListParams() {
  }

  /**
   * An OCO pair: SELL with {@code <prefix>above} LIMIT_MAKER and {@code <prefix>below} STOP_LOSS_LIMIT, or BUY the
   * reverse. {@code prefix} is "" (OCO) or "pending" (OTOCO). {@code quantity} null = not sent (OPOCO).
   */
  static OcoRequest pair(RequestParams p, String prefix, String symbol, Side side, BigDecimal quantity,
      String listClientOrderId, StpMode stp) {
    String makerSide = side == Side.SELL ? "above" : "below";
    String stopSide = side == Side.SELL ? "below" : "above";
    String aboveType = p.required(key(prefix, "above", "Type"));
    String belowType = p.required(key(prefix, "below", "Type"));
    if (!"LIMIT_MAKER".equals(side == Side.SELL ? aboveType : belowType)
        || !"STOP_LOSS_LIMIT".equals(side == Side.SELL ? belowType : aboveType)) {
      throw new ApiException(400, -1116, "Invalid orderType. The simulator supports OCO pairs of a LIMIT_MAKER leg"
          + " and a STOP_LOSS_LIMIT leg (SELL: above LIMIT_MAKER, below STOP_LOSS_LIMIT; BUY: the reverse).");
    }
    BigDecimal makerPrice = decimal(p, key(prefix, makerSide, "Price"));
    BigDecimal stopPrice = decimal(p, key(prefix, stopSide, "StopPrice"));
    BigDecimal stopLimitPrice = decimal(p, key(prefix, stopSide, "Price"));
    TimeInForce tif = ExchangeApi.parse(TimeInForce.class, p.required(key(prefix, stopSide, "TimeInForce")),
        ApiException.invalidTimeInForce());
    return new OcoRequest(symbol, side, quantity, makerPrice, stopPrice, stopLimitPrice, tif, listClientOrderId,
        p.optional(key(prefix, makerSide, "ClientOrderId")), p.optional(key(prefix, stopSide, "ClientOrderId")),
        stp);
  }

  /** {@code orderList.place.oto} ({@code pair=false}) or {@code .otoco} ({@code pair=true}); OPO when {@code opo}. */
  static OtoRequest oto(RequestParams p, boolean pair, boolean opo, StpMode stp) {
    String symbol = p.required("symbol");
    OrderRequest working = leg(p, "working", symbol, false, stp);
    Side pendingSide = ExchangeApi.parse(Side.class, p.required("pendingSide"), ApiException.invalidSide());
    BigDecimal pendingQty = opo ? null : decimal(p, "pendingQuantity");
    if (opo && p.has("pendingQuantity")) {
      throw ApiException.notRequired("pendingQuantity");
    }
    String listId = p.optional("listClientOrderId");
    if (pair) {
      return new OtoRequest(symbol, listId, working, null,
          pair(p, "pending", symbol, pendingSide, pendingQty == null ? BigDecimal.ZERO : pendingQty, null, stp), opo);
    }
    return new OtoRequest(symbol, listId, working, leg(p, "pending", symbol, opo, stp), null, opo);
  }

  /** The working or pending leg of an OTO: {@code <prefix>Type, Side, Price, Quantity, TimeInForce, ClientOrderId}. */
  private static OrderRequest leg(RequestParams p, String prefix, String symbol, boolean noQuantity, StpMode stp) {
    OrderType type = ExchangeApi.parse(OrderType.class, p.required(prefix + "Type"), ApiException.invalidOrderType());
    Side side = ExchangeApi.parse(Side.class, p.required(prefix + "Side"), ApiException.invalidSide());
    BigDecimal qty = noQuantity ? BigDecimal.ZERO : decimal(p, prefix + "Quantity");
    BigDecimal price = type == OrderType.MARKET ? null : decimal(p, prefix + "Price");
    TimeInForce tif = type == OrderType.LIMIT
        ? ExchangeApi.parse(TimeInForce.class, p.required(prefix + "TimeInForce"), ApiException.invalidTimeInForce())
        : TimeInForce.GTC;
    return new OrderRequest(symbol, side, type, tif, qty, null, price, p.optional(prefix + "ClientOrderId"), stp,
        null);
  }

  private static String key(String prefix, String side, String suffix) {
    return prefix.isEmpty() ? side + suffix
        : prefix + Character.toUpperCase(side.charAt(0)) + side.substring(1) + suffix;
  }

  private static BigDecimal decimal(RequestParams p, String name) {
    BigDecimal d = p.decimal(name);
    if (d == null) {
      throw ApiException.missing(name);
    }
    return d;
  }
}
