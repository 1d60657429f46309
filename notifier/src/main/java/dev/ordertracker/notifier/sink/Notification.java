package dev.ordertracker.notifier.sink;

import dev.ordertracker.api.Timestamps;
import dev.ordertracker.notifier.rule.Alert;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Map;

/**
 * What a sink delivers: an alert rendered to text. Carries no secret (rules, events and texts never hold one).
 *
 * @param values the template values of the alert (for an email subject)
 */
public record Notification(Alert alert, String text, Map<String, Object> values) {

  public Instant at() {
    return alert.at();
  }

  /**
   * The generic webhook's body: {@code {"event": <the order event as published, or null>, "rule": {"name", "kind"},
   * "message": <text>, "account": ..., "details": {...}, "at": ISO-8601}}. Amounts in {@code event} are decimal
   * strings, as on the event bus.
   */
  public JsonObject toWebhookJson() {
    JsonObject details = new JsonObject();
    for (Map.Entry<String, Object> d : alert.details().entrySet()) {
      details.put(d.getKey(), d.getValue());
    }
    return new JsonObject()
        .put("event", alert.event() == null ? null : alert.event().toJson())
        .put("rule", new JsonObject().put("name", alert.rule().name()).put("kind", alert.rule().kind().configName()))
        .put("message", text)
        .put("account", alert.account())
        .put("details", details)
        .put("at", Timestamps.format(alert.at()));
  }
}
