package dev.ordertracker.binance.executor;

import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderType;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order to place: MARKET with {@code quantity} or {@code quoteOrderQty}, or LIMIT with quantity and price
 * (time in force GTC unless given). The client order id is generated when absent.
 */
public record PlaceOrder(String account, String symbol, OrderSide side, OrderType type, BigDecimal quantity,
                         BigDecimal quoteOrderQty, BigDecimal price, String timeInForce, String clientOrderId) {

  public PlaceOrder {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(type, "type");
    if (type != OrderType.MARKET && type != OrderType.LIMIT) {
      throw new IllegalArgumentException("type: only MARKET and LIMIT are supported, was " + type);
    }
    if ((quantity == null) == (quoteOrderQty == null)) {
      throw new IllegalArgumentException("exactly one of quantity and quoteOrderQty is required");
    }
    if (quantity != null && quantity.signum() <= 0 || quoteOrderQty != null && quoteOrderQty.signum() <= 0) {
      throw new IllegalArgumentException("quantity/quoteOrderQty must be positive");
    }
    if (type == OrderType.LIMIT && (price == null || price.signum() <= 0 || quantity == null)) {
      throw new IllegalArgumentException("LIMIT needs quantity and a positive price");
    }
    if (clientOrderId != null && !clientOrderId.matches("[.A-Z:/a-z0-9_-]{1,36}")) {
      throw new IllegalArgumentException("clientOrderId: 1-36 of [.A-Z:/a-z0-9_-]");
    }
  }

  public static PlaceOrder market(String account, String symbol, OrderSide side, BigDecimal quantity) {
    return new PlaceOrder(account, symbol, side, OrderType.MARKET, quantity, null, null, null, null);
  }

  public static PlaceOrder marketQuote(String account, String symbol, OrderSide side, BigDecimal quoteOrderQty) {
    return new PlaceOrder(account, symbol, side, OrderType.MARKET, null, quoteOrderQty, null, null, null);
  }

  public static PlaceOrder limit(String account, String symbol, OrderSide side, BigDecimal quantity,
                                 BigDecimal price) {
    return new PlaceOrder(account, symbol, side, OrderType.LIMIT, quantity, null, price, "GTC", null);
  }

  public PlaceOrder withClientOrderId(String id) {
    return new PlaceOrder(account, symbol, side, type, quantity, quoteOrderQty, price, timeInForce, id);
  }
}
