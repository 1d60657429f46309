package dev.ordertracker.binance.reconcile;

import dev.ordertracker.api.Decimals;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderDetails;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.UpdateKind;
import dev.ordertracker.binance.codec.BinanceOrderStatus;
import dev.ordertracker.binance.codec.StatusMapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reconciliation as a pure function: (what the tracker knows, what the exchange says, the order's trades) → the
 * updates that bring the tracker to the exchange's state, in the order they happened, each one a real change:
 * <ol>
 *   <li>an amendment when the exchange's quantity or client order id differs from the tracker's (an amend missed
 *   while disconnected: one AMENDMENT update, so one ORDER_AMENDED event, however many amends happened);</li>
 *   <li>every trade the tracker has not seen, oldest first, as PARTIALLY_FILLED (FILLED when it completes the
 *   order), with its fill and the running cumulative quantities;</li>
 *   <li>then, if the exchange's executed quantity is ahead of the trades (trades not returned), one catch-up;</li>
 *   <li>then, for an order still open, a self-trade prevention when the exchange's prevented quantity is larger;</li>
 *   <li>then the exchange's status when it is ahead of the tracker's (PLACED, CANCELLED, EXPIRED, FAILED...).</li>
 * </ol>
 * Every update carries the exchange's {@link OrderDetails} (time in force, list id, STP mode...; the prevented
 * quantity only on the prevention and final-status updates, so that it is reported once).
 * "Not found" is not terminal: an order the exchange no longer knows is resolved from its trades; only after
 * {@code lostAfterMisses} consecutive misses with nothing explaining its end is it marked lost (EXPIRED, lost=true,
 * with an error message), never FAILED. Final tracked orders need nothing.
 */
public final class Reconciler {
  private Reconciler() {
  }

  /**
   * @param tracked         the tracker's snapshot, or null for an order the tracker does not know (from openOrders)
   * @param exchange        the exchange's answer, or null when it does not know the order
   * @param trades          the account's trades for this order (any order, duplicates allowed; others ignored)
   * @param previousMisses  consecutive "not found" answers before this one
   */
  public static Reconciliation reconcile(TrackedOrder tracked, ExchangeOrder exchange, List<ExchangeTrade> trades,
                                         String account, int previousMisses, int lostAfterMisses, Instant now) {
    if (tracked == null && exchange == null) {
      return Reconciliation.NOTHING;
    }
    if (tracked != null && tracked.isFinal()) {
      return Reconciliation.NOTHING;
    }
    String symbol = tracked != null ? tracked.symbol() : exchange.symbol();
    String orderId = tracked != null ? tracked.orderId() : Long.toString(exchange.orderId());
    Details details = Details.of(tracked, exchange, account);

    Set<Long> known = new HashSet<>();
    BigDecimal cum = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    OrderStatus current = null;
    if (tracked != null) {
      for (Fill f : tracked.fills()) {
        known.add(f.tradeId());
      }
      cum = tracked.filledQuantity();
      quote = trackedQuote(tracked);
      current = tracked.status();
    }
    TreeMap<Long, ExchangeTrade> fresh = new TreeMap<>();
    for (ExchangeTrade t : trades) {
      if (t.symbol().equals(symbol) && Long.toString(t.orderId()).equals(orderId) && !known.contains(t.id())) {
        fresh.putIfAbsent(t.id(), t);
      }
    }

    List<OrderUpdate> out = new ArrayList<>();
    if (tracked != null && exchange != null && amended(tracked, exchange)) {
      out.add(details.builder(symbol, orderId, tracked.status()).kind(UpdateKind.AMENDMENT)
          .cumulative(cum, quote).transactionTime(at(exchange, now)).build());
    }
    BigDecimal orderQty = details.quantity;
    // Quantity the tracker counts without holding its trade: a stream report whose cumulative quantity includes
    // trades whose own reports were lost. The oldest fresh trades are those: sent with a cumulative quantity below
    // the tracker's, they are recorded as fills without changing quantities or publishing (the tracker's STALE rule),
    // and they are not counted twice.
    BigDecimal unexplained = tracked == null ? BigDecimal.ZERO : unexplained(tracked);
    for (ExchangeTrade t : fresh.values()) {
      if (unexplained.compareTo(t.qty()) >= 0) {
        out.add(details.builder(symbol, orderId, current).cumulative(cum.subtract(unexplained), null)
            .lastFill(t.toFill()).transactionTime(Instant.ofEpochMilli(t.time())).build());
        unexplained = unexplained.subtract(t.qty());
        continue;
      }
      BigDecimal counted = t.qty().subtract(unexplained);
      quote = quote.add(unexplained.signum() == 0 ? t.quoteQty()
          : t.quoteQty().multiply(counted).divide(t.qty(), Decimals.PRICE_CONTEXT));
      unexplained = BigDecimal.ZERO;
      cum = cum.add(counted);
      boolean complete = orderQty != null && cum.compareTo(orderQty) >= 0
          || exchange != null && exchange.status() == BinanceOrderStatus.FILLED
          && cum.compareTo(exchange.executedQty()) >= 0;
      OrderStatus status = complete ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
      out.add(details.builder(symbol, orderId, status).cumulative(cum, quote).lastFill(t.toFill())
          .transactionTime(Instant.ofEpochMilli(t.time())).build());
      current = status;
    }

    if (exchange == null) {
      if (current == OrderStatus.FILLED) {
        return new Reconciliation(out, 0, false);
      }
      int misses = previousMisses + 1;
      if (misses < lostAfterMisses) {
        return new Reconciliation(out, misses, false);
      }
      out.add(details.builder(symbol, orderId, OrderStatus.EXPIRED).cumulative(cum, quote).lost(true)
          .transactionTime(now)
          .errorMessage("lost: the exchange no longer knows the order after " + misses
              + " queries and its trades do not explain its end")
          .build());
      return new Reconciliation(out, misses, true);
    }

    OrderStatus target = StatusMapping.toTracker(exchange.status());
    Instant at = at(exchange, now);
    if (exchange.executedQty().compareTo(cum) > 0) {
      // the exchange executed more than the trades we were given explain: catch up without a fill
      cum = exchange.executedQty();
      quote = exchange.cumulativeQuoteQty().max(quote);
      OrderStatus status = target != null && target.isFinal() ? target : OrderStatus.PARTIALLY_FILLED;
      out.add(details.builder(symbol, orderId, status).cumulative(cum, quote).transactionTime(at)
          .errorMessage(errorFor(status, exchange)).details(status.isFinal() ? exchange.details() : details.terms)
          .build());
      current = status;
    }
    BigDecimal prevented = exchange.details().preventedQuantity();
    if (prevented != null && current != null && !current.isFinal() && (target == null || !target.isFinal())
        && (tracked == null || tracked.details().preventedCompare(exchange.details()) > 0)) {
      out.add(details.builder(symbol, orderId, current).kind(UpdateKind.TRADE_PREVENTION).cumulative(cum, quote)
          .transactionTime(at).details(exchange.details()).build());
    }
    if (target != null && rank(target) > rank(current)) {
      out.add(details.builder(symbol, orderId, target).cumulative(cum, quote).transactionTime(at)
          .errorMessage(errorFor(target, exchange)).details(target.isFinal() ? exchange.details() : details.terms)
          .build());
    }
    return new Reconciliation(out, 0, false);
  }

  /**
   * The end of an executor placeholder (an order tracked under its client id because its placement's outcome was
   * unknown) that the exchange still does not know after the give-up time: LOST (EXPIRED, lost=true, so the tracker
   * publishes ORDER_LOST), never FAILED: nothing said it was not executed.
   */
  public static OrderUpdate lostPlaceholder(TrackedOrder t, String account, Instant now) {
    return OrderUpdate.builder(t.symbol(), t.orderId(), OrderStatus.EXPIRED).clientOrderId(t.clientOrderId())
        .account(account).order(t.orderType(), t.side(), t.quantity(), t.price()).createdAt(t.createdAt())
        .lost(true).transactionTime(now)
        .errorMessage("lost: the placement's outcome was unknown and the exchange has not shown an order with client"
            + " order id " + t.clientOrderId() + " since " + t.createdAt())
        .build();
  }

  private static Instant at(ExchangeOrder exchange, Instant now) {
    return Instant.ofEpochMilli(exchange.updateTime() > 0 ? exchange.updateTime() : now.toEpochMilli());
  }

  /** The exchange's quantity or client id differs from the tracker's: an amendment the tracker has not seen. */
  private static boolean amended(TrackedOrder tracked, ExchangeOrder exchange) {
    boolean quantity = exchange.origQty() != null && exchange.origQty().signum() > 0 && tracked.quantity() != null
        && exchange.origQty().compareTo(tracked.quantity()) != 0;
    boolean clientId = exchange.clientOrderId() != null && !exchange.clientOrderId().isEmpty()
        && tracked.clientOrderId() != null && !exchange.clientOrderId().equals(tracked.clientOrderId());
    return quantity || clientId;
  }

  private static String errorFor(OrderStatus status, ExchangeOrder exchange) {
    if (status == OrderStatus.FAILED) {
      return "rejected by the exchange (found " + exchange.status() + " on reconciliation)";
    }
    if (status == OrderStatus.EXPIRED) {
      return exchange.details().expiryReason() != null ? exchange.details().expiryReason() : exchange.status().name();
    }
    return null;
  }

  /** Progress order of statuses; a final status outranks everything, unknown (null) ranks lowest. */
  static int rank(OrderStatus status) {
    if (status == null) {
      return -1;
    }
    switch (status) {
      case PENDING: return 0;
      case PLACED: return 1;
      case PARTIALLY_FILLED: return 2;
      default: return 3;
    }
  }

  /** The tracker's filled quantity its recorded fills do not explain (never negative). */
  private static BigDecimal unexplained(TrackedOrder tracked) {
    BigDecimal fills = BigDecimal.ZERO;
    for (Fill f : tracked.fills()) {
      fills = fills.add(f.quantity());
    }
    BigDecimal u = tracked.filledQuantity().subtract(fills);
    return u.signum() > 0 ? u : BigDecimal.ZERO;
  }

  /** The tracked cumulative quote: the sum of its fills when they explain the filled quantity, else avg × qty. */
  private static BigDecimal trackedQuote(TrackedOrder tracked) {
    BigDecimal qty = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    for (Fill f : tracked.fills()) {
      qty = qty.add(f.quantity());
      quote = quote.add(f.quoteQuantity());
    }
    if (qty.compareTo(tracked.filledQuantity()) == 0) {
      return quote;
    }
    return tracked.averagePrice() == null ? quote
        : tracked.averagePrice().multiply(tracked.filledQuantity(), Decimals.PRICE_CONTEXT);
  }

  /** The order's own details, repeated on every update so that the tracker can start tracking from any of them. */
  private record Details(String clientOrderId, String account, dev.ordertracker.api.OrderType type,
                         dev.ordertracker.api.OrderSide side, BigDecimal quantity, BigDecimal price,
                         Instant createdAt, OrderDetails terms) {
    static Details of(TrackedOrder tracked, ExchangeOrder exchange, String account) {
      if (exchange != null) {
        BigDecimal qty = exchange.origQty() != null && exchange.origQty().signum() > 0 ? exchange.origQty()
            : tracked == null ? null : tracked.quantity();
        OrderDetails d = exchange.details();
        // The prevented quantity travels on its own update (or the final one) so that it is reported once; an order
        // the tracker does not know yet starts with all of it.
        OrderDetails terms = tracked == null ? d : new OrderDetails(d.timeInForce(), d.stopPrice(),
            d.icebergQuantity(), d.orderListId(), d.stpMode(), null, null, d.working(), null, d.peggedPrice(), null);
        return new Details(exchange.clientOrderId(), account, exchange.type(), exchange.side(), qty,
            d.peggedPrice() != null ? d.peggedPrice() : exchange.price(),
            exchange.time() > 0 ? Instant.ofEpochMilli(exchange.time()) : null, terms);
      }
      return new Details(tracked.clientOrderId(), account, tracked.orderType(), tracked.side(), tracked.quantity(),
          tracked.price(), tracked.createdAt(), OrderDetails.NONE);
    }

    OrderUpdate.Builder builder(String symbol, String orderId, OrderStatus status) {
      return OrderUpdate.builder(symbol, orderId, status).clientOrderId(clientOrderId).account(account)
          .order(type, side, quantity, price).createdAt(createdAt).details(terms);
    }
  }
}
