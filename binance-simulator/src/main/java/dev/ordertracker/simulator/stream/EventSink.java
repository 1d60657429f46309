package dev.ordertracker.simulator.stream;

/** A connection events can be written to (a WebSocket API session). */
public interface EventSink {

  /** Writes one text frame. */
  void sendText(String frame);

  /** Writes the event wrapped as {@code {"subscriptionId":N,"event":{...}}}. */
  default void sendEvent(int subscriptionId, String eventJson) {
    sendText("{\"subscriptionId\":" + subscriptionId + ",\"event\":" + eventJson + "}");
  }

  /** True when the connection's write queue is full: wait for {@link #onDrain}. */
  boolean writeQueueFull();

  /** Runs {@code action} once the write queue has drained. */
  void onDrain(Runnable action);

  boolean isClosed();
}
