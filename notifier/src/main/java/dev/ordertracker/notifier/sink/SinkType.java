package dev.ordertracker.notifier.sink;

import java.util.Locale;

/** The kinds of sink. Config values and the {@code type} metric label are the lower-case names. */
public enum SinkType {
  /** HTTP POST of JSON {event, rule, message, ...}, optionally signed ({@code X-Signature}). */
  WEBHOOK,
  /** Slack incoming webhook: POST {"text": ...}. */
  SLACK,
  /** Telegram Bot API sendMessage: POST {"chat_id", "text"} to {api_url}/bot{token}/sendMessage. */
  TELEGRAM,
  /** Email through SMTP (vertx-mail-client). */
  EMAIL;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SinkType parse(String value, String key) {
    for (SinkType t : values()) {
      if (t.configName().equals(value)) {
        return t;
      }
    }
    throw new IllegalArgumentException(key + ": unknown sink type '" + value
        + "' (known: webhook, slack, telegram, email)");
  }
}
