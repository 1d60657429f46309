package dev.ordertracker.notifier.rule;

import dev.ordertracker.api.OrderEvent;

import java.time.Instant;
import java.util.Map;

/**
 * One decision of the {@link RuleEvaluator}: rule {@code rule} fired at {@code at}.
 *
 * @param event    the order event that fired it, or null (an account that went silent)
 * @param account  the account concerned, when known
 * @param details  condition values for templates and webhook bodies ({@code minutes}, {@code count},
 *                 {@code open_orders}, {@code lag_seconds}); numbers or strings, never secrets
 */
public record Alert(Rule rule, OrderEvent event, String account, Instant at, Map<String, Object> details) {
  public Alert {
    details = Map.copyOf(details);
  }
}
