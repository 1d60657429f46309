package dev.ordertracker.api.store;

import dev.ordertracker.api.OrderEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The journaled events after {@code afterSequence}, in sequence order, at most the asked limit.
 *
 * <p>{@code lastSequence} is the newest journaled sequence when the page was read; {@code more} says that events
 * after this page exist (ask again from the last event's sequence). {@code truncated} says that retention already
 * removed some of the asked events: the oldest still available is {@code firstAvailableSequence}, so a client that
 * was away that long must reload state (for example the active orders) instead of replaying.
 */
public record EventsPage(long afterSequence, List<OrderEvent> events, long lastSequence, long firstAvailableSequence,
                         boolean more, boolean truncated) {

  public EventsPage {
    events = List.copyOf(events);
  }

  /** The sequence to ask from next time: the last returned event's, or {@code afterSequence} when none. */
  public long nextAfter() {
    return events.isEmpty() ? afterSequence : events.get(events.size() - 1).sequence();
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray(new ArrayList<>(events.size()));
    events.forEach(e -> array.add(e.toJson()));
    return new JsonObject()
        .put(StoreFields.AFTER_SEQUENCE, afterSequence)
        .put(StoreFields.EVENTS, array)
        .put(StoreFields.LAST_SEQUENCE, lastSequence)
        .put(StoreFields.FIRST_AVAILABLE_SEQUENCE, firstAvailableSequence)
        .put(StoreFields.MORE, more)
        .put(StoreFields.TRUNCATED, truncated);
  }

  public static EventsPage fromJson(JsonObject json) {
    JsonArray array = json.getJsonArray(StoreFields.EVENTS, new JsonArray());
    List<OrderEvent> events = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      events.add(OrderEvent.fromJson(array.getJsonObject(i)));
    }
    return new EventsPage(json.getLong(StoreFields.AFTER_SEQUENCE, 0L), events,
        json.getLong(StoreFields.LAST_SEQUENCE, 0L), json.getLong(StoreFields.FIRST_AVAILABLE_SEQUENCE, 0L),
        json.getBoolean(StoreFields.MORE, false), json.getBoolean(StoreFields.TRUNCATED, false));
  }
}
