package dev.ordertracker.binance.codec;

/**
 * The hot path: one pass over the characters of an executionReport frame (wrapped or bare) with the generic
 * {@link JsonSpanScanner}, then the record built from the spans by {@link ExecutionReportSlots}. This class knows the
 * frame's outer shape only: the WebSocket API wrapper {@code {"subscriptionId":N,"event":{...}}} or a bare event.
 * It accepts only what it fully understands; for anything else (other event types, escapes, nested values, a type
 * mismatch, a missing field) it answers null and {@link UserDataDecoder} hands the frame to
 * {@link StrictEventDecoder}, which is the authority. A property test checks that both agree on every frame the fast
 * path accepts.
 *
 * <p>Not thread-safe: it reuses its buffers. One instance per connection (per event-loop context).
 */
final class FastExecutionReportDecoder {
  private final ExecutionReportSlots slots = ExecutionReportSlots.INSTANCE;
  private final JsonSpanScanner scanner = new JsonSpanScanner(slots, ExecutionReportSlots.COMMON_STRINGS);

  /** The decoded frame, or null when the fast path does not apply. */
  UserDataFrame tryDecode(String text) {
    JsonSpanScanner s = scanner;
    s.reset(text);
    s.skipWs();
    if (!s.consume('{')) {
      return null;
    }
    s.skipWs();
    long subscriptionId = UserDataFrame.NO_SUBSCRIPTION;
    if (s.startsKey("subscriptionId") || s.startsKey("event")) {
      boolean haveEvent = false;
      while (true) {
        if (s.startsKey("subscriptionId")) {
          s.skip(16);
          if (!s.colon()) {
            return null;
          }
          if (s.matchWord("null")) {
            subscriptionId = UserDataFrame.NO_SUBSCRIPTION;
          } else {
            subscriptionId = s.nonNegativeLong();
            if (subscriptionId < 0) {
              return null;
            }
          }
        } else if (s.startsKey("event")) {
          s.skip(7);
          if (!s.colon() || !s.consume('{')) {
            return null;
          }
          s.skipWs();
          if (!s.members()) {
            return null;
          }
          haveEvent = true;
        } else {
          return null;
        }
        s.skipWs();
        if (s.consume(',')) {
          s.skipWs();
          continue;
        }
        if (s.consume('}')) {
          break;
        }
        return null;
      }
      if (!haveEvent) {
        return null;
      }
    } else if (!s.members()) {
      return null;
    }
    s.skipWs();
    if (!s.atEnd()) {
      return null;
    }
    ExecutionReport report = slots.build(s.spans());
    return report == null ? null : new UserDataFrame(subscriptionId, report);
  }
}
