package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;

/**
 * The answer to an update: the outcome, the order as it is after it, the event published (if any) with its
 * sequence, and for refused updates a reason a person can read.
 */
public record UpdateResult(UpdateOutcome outcome, TrackedOrder order, EventType eventType, long sequence,
                           String reason) {

  public UpdateResult(JsonObject json) {
    this(UpdateOutcome.valueOf(WireJson.requiredString(json, Fields.OUTCOME)),
        json.getJsonObject(Fields.ORDER) == null ? null : new TrackedOrder(json.getJsonObject(Fields.ORDER)),
        json.getString(Fields.EVENT_TYPE) == null ? null : EventType.parse(json.getString(Fields.EVENT_TYPE)),
        WireJson.optLong(json, Fields.SEQUENCE, -1),
        WireJson.optString(json, Fields.REASON));
  }

  public static UpdateResult applied(TrackedOrder order, EventType eventType, long sequence) {
    return new UpdateResult(UpdateOutcome.APPLIED, order, eventType, sequence, null);
  }

  public static UpdateResult refused(UpdateOutcome outcome, TrackedOrder order, String reason) {
    return new UpdateResult(outcome, order, null, -1, reason);
  }

  public boolean applied() {
    return outcome == UpdateOutcome.APPLIED;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put(Fields.OUTCOME, outcome.name())
        .put(Fields.ORDER, order == null ? null : order.toJson())
        .put(Fields.EVENT_TYPE, eventType == null ? null : eventType.name())
        .put(Fields.SEQUENCE, sequence)
        .put(Fields.REASON, reason);
  }
}
