package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;

/**
 * Counters of a tracker, with the product brief's keys ({@code total_tracked, currently_active, total_filled,
 * total_failed, total_cancelled, events_published, history_size}) plus what operators need to trust it.
 */
public record TrackerStats(long totalTracked, long currentlyActive, long totalFilled, long totalFailed,
                           long totalCancelled, long totalExpired, long totalLost, long eventsPublished,
                           long historySize, long rejectedUpdates, long duplicateUpdates, long publishFailures,
                           long lastSequence) {

  public TrackerStats(JsonObject json) {
    this(json.getLong(Fields.TOTAL_TRACKED, 0L), json.getLong(Fields.CURRENTLY_ACTIVE, 0L),
        json.getLong(Fields.TOTAL_FILLED, 0L), json.getLong(Fields.TOTAL_FAILED, 0L),
        json.getLong(Fields.TOTAL_CANCELLED, 0L), json.getLong(Fields.TOTAL_EXPIRED, 0L),
        json.getLong(Fields.TOTAL_LOST, 0L), json.getLong(Fields.EVENTS_PUBLISHED, 0L),
        json.getLong(Fields.HISTORY_SIZE, 0L), json.getLong(Fields.REJECTED_UPDATES, 0L),
        json.getLong(Fields.DUPLICATE_UPDATES, 0L), json.getLong(Fields.PUBLISH_FAILURES, 0L),
        json.getLong(Fields.LAST_SEQUENCE, 0L));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put(Fields.TOTAL_TRACKED, totalTracked)
        .put(Fields.CURRENTLY_ACTIVE, currentlyActive)
        .put(Fields.TOTAL_FILLED, totalFilled)
        .put(Fields.TOTAL_FAILED, totalFailed)
        .put(Fields.TOTAL_CANCELLED, totalCancelled)
        .put(Fields.TOTAL_EXPIRED, totalExpired)
        .put(Fields.TOTAL_LOST, totalLost)
        .put(Fields.EVENTS_PUBLISHED, eventsPublished)
        .put(Fields.HISTORY_SIZE, historySize)
        .put(Fields.REJECTED_UPDATES, rejectedUpdates)
        .put(Fields.DUPLICATE_UPDATES, duplicateUpdates)
        .put(Fields.PUBLISH_FAILURES, publishFailures)
        .put(Fields.LAST_SEQUENCE, lastSequence);
  }
}
