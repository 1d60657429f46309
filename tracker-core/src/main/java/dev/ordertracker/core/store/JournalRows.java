package dev.ordertracker.core.store;

import dev.ordertracker.api.Decimals;
import dev.ordertracker.api.Fill;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.api.store.JournalBatch;
import dev.ordertracker.api.store.JournalRejectedException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link JournalBatch} in the form both stores write, encoded before any transaction starts, so that a record
 * that cannot be stored fails as a {@link JournalRejectedException} (permanent: the journal quarantines it) and
 * never as a database error that looks transient.
 *
 * <p>Every amount passes {@link Decimals#bounded} again here: the tracker's entry points already refuse absurd
 * decimals, and this keeps one that slipped through from building a gigabyte plain form in the encoder.
 */
public record JournalRows(List<OrderRow> orders, List<EventRow> events, String counters, long maxSequence) {

  /** One journaled event: its sequence, the time retention files it under, its JSON. */
  public record EventRow(long sequence, long eventMillis, String doc) {
  }

  /** @throws JournalRejectedException naming the record (never its values) when one cannot be encoded */
  public static JournalRows encode(JournalBatch batch) {
    List<OrderRow> orders = new ArrayList<>(batch.orders().size());
    for (TrackedOrder order : batch.orders()) {
      try {
        checkAmounts(order);
        orders.add(OrderRow.of(order));
      } catch (RuntimeException e) {
        throw rejected("order " + order.symbol() + "/" + order.orderId(), e);
      }
    }
    List<EventRow> events = new ArrayList<>(batch.events().size());
    long maxSequence = 0;
    for (OrderEvent event : batch.events()) {
      try {
        checkAmounts(event);
        events.add(new EventRow(event.sequence(), OrderRow.eventMillis(event), StoreJson.encode(event)));
      } catch (RuntimeException e) {
        throw rejected("event #" + event.sequence(), e);
      }
      maxSequence = Math.max(maxSequence, event.sequence());
    }
    String counters = null;
    if (batch.counters() != null) {
      try {
        counters = StoreJson.encode(batch.counters());
      } catch (RuntimeException e) {
        throw rejected("counters", e);
      }
      maxSequence = Math.max(maxSequence, batch.counters().lastSequence());
    }
    return new JournalRows(orders, events, counters, maxSequence);
  }

  private static JournalRejectedException rejected(String what, RuntimeException e) {
    // The cause's message may quote a value (Decimals abbreviates it); the code and the record name are enough.
    return new JournalRejectedException(JournalRejectedException.ENCODE_FAILED, what + " cannot be encoded ("
        + e.getClass().getSimpleName() + ")", e);
  }

  private static void checkAmounts(TrackedOrder o) {
    check(o.quantity(), "quantity");
    check(o.price(), "price");
    check(o.filledQuantity(), "filled_quantity");
    check(o.averagePrice(), "average_price");
    for (Fill f : o.fills()) {
      check(f);
    }
  }

  private static void checkAmounts(OrderEvent e) {
    check(e.quantity(), "quantity");
    check(e.price(), "price");
    check(e.filledQuantity(), "filled_quantity");
    check(e.averagePrice(), "average_price");
    if (e.lastFill() != null) {
      check(e.lastFill());
    }
  }

  private static void check(Fill f) {
    check(f.quantity(), "fill quantity");
    check(f.price(), "fill price");
    check(f.quoteQuantity(), "fill quote_quantity");
    check(f.commission(), "fill commission");
  }

  private static void check(BigDecimal value, String field) {
    Decimals.bounded(value, field);
  }
}
