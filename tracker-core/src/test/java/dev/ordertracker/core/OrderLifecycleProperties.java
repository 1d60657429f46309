package dev.ordertracker.core;

import dev.ordertracker.api.Fill;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderKey;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.OrderUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.UpdateOutcome;
import dev.ordertracker.api.UpdateResult;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random order lives as an exchange reports them (NEW, trades, one final report), then shuffled, duplicated and
 * partly dropped, applied to a core. Invariants: a final status is never left, the filled quantity never
 * decreases, exactly one event per real change (sequence +1 each), refused updates change nothing, and the
 * tracker ends with the largest reported quantity and, when the final report arrived, its status.
 */
class OrderLifecycleProperties {
  private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT"};
  private static final Instant T = Instant.parse("2024-01-15T10:30:00.000Z");

  @Property(tries = 300)
  void invariantsHoldUnderShuffleDuplicateAndDrop(@ForAll @IntRange(min = 1, max = 6) int orderCount,
                                                  @ForAll long seed,
                                                  @ForAll @IntRange(min = 0, max = 40) int dropPercent,
                                                  @ForAll @IntRange(min = 0, max = 60) int duplicatePercent,
                                                  @ForAll boolean trackFirst) {
    Random random = new Random(seed);
    RecordingSink sink = new RecordingSink();
    OrderTrackerCore core = OrderTrackerCore.builder().maxHistorySize(1000).sink(sink).clock(() -> T).build();

    List<OrderUpdate> all = new ArrayList<>();
    Map<OrderKey, List<OrderUpdate>> lives = new HashMap<>();
    for (int i = 0; i < orderCount; i++) {
      // ids collide across symbols on purpose: identity is (symbol, id)
      OrderKey key = new OrderKey(SYMBOLS[i % 2], Integer.toString(i / 2));
      List<OrderUpdate> life = life(key, random);
      lives.put(key, life);
      all.addAll(life);
      if (trackFirst) {
        core.trackOrder(NewOrder.of(key.orderId(), key.symbol(), OrderType.LIMIT, OrderSide.BUY, new BigDecimal("10")));
      }
    }
    List<OrderUpdate> delivered = new ArrayList<>();
    for (OrderUpdate u : all) {
      if (random.nextInt(100) < dropPercent) {
        continue;
      }
      delivered.add(u);
      if (random.nextInt(100) < duplicatePercent) {
        delivered.add(u);
      }
    }
    Collections.shuffle(delivered, random);

    long appliedWithEvent = 0;
    for (OrderUpdate u : delivered) {
      TrackedOrder before = find(core, u.key());
      int eventsBefore = sink.events.size();
      UpdateResult result = core.applyUpdate(u);
      TrackedOrder after = result.order();
      int published = sink.events.size() - eventsBefore;

      if (before != null) {
        if (before.isFinal()) {
          assertThat(after.status()).as("final status is never left").isEqualTo(before.status());
        }
        assertThat(after.filledQuantity()).as("filled never decreases")
            .isGreaterThanOrEqualTo(before.filledQuantity());
      }
      if (result.outcome() != UpdateOutcome.APPLIED) {
        assertThat(published).isZero();
        if (result.outcome() == UpdateOutcome.STALE && u.lastFill() != null && before != null
            && after.fills().size() == before.fills().size() + 1) {
          // a reordered report's unrecorded trade is kept: exactly that fill, nothing else changes
          assertThat(after.fills().get(after.fills().size() - 1).tradeId()).isEqualTo(u.lastFill().tradeId());
          assertThat(after.fills().subList(0, before.fills().size())).isEqualTo(before.fills());
          assertThat(new TrackedOrder(after.toJson().put("fills", before.toJson().getJsonArray("fills"))))
              .as("a stale report changes nothing but its missing fill").isEqualTo(before);
        } else {
          assertThat(after).as("refused updates change nothing").isEqualTo(before);
        }
      } else if (result.eventType() == null) {
        // late fill: recorded, no event, status unchanged
        assertThat(published).isZero();
        assertThat(before).isNotNull();
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.filledQuantity()).isGreaterThan(before.filledQuantity());
      } else {
        assertThat(published).isEqualTo(1);
        appliedWithEvent++;
        assertThat(sink.events.get(sink.events.size() - 1).sequence()).isEqualTo(appliedWithEvent);
        if (before != null) {
          assertThat(after.status() != before.status()
              || after.filledQuantity().compareTo(before.filledQuantity()) != 0)
              .as("an event reports a real change").isTrue();
        }
      }
    }
    assertThat(sink.events).hasSize((int) appliedWithEvent);
    assertThat(core.stats().lastSequence()).isEqualTo(appliedWithEvent);

    for (Map.Entry<OrderKey, List<OrderUpdate>> e : lives.entrySet()) {
      List<OrderUpdate> arrived = delivered.stream().filter(u -> u.key().equals(e.getKey())).toList();
      TrackedOrder end = find(core, e.getKey());
      if (arrived.isEmpty()) {
        assertThat(end == null || end.status() == OrderStatus.PENDING).isTrue();
        continue;
      }
      BigDecimal maxFilled = arrived.stream().map(OrderUpdate::cumulativeFilledQuantity)
          .max(BigDecimal::compareTo).orElseThrow();
      assertThat(end.filledQuantity()).isEqualByComparingTo(maxFilled);
      OrderUpdate finalReport = e.getValue().get(e.getValue().size() - 1);
      if (arrived.contains(finalReport)) {
        assertThat(end.status()).isEqualTo(finalReport.status());
      }
      assertThat(end.fills()).extracting(Fill::tradeId).doesNotHaveDuplicates();
    }
  }

  private static TrackedOrder find(OrderTrackerCore core, OrderKey key) {
    try {
      return core.getOrder(key.orderId(), key.symbol());
    } catch (TrackerException e) {
      return null;
    }
  }

  /** What an exchange sends for one order: NEW, some trades, one final report (or a rejection). */
  private static List<OrderUpdate> life(OrderKey key, Random random) {
    List<OrderUpdate> out = new ArrayList<>();
    BigDecimal quantity = new BigDecimal("10");
    int exec = 0;
    if (random.nextInt(10) == 0) {
      out.add(report(key, OrderStatus.FAILED, BigDecimal.ZERO, BigDecimal.ZERO, null, exec));
      return out;
    }
    out.add(report(key, OrderStatus.PLACED, BigDecimal.ZERO, BigDecimal.ZERO, null, exec++));
    int trades = random.nextInt(5);
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    boolean completes = random.nextBoolean();
    for (int t = 1; t <= trades; t++) {
      boolean last = t == trades && completes;
      BigDecimal qty = last ? quantity.subtract(filled) : BigDecimal.ONE;
      BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(10));
      filled = filled.add(qty);
      quote = quote.add(qty.multiply(price));
      Fill fill = new Fill(t, qty, price, null, null, null, false, T);
      out.add(report(key, last ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, filled, quote, fill, exec++));
    }
    if (!(completes && trades > 0)) {
      OrderStatus end = random.nextBoolean() ? OrderStatus.CANCELLED : OrderStatus.EXPIRED;
      if (trades > 0 && random.nextInt(10) < 4) {
        // a cancel response that did not see the last trade yet: the tracker may learn the final status with a
        // smaller quantity, then the trade (race 2: a late fill), then the stream's own final report
        BigDecimal before = filled.subtract(BigDecimal.ONE);
        out.add(report(key, end, before, before.signum() == 0 ? BigDecimal.ZERO : null, null, exec++));
      }
      out.add(report(key, end, filled, quote, null, exec));
    }
    return out;
  }

  private static OrderUpdate report(OrderKey key, OrderStatus status, BigDecimal filled, BigDecimal quote, Fill fill,
                                    int exec) {
    return OrderUpdate.builder(key.symbol(), key.orderId(), status).cumulative(filled, quote).lastFill(fill)
        .executionId(key + "#" + exec).order(OrderType.LIMIT, OrderSide.BUY, new BigDecimal("10"), null).build();
  }
}
