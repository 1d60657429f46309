package dev.ordertracker.notifier.sink;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes a sink's secrets from a failure message before it is logged: HTTP clients put the request URI in timeout
 * messages, and a Telegram URI holds the bot token, a Slack URI is itself the credential.
 */
final class Scrubber {
  private final List<String> secrets = new ArrayList<>();

  Scrubber(String... secrets) {
    for (String s : secrets) {
      if (s != null && !s.isEmpty()) {
        this.secrets.add(s);
      }
    }
    this.secrets.sort((a, b) -> b.length() - a.length()); // longest first: a URL before the token inside it
  }

  String scrub(Throwable failure) {
    String m = failure.getMessage() == null ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    for (String s : secrets) {
      m = m.replace(s, SinkOptions.REDACTED);
    }
    return m;
  }

  /** A failure carrying only the scrubbed message (no cause: its message and stack would carry the secret). */
  Exception failure(Throwable cause) {
    return new SinkDeliveryException(scrub(cause));
  }

  /** A delivery failure whose message holds no secret. */
  static final class SinkDeliveryException extends Exception {
    SinkDeliveryException(String message) {
      super(message, null, false, false);
    }
  }
}
