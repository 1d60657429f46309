package dev.ordertracker.notifier.rule;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderSide;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule evaluation over random event streams (random orders, types, accounts, symbols, sides, sizes, gaps between
 * events) against random rules (random filters, cooldowns): each order notifies exactly once per rule, on its first
 * matching event, when there is no cooldown; with a cooldown, never two notifications closer than it, never one
 * order twice, and no matching event of an unnotified order is missed once the cooldown is over.
 */
class RuleEvaluatorProperties {

  /** A stream element: the event and when the notifier receives it. */
  record Step(OrderEvent event, Instant at) {
  }

  @Provide
  Arbitrary<List<Step>> streams() {
    Arbitrary<OrderEvent> events = Combinators.combine(
        Arbitraries.of(EventType.values()),
        Arbitraries.integers().between(0, 7),
        Arbitraries.of("main", "alt"),
        Arbitraries.of("BTCUSDT", "ETHUSDT"),
        Arbitraries.of(OrderSide.values()),
        Arbitraries.of("0.5", "1", "2.50000000"),
        Arbitraries.of("0", "0.25", "1.00000000"),
        Arbitraries.of("100", "64999.02000000", "3000.5"))
      .as((type, order, account, symbol, side, qty, filled, avg) ->
          Events.event(0, type, "o" + order, account, symbol, side, qty, filled, avg, Events.T0));
    return Combinators.combine(events, Arbitraries.longs().between(0, 180_000)).as((e, gapMs) -> new Object[]{e, gapMs})
        .list().ofMinSize(1).ofMaxSize(60)
        .map(raw -> {
          List<Step> steps = new ArrayList<>();
          Instant t = Events.T0;
          long seq = 1;
          for (Object[] r : raw) {
            OrderEvent e = (OrderEvent) r[0];
            t = t.plusMillis((Long) r[1]);
            steps.add(new Step(Events.event(seq++, e.eventType(), e.orderId(), e.account(), e.symbol(), e.side(),
                e.quantity().toPlainString(), e.filledQuantity().toPlainString(), e.averagePrice().toPlainString(),
                t), t));
          }
          return steps;
        });
  }

  @Provide
  Arbitrary<Rule> rules() {
    return Combinators.combine(
        Arbitraries.of(EventType.class).set().ofMinSize(1).ofMaxSize(6).injectNull(0.3),
        Arbitraries.of("main", "alt").set().ofMinSize(1).injectNull(0.5),
        Arbitraries.of("BTCUSDT", "ETHUSDT").set().ofMinSize(1).injectNull(0.5),
        Arbitraries.of(OrderSide.class).set().ofMinSize(1).injectNull(0.5),
        Arbitraries.of("0", "10", "1000", "64999.02").injectNull(0.5),
        Arbitraries.of("0.5", "1", "2.5").injectNull(0.6),
        Arbitraries.of(0L, 0L, 30_000L, 300_000L))
      .as((types, accounts, symbols, sides, notional, quantity, cooldown) -> {
        RuleBuilder b = Rule.builder("r", RuleKind.EVENT).cooldownMs(cooldown);
        if (types != null) {
          b.eventTypes(types);
        }
        if (accounts != null) {
          b.accounts(accounts);
        }
        if (symbols != null) {
          b.symbols(symbols);
        }
        if (sides != null) {
          b.sides(sides);
        }
        if (notional != null) {
          b.minNotional(new BigDecimal(notional));
        }
        if (quantity != null) {
          b.minQuantity(new BigDecimal(quantity));
        }
        return b.build();
      });
  }

  @Property(tries = 400)
  void withoutCooldownEachMatchingOrderNotifiesExactlyOnceOnItsFirstMatch(@ForAll("streams") List<Step> stream,
                                                                         @ForAll("rules") Rule drawn) {
    Rule rule = Rule.fromJson(drawn.toJson().put("cooldown_ms", 0), "");
    RuleEvaluator evaluator = new RuleEvaluator(List.of(rule), 1000);
    List<Long> notified = new ArrayList<>();
    for (Step s : stream) {
      for (Alert a : evaluator.onOrderEvent(s.event(), s.at())) {
        assertThat(a.rule()).isSameAs(rule);
        notified.add(a.event().sequence());
      }
    }
    // the model: the first matching event of each order, by the rule's own filters recomputed here
    List<Long> expected = new ArrayList<>();
    Set<OrderKey> seen = new HashSet<>();
    for (Step s : stream) {
      if (matches(rule, drawn, s.event()) && seen.add(s.event().key())) {
        expected.add(s.event().sequence());
      }
    }
    assertThat(notified).isEqualTo(expected);
  }

  @Property(tries = 400)
  void cooldownsHoldAndNothingIsMissedOutsideThem(@ForAll("streams") List<Step> stream,
                                                  @ForAll("rules") Rule rule) {
    RuleEvaluator evaluator = new RuleEvaluator(List.of(rule), 1000);
    Map<OrderKey, Long> notifiedAt = new HashMap<>();
    Instant last = null;
    for (Step s : stream) {
      List<Alert> alerts = evaluator.onOrderEvent(s.event(), s.at());
      assertThat(alerts).hasSizeLessThanOrEqualTo(1);
      boolean eligible = matches(rule, rule, s.event()) && !notifiedAt.containsKey(s.event().key())
          && (last == null || s.at().toEpochMilli() - last.toEpochMilli() >= rule.cooldownMs());
      // notified exactly when eligible: sound (only matches, each order once, outside the cooldown) and complete
      assertThat(!alerts.isEmpty()).as("event %s at %s", s.event().sequence(), s.at()).isEqualTo(eligible);
      if (!alerts.isEmpty()) {
        if (last != null) {
          assertThat(s.at().toEpochMilli() - last.toEpochMilli()).isGreaterThanOrEqualTo(rule.cooldownMs());
        }
        last = s.at();
        notifiedAt.put(s.event().key(), s.event().sequence());
      }
    }
  }

  @Property(tries = 200)
  void aStalePlacedOrderNotifiesExactlyOnceIffItStayedPlacedPastTheThreshold(
      @ForAll("lives") List<long[]> lives) {
    long thresholdMs = 10 * 60_000;
    Rule rule = Rule.builder("stale", RuleKind.STALE_PLACED).olderThanMs(thresholdMs).build();
    RuleEvaluator evaluator = new RuleEvaluator(List.of(rule), 1000);
    // each life: [placedAtMinute, endAtMinute or -1]; ticks every minute for two hours
    List<Object[]> timeline = new ArrayList<>();
    for (int i = 0; i < lives.size(); i++) {
      long[] life = lives.get(i);
      timeline.add(new Object[]{life[0] * 60_000, Events.simple(i * 2L + 1, EventType.ORDER_PLACED, "o" + i,
          Events.T0.plusMillis(life[0] * 60_000))});
      if (life[1] >= 0) {
        timeline.add(new Object[]{life[1] * 60_000 + 1, Events.simple(i * 2L + 2, EventType.ORDER_FILLED, "o" + i,
            Events.T0.plusMillis(life[1] * 60_000 + 1))});
      }
    }
    timeline.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
    List<String> notified = new ArrayList<>();
    int next = 0;
    for (long minute = 0; minute <= 120; minute++) {
      long tick = minute * 60_000 + 30_000; // ticks half-way through each minute
      while (next < timeline.size() && (Long) timeline.get(next)[0] <= tick) {
        Object[] item = timeline.get(next++);
        assertThat(evaluator.onOrderEvent((OrderEvent) item[1], Events.T0.plusMillis((Long) item[0]))).isEmpty();
      }
      evaluator.onTick(Events.T0.plusMillis(tick)).forEach(a -> notified.add(a.event().orderId()));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < lives.size(); i++) {
      long[] life = lives.get(i);
      long placed = life[0] * 60_000;
      long end = life[1] < 0 ? Long.MAX_VALUE : life[1] * 60_000 + 1;
      // the first tick at or after placed + threshold must come before the end
      long firstTick = firstTickAtOrAfter(placed + thresholdMs);
      if (firstTick < end && firstTick <= 120 * 60_000 + 30_000) {
        expected.add("o" + i);
      }
    }
    assertThat(notified).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static long firstTickAtOrAfter(long t) {
    long minute = Math.max(0, (t - 30_000 + 59_999) / 60_000);
    return minute * 60_000 + 30_000;
  }

  /** One step of a mixed stream: an order event, an account event or a tick, at a time. */
  record Mixed(int what, OrderEvent event, String account, Instant at) {
  }

  @Provide
  Arbitrary<List<Mixed>> mixedStreams() {
    return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.of(EventType.values()),
            Arbitraries.integers().between(0, 5), Arbitraries.of("main", "alt"), Arbitraries.longs().between(0, 240_000),
            Arbitraries.longs().between(0, 600_000))
        .as((what, type, order, account, gapMs, tradeAgeMs) -> new Object[]{what, type, order, account, gapMs,
            tradeAgeMs})
        .list().ofMaxSize(80)
        .map(raw -> {
          List<Mixed> out = new ArrayList<>();
          Instant t = Events.T0;
          long seq = 1;
          for (Object[] r : raw) {
            t = t.plusMillis((Long) r[4]);
            int what = (Integer) r[0];
            OrderEvent e = Events.event(seq++, (EventType) r[1], "o" + r[2], (String) r[3], "BTCUSDT", OrderSide.BUY,
                "1", "1", "100", t);
            if (e.eventType() == EventType.ORDER_FILLED || e.eventType() == EventType.ORDER_PARTIALLY_FILLED) {
              BigDecimal one = BigDecimal.ONE;
              e = new OrderEvent(e.eventType(), e.sequence(), e.orderId(), null, e.symbol(), e.orderType(), e.side(),
                  one, one, e.status(), one, one, e.createdAt(), t, e.account(), null,
                  new dev.ordertracker.api.Fill(e.sequence(), one, one, one, BigDecimal.ZERO, "BTC", false,
                      t.minusMillis((Long) r[5])));
            }
            out.add(new Mixed(what, e, (String) r[3], t));
          }
          return out;
        });
  }

  @Property(tries = 300)
  void everyKindKeepsItsCooldownAndNotifiesAKeyOnce(@ForAll("mixedStreams") List<Mixed> stream,
                                                    @ForAll("cooldowns") List<Long> cooldowns) {
    List<Rule> rules = List.of(
        Rule.builder("event", RuleKind.EVENT).cooldownMs(cooldowns.get(0)).build(),
        Rule.builder("stale", RuleKind.STALE_PLACED).olderThanMs(300_000).cooldownMs(cooldowns.get(1)).build(),
        Rule.builder("silent", RuleKind.ACCOUNT_SILENT).silenceMs(300_000).cooldownMs(cooldowns.get(2)).build(),
        Rule.builder("burst", RuleKind.ERROR_BURST).maxErrors(1).windowMs(600_000).cooldownMs(cooldowns.get(3))
            .build(),
        Rule.builder("corr", RuleKind.CORRECTION).minLagMs(120_000).cooldownMs(cooldowns.get(4)).build());
    RuleEvaluator evaluator = new RuleEvaluator(rules, 1000);
    Map<String, Instant> last = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (Mixed m : stream) {
      List<Alert> alerts = m.what() < 6 ? evaluator.onOrderEvent(m.event(), m.at())
          : m.what() < 7 ? evaluator.onAccountEvent(m.account(), m.at()) : evaluator.onTick(m.at());
      for (Alert a : alerts) {
        Rule rule = a.rule();
        Instant previous = last.put(rule.name(), m.at());
        if (previous != null) {
          assertThat(m.at().toEpochMilli() - previous.toEpochMilli()).as(rule.name() + " cooldown")
              .isGreaterThanOrEqualTo(rule.cooldownMs());
        }
        String key = switch (rule.kind()) {
          case ACCOUNT_SILENT -> a.account() + "@" + a.details().get("last_event_at");
          case ERROR_BURST -> null; // once per burst: covered by RuleEvaluatorTest
          default -> a.event().key().toString();
        };
        if (key != null) {
          assertThat(keys.add(rule.name() + "/" + key)).as(rule.name() + " notified " + key + " twice").isTrue();
        }
        if (rule.kind() == RuleKind.CORRECTION) {
          assertThat(a.event().eventType() == EventType.ORDER_LOST || m.at().toEpochMilli()
              - a.event().lastFill().time().toEpochMilli() >= rule.minLagMs()).isTrue();
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Long>> cooldowns() {
    return Arbitraries.of(0L, 60_000L, 600_000L).list().ofSize(5);
  }

  @Provide
  Arbitrary<List<long[]>> lives() {
    return Combinators.combine(Arbitraries.longs().between(0, 90), Arbitraries.longs().between(-1, 60))
        .as((placed, duration) -> new long[]{placed, duration < 0 ? -1 : placed + duration})
        .list().ofMaxSize(12);
  }

  /** The rule's filters, restated from its configuration (so the property does not trust Rule.matches). */
  private static boolean matches(Rule rule, Rule drawn, OrderEvent e) {
    io.vertx.core.json.JsonObject c = drawn.toJson();
    if (c.containsKey("event_types") && !c.getJsonArray("event_types").contains(e.eventType().name())) {
      return false;
    }
    if (c.containsKey("accounts") && !c.getJsonArray("accounts").contains(e.account())) {
      return false;
    }
    if (c.containsKey("symbols") && !c.getJsonArray("symbols").contains(e.symbol())) {
      return false;
    }
    if (c.containsKey("sides") && !c.getJsonArray("sides").contains(e.side().name())) {
      return false;
    }
    if (c.containsKey("min_quantity")
        && e.quantity().compareTo(new BigDecimal(c.getString("min_quantity"))) < 0) {
      return false;
    }
    if (c.containsKey("min_notional")) {
      BigDecimal notional = e.filledQuantity().multiply(e.averagePrice());
      return notional.compareTo(new BigDecimal(c.getString("min_notional"))) >= 0;
    }
    return rule != null;
  }
}
