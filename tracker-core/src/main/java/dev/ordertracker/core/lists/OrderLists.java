package dev.ordertracker.core.lists;

import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderList;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.core.TrackerException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * The tracker's view of order lists (OCO, OTO, OTOCO, OPO, OPOCO), by (symbol, list id). Owned by
 * {@code OrderTrackerCore}, hence by the tracker verticle's context; plain maps, no locks.
 *
 * <p>A list report is the whole list, so the newest one (by transaction time) replaces the known view; an older one
 * is ignored. A leg seen in an order report before any list report starts a view with only its legs. Done lists
 * (ALL_DONE, REJECT) are kept like completed orders: at most {@code maxDone}, oldest forgotten first; lists whose end
 * was never reported (a report missed while disconnected) are bounded too: at most {@link #OPEN_FACTOR} × maxDone
 * views in all, the oldest forgotten first. The view is not
 * journaled: after a restart it is rebuilt from the restored orders' list ids and completed by the next list report.
 */
public final class OrderLists {
  /** All views (open and done) are at most this many times {@code maxDone}. */
  static final int OPEN_FACTOR = 10;
  private final int maxDone;
  private final LinkedHashMap<OrderKey, OrderList> lists = new LinkedHashMap<>();
  private final ArrayDeque<OrderKey> done = new ArrayDeque<>();

  public OrderLists(int maxDone) {
    this.maxDone = maxDone;
  }

  /** Applies a list report; answers the view now known (the report, or a newer one already known). */
  public OrderList apply(OrderList report) {
    OrderKey key = report.key();
    OrderList known = lists.get(key);
    if (known != null && known.transactionTime() != null && report.transactionTime() != null
        && report.transactionTime().isBefore(known.transactionTime())) {
      return known; // an older report of the same list: the view already holds newer news
    }
    OrderList merged = known == null || !report.legs().isEmpty() ? report : withLegs(report, known.legs());
    put(key, merged);
    if (merged.isDone() && (known == null || !known.isDone())) {
      done.addLast(key);
      while (done.size() > maxDone) {
        lists.remove(done.pollFirst());
      }
    }
    return merged;
  }

  /** An order report names its list: a view without a list report yet gets the leg (nothing else is known). */
  public void noteLeg(String symbol, String orderListId, OrderList.Leg leg, String account) {
    OrderKey key = new OrderKey(symbol, orderListId);
    OrderList known = lists.get(key);
    if (known == null) {
      put(key, new OrderList(symbol, orderListId, null, null, null, null, null, null, List.of(leg), account));
    } else if (known.legs().stream().noneMatch(l -> l.key().equals(leg.key()))) {
      List<OrderList.Leg> legs = new ArrayList<>(known.legs());
      legs.add(leg);
      lists.put(key, withLegs(known, legs));
    }
  }

  /** @throws TrackerException 404 unknown, 409 ambiguous id without a symbol */
  public OrderList find(String orderListId, String symbol) {
    if (symbol != null) {
      OrderList l = lists.get(new OrderKey(symbol, orderListId));
      if (l == null) {
        throw TrackerException.notFound("no order list " + symbol + "/" + orderListId);
      }
      return l;
    }
    List<OrderList> matches = new ArrayList<>(1);
    for (OrderList l : lists.values()) {
      if (l.orderListId().equals(orderListId)) {
        matches.add(l);
      }
    }
    if (matches.isEmpty()) {
      throw TrackerException.notFound("no order list with order_list_id '" + orderListId + "'");
    }
    if (matches.size() > 1) {
      TreeSet<String> symbols = new TreeSet<>();
      matches.forEach(l -> symbols.add(l.symbol()));
      throw new TrackerException(TrackerErrors.AMBIGUOUS, "order_list_id '" + orderListId
          + "' is known on several symbols " + symbols + ": pass the symbol");
    }
    return matches.get(0);
  }

  private void put(OrderKey key, OrderList list) {
    lists.put(key, list);
    Iterator<OrderKey> oldest = lists.keySet().iterator();
    while (lists.size() > (long) OPEN_FACTOR * maxDone && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  public int size() {
    return lists.size();
  }

  private static OrderList withLegs(OrderList l, List<OrderList.Leg> legs) {
    return new OrderList(l.symbol(), l.orderListId(), l.contingencyType(), l.listStatusType(), l.listOrderStatus(),
        l.listClientOrderId(), l.rejectReason(), l.transactionTime(), legs, l.account());
  }
}
