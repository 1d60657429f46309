package dev.ordertracker.notifier.rule;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules over time, as a pure class: events and clock ticks in, {@link Alert}s out. The caller passes the time
 * ("now") with every call, so tests drive it without sleeping; nothing here touches a clock, a timer or the network.
 * Owned by one thread (the notifier verticle's context): plain maps, no locks.
 *
 * <p>Every alert passes one gate ({@link #emit}): a key already notified by the rule (an order; an account's
 * silence since a given last event) is a duplicate; an alert within the rule's {@code cooldown_ms} of its previous
 * one is suppressed (the key stays unnotified, so a later event of the same order may still notify once the cooldown
 * is over). So: one notification per rule per order, and never two of one rule closer than its cooldown.
 *
 * <p>Memory is bounded: at most {@code maxTrackedKeys} notified keys per rule and open or PLACED orders in total (the
 * oldest are forgotten first; a forgotten notified order could notify again).
 */
public final class RuleEvaluator {
  public static final int DEFAULT_MAX_TRACKED_KEYS = 100_000;
  private static final BigDecimal MS_PER_MINUTE = BigDecimal.valueOf(60_000);

  private final List<RuleState> rules = new ArrayList<>();
  private final int maxTrackedKeys;
  /** Per account: when it last showed any event, and its orders not yet final. */
  private final Map<String, AccountActivity> accounts = new HashMap<>();
  private int openOrders;

  public RuleEvaluator(List<Rule> rules, int maxTrackedKeys) {
    if (maxTrackedKeys <= 0) {
      throw new IllegalArgumentException("max tracked keys must be positive, was " + maxTrackedKeys);
    }
    this.maxTrackedKeys = maxTrackedKeys;
    for (Rule rule : rules) {
      this.rules.add(new RuleState(rule, maxTrackedKeys));
    }
  }

  /** An order event received at {@code now}. */
  public List<Alert> onOrderEvent(OrderEvent e, Instant now) {
    track(e, now);
    List<Alert> out = new ArrayList<>(2);
    for (RuleState s : rules) {
      Rule rule = s.rule;
      switch (rule.kind()) {
        case EVENT -> {
          if (rule.matches(e)) {
            add(out, emit(s, e.key(), now, new Alert(rule, e, e.account(), now, Map.of())));
          }
        }
        case STALE_PLACED -> {
          if (e.status() == OrderStatus.PLACED && rule.matches(e)) {
            if (!s.placed.containsKey(e.key())) {
              s.placed.put(e.key(), new Placed(e, now));
              s.trim(s.placed);
            }
          } else {
            s.placed.remove(e.key());
          }
        }
        case ERROR_BURST -> {
          if (e.eventType() == EventType.ERROR_OCCURRED && rule.matches(e)) {
            s.prune(now);
            s.errors.addLast(now);
            if (s.errors.size() > s.capacity) {
              s.errors.pollFirst();
            }
            if (s.errors.size() > rule.maxErrors() && s.armed) {
              Alert a = emit(s, null, now, new Alert(rule, e, e.account(), now, Map.of(
                  "count", s.errors.size(), "minutes", minutes(rule.windowMs()))));
              if (a != null) {
                s.armed = false; // one alert per burst: re-armed when the window holds max_errors or fewer
                out.add(a);
              }
            }
          }
        }
        case CORRECTION -> {
          if (rule.matches(e)) {
            // the fill's time is the exchange's trade time (updated_at is the tracker's own clock)
            long lagMs = e.lastFill() == null || e.lastFill().time() == null ? 0
                : now.toEpochMilli() - e.lastFill().time().toEpochMilli();
            if (e.eventType() == EventType.ORDER_LOST || lagMs >= rule.minLagMs()) {
              add(out, emit(s, e.key(), now, new Alert(rule, e, e.account(), now,
                  Map.of("lag_seconds", Math.max(0, lagMs / 1000)))));
            }
          }
        }
        case ACCOUNT_SILENT -> {
          // evaluated on ticks; the activity was recorded above
        }
        default -> throw new IllegalStateException("unhandled rule kind " + rule.kind());
      }
    }
    return out;
  }

  /** Any account event (balance, position, list status...) from {@code account}: the account is alive. */
  public List<Alert> onAccountEvent(String account, Instant now) {
    if (account != null) {
      activity(account).lastEventAt = now;
    }
    return List.of();
  }

  /** The time conditions, checked at {@code now}: stale PLACED orders, silent accounts, error windows. */
  public List<Alert> onTick(Instant now) {
    List<Alert> out = new ArrayList<>();
    for (RuleState s : rules) {
      Rule rule = s.rule;
      switch (rule.kind()) {
        case STALE_PLACED -> {
          Iterator<Placed> it = s.placed.values().iterator();
          while (it.hasNext()) {
            Placed p = it.next();
            if (now.toEpochMilli() - p.since.toEpochMilli() < rule.olderThanMs()) {
              break; // insertion order is time order: the rest are younger
            }
            Alert a = emit(s, p.event.key(), now, new Alert(rule, p.event, p.event.account(), now,
                Map.of("minutes", minutes(now.toEpochMilli() - p.since.toEpochMilli()))));
            if (a != null) {
              out.add(a);
            }
            if (a != null || s.notified.containsKey(p.event.key())) {
              it.remove(); // notified (now or before); a cooldown-suppressed one is tried again at the next tick
            }
          }
        }
        case ACCOUNT_SILENT -> {
          for (Map.Entry<String, AccountActivity> entry : accounts.entrySet()) {
            AccountActivity a = entry.getValue();
            if (a.open.isEmpty() || a.lastEventAt == null || !rule.admitsAccount(entry.getKey())
                || now.toEpochMilli() - a.lastEventAt.toEpochMilli() < rule.silenceMs()) {
              continue;
            }
            // one alert per silence: the key is the account and the time of its last event
            add(out, emit(s, new Silence(entry.getKey(), a.lastEventAt), now, new Alert(rule, null, entry.getKey(),
                now, Map.of("minutes", minutes(now.toEpochMilli() - a.lastEventAt.toEpochMilli()),
                    "open_orders", a.open.size(), "last_event_at", a.lastEventAt.toString()))));
          }
        }
        case ERROR_BURST -> s.prune(now);
        default -> {
        }
      }
    }
    return out;
  }

  /** Matches the rule found but not notified because of its cooldown. */
  public long suppressed(String rule) {
    return state(rule).suppressed;
  }

  /** Matches for a key the rule had already notified. */
  public long duplicates(String rule) {
    return state(rule).duplicates;
  }

  /** Orders not final, per account, as far as the notifier has seen them (bounded). */
  public int openOrders() {
    return openOrders;
  }

  private RuleState state(String rule) {
    for (RuleState s : rules) {
      if (s.rule.name().equals(rule)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no rule named " + rule);
  }

  /** The one gate every alert passes: per-key dedup, then the rule's cooldown. */
  private static Alert emit(RuleState s, Object key, Instant now, Alert alert) {
    if (key != null && s.notified.containsKey(key)) {
      s.duplicates++;
      return null;
    }
    if (s.lastAlertAt != null && now.toEpochMilli() - s.lastAlertAt.toEpochMilli() < s.rule.cooldownMs()) {
      s.suppressed++;
      return null;
    }
    if (key != null) {
      s.notified.put(key, Boolean.TRUE);
      s.trim(s.notified);
    }
    s.lastAlertAt = now;
    return alert;
  }

  private static void add(List<Alert> out, Alert a) {
    if (a != null) {
      out.add(a);
    }
  }

  private void track(OrderEvent e, Instant now) {
    if (e.account() == null) {
      return;
    }
    AccountActivity a = activity(e.account());
    a.lastEventAt = now;
    if (e.status() != null && e.status().isFinal()) {
      if (a.open.remove(e.key())) {
        openOrders--;
      }
    } else if (openOrders < maxTrackedKeys && a.open.add(e.key())) {
      openOrders++;
    }
  }

  private AccountActivity activity(String account) {
    return accounts.computeIfAbsent(account, k -> new AccountActivity());
  }

  /** Exact minutes, e.g. "10" or "0.5". */
  static String minutes(long ms) {
    BigDecimal m = BigDecimal.valueOf(ms).divide(MS_PER_MINUTE, 3, java.math.RoundingMode.DOWN).stripTrailingZeros();
    return m.scale() < 0 ? m.setScale(0).toPlainString() : m.toPlainString();
  }

  private static final class AccountActivity {
    Instant lastEventAt;
    final Set<OrderKey> open = new LinkedHashSet<>();
  }

  private record Placed(OrderEvent event, Instant since) {
  }

  private record Silence(String account, Instant lastEventAt) {
  }

  private static final class RuleState {
    final Rule rule;
    final int capacity;
    final LinkedHashMap<Object, Boolean> notified = new LinkedHashMap<>();
    final LinkedHashMap<OrderKey, Placed> placed = new LinkedHashMap<>();
    final ArrayDeque<Instant> errors = new ArrayDeque<>();
    boolean armed = true;
    Instant lastAlertAt;
    long suppressed;
    long duplicates;

    RuleState(Rule rule, int capacity) {
      this.rule = rule;
      this.capacity = capacity;
    }

    <K, V> void trim(LinkedHashMap<K, V> map) {
      Iterator<K> it = map.keySet().iterator();
      while (map.size() > capacity && it.hasNext()) {
        it.next();
        it.remove();
      }
    }

    void prune(Instant now) {
      while (!errors.isEmpty() && now.toEpochMilli() - errors.peekFirst().toEpochMilli() >= rule.windowMs()) {
        errors.pollFirst();
      }
      if (errors.size() <= rule.maxErrors()) {
        armed = true;
      }
    }
  }
}
