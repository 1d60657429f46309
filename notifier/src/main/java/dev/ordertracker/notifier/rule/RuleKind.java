package dev.ordertracker.notifier.rule;

import java.util.Locale;

/** What a rule watches. Config values are the lower-case names ({@code "stale_placed"}). */
public enum RuleKind {
  /** Each order event that passes the rule's filters (event types, statuses, account, symbol, side, sizes). */
  EVENT,
  /** An order still PLACED (nothing filled, not cancelled) {@code older_than_ms} after the notifier saw it placed. */
  STALE_PLACED,
  /** No event at all from an account for {@code silence_ms} while it has open orders. */
  ACCOUNT_SILENT,
  /** More than {@code max_errors} ERROR_OCCURRED (after the filters) within {@code window_ms}. */
  ERROR_BURST,
  /**
   * A reconciliation correction. The adapter publishes no dedicated correction event yet, so this is the signal the
   * events carry: an ORDER_LOST (always the outcome of a reconciliation), or a fill whose trade ({@code last_fill.time},
   * the exchange's trade time) happened at least {@code min_lag_ms} before the notifier received it — the
   * reconciliation publishes trades the stream missed, while live fills lag by milliseconds. Cancellations and
   * expiries found by a reconciliation carry no exchange time in the event and are not detected.
   */
  CORRECTION;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException listing the known kinds */
  public static RuleKind parse(String value, String key) {
    for (RuleKind k : values()) {
      if (k.configName().equals(value)) {
        return k;
      }
    }
    StringBuilder known = new StringBuilder();
    for (RuleKind k : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(k.configName());
    }
    throw new IllegalArgumentException(key + ": unknown rule kind '" + value + "' (known: " + known + ")");
  }
}
