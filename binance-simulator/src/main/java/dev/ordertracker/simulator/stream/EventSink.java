package dev.ordertracker.simulator.stream;

/** A connection events can be written to (a WebSocket API session). */
public interface EventSink {

  /** Writes one text frame. */
  void sendText(String frame);

  /**
   * Writes one text frame given as UTF-8 bytes: {@code utf8[0, length)}, copied before this returns (the caller may
   * reuse the array). Vert.x's public API writes text frames from Strings only, so this one copy is the String.
   */
  default void sendText(byte[] utf8, int length) {
    sendText(new String(utf8, 0, length, java.nio.charset.StandardCharsets.UTF_8));
  }

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
