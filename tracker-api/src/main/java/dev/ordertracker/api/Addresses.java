package dev.ordertracker.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Event-bus addresses, derived from one prefix (default {@code orders}):
 * <ul>
 *   <li>{@code <prefix>.events.<EVENT_TYPE>} — order events, one address per {@link EventType};</li>
 *   <li>{@code <prefix>.tracker} — the {@code OrderTrackerService};</li>
 *   <li>{@code <prefix>.tracker.local} — the same service, registered local-only (callers in the tracker's JVM);</li>
 *   <li>{@code <prefix>.account.<account>} — account (balance) events published by exchange adapters;</li>
 *   <li>{@code <prefix>.adapter.status} — an exchange adapter's status (request/reply, {@code "connected"}).</li>
 * </ul>
 */
public final class Addresses {
  public static final String DEFAULT_PREFIX = "orders";
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  private final String prefix;


  private Addresses(String prefix) {
    this.prefix = prefix;
  }

  public static Addresses defaults() {
    return new Addresses(DEFAULT_PREFIX);
  }

  /** @throws IllegalArgumentException when the prefix is not dot-separated words */
  public static Addresses withPrefix(String prefix) {
    Objects.requireNonNull(prefix, "address prefix");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("address prefix: '" + prefix + "' must be dot-separated words");
    }
    return new Addresses(prefix);
  }

  public String prefix() {
    return prefix;
  }

  public String event(EventType type) {
    return prefix + ".events." + type.name();
  }

  /** A regular expression matching every event address (for bridge permissions). */
  public String eventsRegex() {
    return Pattern.quote(prefix + ".events.") + "[A-Z_]+";
  }

  public String tracker() {
    return prefix + ".tracker";
  }

  /**
   * The tracker service registered local-only ({@code <prefix>.tracker.local}): a caller in the tracker's JVM (the
   * co-located exchange adapter) asks here first, so that it never depends on the cluster's view of
   * {@link #tracker()}, which right after a takeover can still name a dead node.
   */
  public String trackerLocal() {
    return tracker() + ".local";
  }

  public String account(String account) {
    return prefix + ".account." + account;
  }

  /**
   * The tracker's in-JVM ingest of {@link OrderUpdate} records and {@link OrderUpdateBatch}es
   * ({@link OrderUpdateCodec}, no JSON).
   */
  public String trackerIngest() {
    return tracker() + ".ingest";
  }

  /** Where an exchange adapter answers status requests with {@code {"connected": true|false, ...}}. */
  public String adapterStatus() {
    return prefix + ".adapter.status";
  }

  /** A regular expression matching every account address. */
  public String accountsRegex() {
    return Pattern.quote(prefix + ".account.") + "[A-Za-z0-9_.-]+";
  }
}
