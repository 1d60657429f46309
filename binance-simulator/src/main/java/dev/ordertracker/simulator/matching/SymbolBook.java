package dev.ordertracker.simulator.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One symbol's market: its moving reference price, the resting orders of all accounts, and its order-id and
 * trade-id counters. Liquidity model: a taker finds three synthetic levels at the reference price and one and two
 * ticks worse, holding 50 %, 30 % and 20 % of its quantity; a resting order is filled fully when the reference
 * price moves through its limit and half of its remaining quantity when the price only touches it.
 * Owned by the simulator context.
 */
public final class SymbolBook {

  /** One planned taker fill: synthetic liquidity ({@code maker} null) or a resting order of the book. */
  public record Level(BigDecimal price, BigDecimal qty, Order maker) {

    Level(BigDecimal price, BigDecimal qty) {
      this(price, qty, null);
    }
  }

  private static final BigDecimal[] FRACTIONS = {new BigDecimal("0.5"), new BigDecimal("0.3")};
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private final SymbolSpec spec;
  private BigDecimal referencePrice;
  private long nextOrderId = 1;
  private long nextTradeId = 1;
  private long nextPreventedMatchId = 1;
  private final List<Order> stops = new ArrayList<>();
  private final TreeMap<BigDecimal, LinkedHashSet<Order>> buys = new TreeMap<>();
  private final TreeMap<BigDecimal, LinkedHashSet<Order>> sells = new TreeMap<>();

  public SymbolBook(SymbolSpec spec, BigDecimal referencePrice) {
    this.spec = spec;
    this.referencePrice = referencePrice;
  }

  public SymbolSpec spec() {
    return spec;
  }

  public BigDecimal referencePrice() {
    return referencePrice;
  }

  void setReferencePrice(BigDecimal price) {
    this.referencePrice = price;
  }

  long nextOrderId() {
    return nextOrderId++;
  }

  long nextTradeId() {
    return nextTradeId++;
  }

  long nextPreventedMatchId() {
    return nextPreventedMatchId++;
  }

  /** Price of level {@code k} for a taker on {@code side}. */
  private BigDecimal levelPrice(Side side, int k) {
    BigDecimal offset = spec.tickSize().multiply(BigDecimal.valueOf(k));
    BigDecimal p = side == Side.BUY ? referencePrice.add(offset) : referencePrice.subtract(offset);
    return p.signum() > 0 ? p : spec.tickSize();
  }

  /** Taker fills for a quantity, limited to prices no worse than {@code limit} (null = market). */
  List<Level> planByQuantity(Side side, BigDecimal qty, BigDecimal limit) {
    List<Level> levels = new ArrayList<>(3);
    BigDecimal left = qty;
    for (int k = 0; k < 3 && left.signum() > 0; k++) {
      BigDecimal price = levelPrice(side, k);
      if (limit != null && (side == Side.BUY ? price.compareTo(limit) > 0 : price.compareTo(limit) < 0)) {
        break;
      }
      BigDecimal chunk = k < 2 ? spec.floorToStep(qty.multiply(FRACTIONS[k])) : left;
      chunk = chunk.min(left);
      if (chunk.signum() > 0) {
        levels.add(new Level(price, chunk));
        left = left.subtract(chunk);
      }
    }
    return levels;
  }

  /** Taker fills of a MARKET order sized by quote amount ({@code quoteOrderQty}). */
  List<Level> planByQuote(Side side, BigDecimal quote) {
    List<Level> levels = new ArrayList<>(3);
    BigDecimal left = quote;
    for (int k = 0; k < 3; k++) {
      BigDecimal price = levelPrice(side, k);
      BigDecimal portion = k < 2 ? quote.multiply(FRACTIONS[k]) : left;
      BigDecimal qty = spec.floorToStep(portion.min(left).divide(price, spec.stepSize().scale() + 2,
          java.math.RoundingMode.DOWN));
      if (qty.signum() > 0) {
        levels.add(new Level(price, qty));
        left = left.subtract(qty.multiply(price));
      }
    }
    return levels;
  }

  /**
   * Merges the synthetic levels of a taker with the resting orders of the other side that its limit reaches (price
   * priority; at one price the resting orders first, in time priority). Not cut at the taker's quantity: a taker
   * whose match was prevented goes on to the next level. Legs of order lists are left out: they fill on price moves
   * only.
   */
  List<Level> withRestingOrders(Side side, List<Level> synthetic, BigDecimal limit) {
    NavigableMap<BigDecimal, LinkedHashSet<Order>> other;
    if (side == Side.BUY) {
      other = limit == null ? sells : sells.headMap(limit, true);
    } else {
      other = limit == null ? buys.descendingMap() : buys.descendingMap().headMap(limit, true);
    }
    if (other.isEmpty()) {
      return synthetic;
    }
    List<Level> merged = new ArrayList<>(synthetic.size() + 4);
    int s = 0;
    for (Map.Entry<BigDecimal, LinkedHashSet<Order>> e : other.entrySet()) {
      BigDecimal price = e.getKey();
      while (s < synthetic.size() && better(side, synthetic.get(s).price(), price)) {
        merged.add(synthetic.get(s++));
      }
      for (Order o : e.getValue()) {
        if (o.list == null) {
          merged.add(new Level(price, o.remaining(), o));
        }
      }
    }
    while (s < synthetic.size()) {
      merged.add(synthetic.get(s++));
    }
    return merged;
  }

  /** The first {@code qty} of a route: what the taker would trade if nothing were prevented. */
  static List<Level> cut(List<Level> route, BigDecimal qty) {
    List<Level> out = new ArrayList<>(route.size());
    BigDecimal left = qty;
    for (int i = 0; i < route.size() && left.signum() > 0; i++) {
      Level level = route.get(i);
      BigDecimal q = level.qty().min(left);
      out.add(q.compareTo(level.qty()) == 0 ? level : new Level(level.price(), q, level.maker()));
      left = left.subtract(q);
    }
    return out;
  }

  private static boolean better(Side takerSide, BigDecimal a, BigDecimal b) {
    return takerSide == Side.BUY ? a.compareTo(b) < 0 : a.compareTo(b) > 0;
  }

  static BigDecimal total(List<Level> levels) {
    BigDecimal t = BigDecimal.ZERO;
    for (Level l : levels) {
      t = t.add(l.qty());
    }
    return t;
  }

  static BigDecimal totalQuote(List<Level> levels) {
    BigDecimal t = BigDecimal.ZERO;
    for (Level l : levels) {
      t = t.add(l.qty().multiply(l.price()));
    }
    return t;
  }

  void rest(Order order) {
    book(order.side).computeIfAbsent(order.price, p -> new LinkedHashSet<>()).add(order);
  }

  void remove(Order order) {
    NavigableMap<BigDecimal, LinkedHashSet<Order>> book = book(order.side);
    LinkedHashSet<Order> set = book.get(order.price);
    if (set != null && set.remove(order) && set.isEmpty()) {
      book.remove(order.price);
    }
  }

  private TreeMap<BigDecimal, LinkedHashSet<Order>> book(Side side) {
    return side == Side.BUY ? buys : sells;
  }

  /** Resting orders the current reference price reaches, best first, with the quantity each fills now. */
  List<Level> crossedOrders(List<Order> out) {
    List<Level> fills = new ArrayList<>();
    collect(buys.descendingMap().headMap(referencePrice, true), out, fills);
    collect(sells.headMap(referencePrice, true), out, fills);
    return fills;
  }

  private void collect(Map<BigDecimal, LinkedHashSet<Order>> levels, List<Order> out, List<Level> fills) {
    for (Map.Entry<BigDecimal, LinkedHashSet<Order>> e : levels.entrySet()) {
      boolean touchOnly = e.getKey().compareTo(referencePrice) == 0;
      for (Order o : e.getValue()) {
        BigDecimal qty = o.remaining();
        if (touchOnly) {
          BigDecimal half = spec.floorToStep(qty.divide(TWO));
          qty = half.signum() > 0 ? half : qty;
        }
        out.add(o);
        fills.add(new Level(o.price, qty));
      }
    }
  }

  void addStop(Order stop) {
    stops.add(stop);
  }

  void removeStop(Order stop) {
    stops.remove(stop);
  }

  /** Untriggered stop legs the current reference price reaches (SELL: price at or below the stop; BUY: at or above). */
  List<Order> triggeredStops() {
    List<Order> out = new ArrayList<>();
    for (Order o : stops) {
      int c = referencePrice.compareTo(o.stopPrice);
      if (o.side == Side.SELL ? c <= 0 : c >= 0) {
        out.add(o);
      }
    }
    return out;
  }

  public Collection<LinkedHashSet<Order>> restingBuys() {
    return buys.values();
  }
}
