package dev.ordertracker.notifier.template;

import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.notifier.rule.Alert;
import dev.ordertracker.notifier.rule.Rule;

import java.util.HashMap;
import java.util.Map;

/**
 * The values a template sees for an alert, and the default template of each kind of alert. Values: the event's
 * fields under their wire names ({@code side}, {@code quantity}, {@code filled_quantity}, {@code average_price},
 * {@code price}, {@code symbol}, {@code order_id}, {@code client_order_id}, {@code account}, {@code status},
 * {@code event_type}, {@code order_type}, {@code error_message}, {@code sequence}, {@code updated_at}), plus
 * {@code notional} (filled_quantity x average_price, exact), {@code rule}, and the condition's details
 * ({@code minutes}, {@code count}, {@code open_orders}, {@code last_event_at}, {@code lag_seconds}).
 */
public final class AlertText {
  private static final String ORDER = " (order {order_id}, account {account|-})";
  static final MessageTemplate FILLED = MessageTemplate.parse(
      "{side} {filled_quantity} {symbol} filled at {average_price:grouped}" + ORDER);
  static final MessageTemplate PARTIALLY_FILLED = MessageTemplate.parse(
      "{side} {filled_quantity} of {quantity} {symbol} partially filled at {average_price:grouped}" + ORDER);
  static final MessageTemplate PLACED = MessageTemplate.parse(
      "{side} {quantity} {symbol} {order_type} placed" + ORDER);
  static final MessageTemplate CANCELLED = MessageTemplate.parse(
      "{side} {quantity} {symbol} {status}, {filled_quantity|0} filled" + ORDER);
  static final MessageTemplate AMENDED = MessageTemplate.parse(
      "{side} {symbol} amended to {quantity}, client id {client_order_id|-}" + ORDER);
  static final MessageTemplate ERROR = MessageTemplate.parse(
      "{side} {quantity} {symbol} failed: {error_message|no reason given}" + ORDER);
  static final MessageTemplate LOST = MessageTemplate.parse(
      "{side} {quantity} {symbol} LOST: {error_message|the exchange no longer knows it}" + ORDER);
  static final MessageTemplate STALE = MessageTemplate.parse(
      "{side} {quantity} {symbol} still PLACED after {minutes} min" + ORDER);
  static final MessageTemplate SILENT = MessageTemplate.parse(
      "no event from account {account} for {minutes} min while {open_orders} order(s) are open");
  static final MessageTemplate BURST = MessageTemplate.parse(
      "{count} ERROR_OCCURRED within {minutes} min; latest: {symbol} order {order_id}: {error_message|-}");
  static final MessageTemplate CORRECTION = MessageTemplate.parse(
      "reconciliation correction: {symbol} order {order_id} {event_type} ({status}), {lag_seconds} s after the fact"
          + ", account {account|-}");

  private AlertText() {
  }

  public static Map<String, Object> values(Alert alert) {
    Map<String, Object> v = new HashMap<>();
    OrderEvent e = alert.event();
    if (e != null) {
      v.put("event_type", e.eventType().name());
      v.put("sequence", e.sequence());
      v.put("order_id", e.orderId());
      v.put("client_order_id", e.clientOrderId());
      v.put("symbol", e.symbol());
      v.put("order_type", e.orderType() == null ? null : e.orderType().name());
      v.put("side", e.side() == null ? null : e.side().name());
      v.put("quantity", e.quantity());
      v.put("price", e.price());
      v.put("status", e.status() == null ? null : e.status().name());
      v.put("filled_quantity", e.filledQuantity());
      v.put("average_price", e.averagePrice());
      v.put("notional", Rule.notional(e));
      v.put("error_message", e.errorMessage());
      v.put("updated_at", e.updatedAt() == null ? null : e.updatedAt().toString());
    }
    v.put("account", alert.account());
    v.put("rule", alert.rule().name());
    v.putAll(alert.details());
    return v;
  }

  /** The template of {@code alert}'s rule, or the default for its kind (and event type). */
  public static MessageTemplate defaultFor(Alert alert) {
    switch (alert.rule().kind()) {
      case STALE_PLACED: return STALE;
      case ACCOUNT_SILENT: return SILENT;
      case ERROR_BURST: return BURST;
      case CORRECTION: return CORRECTION;
      default: break;
    }
    switch (alert.event().eventType()) {
      case ORDER_FILLED: return FILLED;
      case ORDER_PARTIALLY_FILLED: return PARTIALLY_FILLED;
      case ORDER_PLACED: return PLACED;
      case ORDER_CANCELLED: return CANCELLED;
      case ORDER_AMENDED: return AMENDED;
      case ERROR_OCCURRED: return ERROR;
      case ORDER_LOST: return LOST;
      default: throw new IllegalStateException("unhandled event type " + alert.event().eventType());
    }
  }
}
