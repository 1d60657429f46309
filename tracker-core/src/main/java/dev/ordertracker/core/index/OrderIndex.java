package dev.ordertracker.core.index;

import dev.ordertracker.api.Amendment;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.TrackerErrors;
import dev.ordertracker.core.TrackerException;
import dev.ordertracker.core.state.OrderRecord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The index of tracked orders (not a price ladder: no prices, no levels): where each order lives and how it is
 * found. Owned by {@code OrderTrackerCore} (the tracker verticle's context); plain maps, no locks.
 *
 * <ul>
 *   <li>active (non-final) orders: insertion-ordered map by {@link OrderKey}, O(1);</li>
 *   <li>completed orders: a bounded history, oldest evicted first, with an O(1) map by key;</li>
 *   <li>client order id → key of the most recent order that used it (cleaned when that order is evicted);</li>
 *   <li>order id → key(s): order ids are unique per symbol only, so a lookup without a symbol must be able to tell
 *       one match from several. The value is an {@link OrderKey} (the common case) or a small list of them.</li>
 * </ul>
 */
public final class OrderIndex {
  private final int maxHistory;
  private final LinkedHashMap<OrderKey, OrderRecord> active = new LinkedHashMap<>(1024);
  private final HashMap<OrderKey, OrderRecord> historyByKey = new HashMap<>(1024);
  private final ArrayDeque<OrderRecord> history = new ArrayDeque<>();
  private final HashMap<String, OrderKey> byClientId = new HashMap<>(1024);
  private final HashMap<String, Object> byOrderId = new HashMap<>(1024);
  /** One canonical String per symbol so that thousands of orders share it. */
  private final HashMap<String, String> symbols = new HashMap<>();

  public OrderIndex(int maxHistory) {
    if (maxHistory <= 0) {
      throw new IllegalArgumentException("max_history_size must be positive, was " + maxHistory);
    }
    this.maxHistory = maxHistory;
  }

  /** The canonical instance of a symbol name (saves one String per order). */
  public String symbol(String name) {
    String known = symbols.putIfAbsent(name, name);
    return known == null ? name : known;
  }

  public OrderRecord find(OrderKey key) {
    OrderRecord r = active.get(key);
    return r != null ? r : historyByKey.get(key);
  }

  /**
   * The order of an id: with a symbol exact; without one the id must match exactly one known order, active or in
   * history.
   *
   * @throws TrackerException 404 no match, 409 {@link TrackerErrors#AMBIGUOUS} (naming the symbols) without a symbol
   */
  public OrderRecord resolve(String orderId, String symbol) {
    if (symbol != null) {
      OrderRecord r = find(new OrderKey(symbol, orderId));
      if (r == null) {
        throw TrackerException.notFound("no order " + symbol + "/" + orderId);
      }
      return r;
    }
    List<OrderKey> keys = keysOf(orderId);
    if (keys.isEmpty()) {
      throw TrackerException.notFound("no order with order_id '" + orderId + "'");
    }
    if (keys.size() > 1) {
      TreeSet<String> symbols = new TreeSet<>();
      keys.forEach(k -> symbols.add(k.symbol()));
      throw new TrackerException(TrackerErrors.AMBIGUOUS, "order_id '" + orderId + "' is known on several symbols "
          + symbols + ": pass the symbol");
    }
    return find(keys.get(0));
  }

  /** All known keys with this order id (active or in history): zero, one or several symbols. */
  public List<OrderKey> keysOf(String orderId) {
    Object v = byOrderId.get(orderId);
    if (v == null) {
      return List.of();
    }
    if (v instanceof OrderKey) {
      return List.of((OrderKey) v);
    }
    @SuppressWarnings("unchecked")
    List<OrderKey> keys = (List<OrderKey>) v;
    return List.copyOf(keys);
  }

  public OrderRecord byClientId(String clientOrderId) {
    OrderKey key = byClientId.get(clientOrderId);
    return key == null ? null : find(key);
  }

  /** Adds a new order: active, or straight to history when it is already final. Returns evicted orders. */
  public void add(OrderRecord record, List<OrderRecord> evicted) {
    indexId(record.key());
    for (Amendment a : record.amendments()) {
      if (a.oldClientOrderId() != null) {
        byClientId.put(a.oldClientOrderId(), record.key()); // a restored amended order: its old ids find it too
      }
    }
    indexClientId(record);
    if (record.isFinal()) {
      appendHistory(record, evicted);
    } else {
      active.put(record.key(), record);
    }
  }

  /** Points the client order id of {@code record} at it (the most recent user of a client id wins). */
  public void indexClientId(OrderRecord record) {
    if (record.clientOrderId() != null) {
      byClientId.put(record.clientOrderId(), record.key());
    }
  }

  /** Forgets an old client id mapping if it still points to {@code key}. */
  public void unindexClientId(String clientOrderId, OrderKey key) {
    if (clientOrderId != null) {
      byClientId.remove(clientOrderId, key);
    }
  }

  /** Drops an active order from the book and its indexes (issue 14: an adopted placeholder). */
  public void removeActive(OrderRecord record) {
    if (active.remove(record.key()) != null) {
      unindexClientId(record.clientOrderId(), record.key());
      unindexId(record.key());
    }
  }

  /** Moves an order that just became final from the active map to the history. */
  public void complete(OrderRecord record, List<OrderRecord> evicted) {
    if (active.remove(record.key()) != null) {
      appendHistory(record, evicted);
    }
  }

  private void appendHistory(OrderRecord record, List<OrderRecord> evicted) {
    history.addLast(record);
    historyByKey.put(record.key(), record);
    while (history.size() > maxHistory) {
      OrderRecord oldest = history.pollFirst();
      forget(oldest);
      if (evicted != null) {
        evicted.add(oldest);
      }
    }
  }

  private void forget(OrderRecord record) {
    historyByKey.remove(record.key());
    unindexClientId(record.clientOrderId(), record.key());
    for (Amendment a : record.amendments()) {
      unindexClientId(a.oldClientOrderId(), record.key()); // an amended order is found by its old ids too
    }
    unindexId(record.key());
  }

  /** Empties the history; active orders are untouched. Returns how many orders were dropped. */
  public int clearHistory() {
    int n = history.size();
    for (OrderRecord r : history) {
      forget(r);
    }
    history.clear();
    return n;
  }

  public int activeSize() {
    return active.size();
  }

  public int historySize() {
    return history.size();
  }

  public int maxHistory() {
    return maxHistory;
  }

  /** Active orders, oldest first, of one symbol or (symbol null) all. */
  public List<OrderRecord> active(String symbol) {
    List<OrderRecord> out = new ArrayList<>(symbol == null ? active.size() : 16);
    for (OrderRecord r : active.values()) {
      if (symbol == null || symbol.equals(r.symbol())) {
        out.add(r);
      }
    }
    return out;
  }

  /** Completed orders, most recent first, at most {@code limit} (non-positive: all). */
  public List<OrderRecord> completed(int limit) {
    int n = limit <= 0 ? history.size() : Math.min(limit, history.size());
    List<OrderRecord> out = new ArrayList<>(n);
    Iterator<OrderRecord> it = history.descendingIterator();
    while (out.size() < n && it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  /** Completed orders, oldest first (for a journal or a snapshot). */
  public List<OrderRecord> historyOldestFirst() {
    return new ArrayList<>(history);
  }

  private void indexId(OrderKey key) {
    Object v = byOrderId.get(key.orderId());
    if (v == null) {
      byOrderId.put(key.orderId(), key);
    } else if (v instanceof OrderKey) {
      if (!v.equals(key)) {
        List<OrderKey> keys = new ArrayList<>(2);
        keys.add((OrderKey) v);
        keys.add(key);
        byOrderId.put(key.orderId(), keys);
      }
    } else {
      @SuppressWarnings("unchecked")
      List<OrderKey> keys = (List<OrderKey>) v;
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
  }

  private void unindexId(OrderKey key) {
    Object v = byOrderId.get(key.orderId());
    if (v instanceof OrderKey) {
      if (v.equals(key)) {
        byOrderId.remove(key.orderId());
      }
    } else if (v != null) {
      @SuppressWarnings("unchecked")
      List<OrderKey> keys = (List<OrderKey>) v;
      keys.remove(key);
      if (keys.size() == 1) {
        byOrderId.put(key.orderId(), keys.get(0));
      }
    }
  }

  /** Read-only view of the active map, for tests and metrics. */
  public Map<OrderKey, OrderRecord> activeView() {
    return java.util.Collections.unmodifiableMap(active);
  }
}
