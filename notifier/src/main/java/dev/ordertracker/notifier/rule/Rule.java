package dev.ordertracker.notifier.rule;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderEvent;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.config.ConfigReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One alert rule from the configuration, immutable and validated. A rule owns its filter ({@link #matches}); the
 * {@link RuleEvaluator} owns the state over time (dedup, cooldown, windows).
 *
 * <pre>
 *   name            string            required  [A-Za-z0-9_.-]{1,64}; metric label and webhook "rule.name"
 *   kind            string            "event"   event | stale_placed | account_silent | error_burst | correction
 *   event_types     [EventType]       all       the event's type must be one of these
 *   statuses        [OrderStatus]     all       the event's status must be one of these
 *   accounts        [string]          all       the event's account must be one of these
 *   symbols         [string]          all
 *   sides           [BUY|SELL]        both
 *   min_notional    decimal string    none      filled_quantity x average_price must be &gt;= this
 *   min_quantity    decimal string    none      the order's quantity must be &gt;= this
 *   cooldown_ms     long &gt;= 0         0         after a notification, the rule stays quiet this long
 *   older_than_ms   long &gt; 0          600000    stale_placed: still PLACED this long after it was seen placed
 *   silence_ms      long &gt; 0          600000    account_silent: no event from the account this long
 *   max_errors      int &gt;= 0          5         error_burst: more than this many ...
 *   window_ms       long &gt; 0          600000    error_burst: ... within this window
 *   min_lag_ms      long &gt; 0          30000     correction: a fill whose trade is at least this old
 *   sinks           [sink name]       all       where the notification goes
 *   template        string            per kind  the message text, see MessageTemplate
 * </pre>
 */
public final class Rule {
  public static final long DEFAULT_COOLDOWN_MS = 0;
  public static final long DEFAULT_OLDER_THAN_MS = 600_000;
  public static final long DEFAULT_SILENCE_MS = 600_000;
  public static final int DEFAULT_MAX_ERRORS = 5;
  public static final long DEFAULT_WINDOW_MS = 600_000;
  public static final long DEFAULT_MIN_LAG_MS = 30_000;

  static final Set<String> KEYS = Set.of("name", "kind", "event_types", "statuses", "accounts", "symbols", "sides",
      "min_notional", "min_quantity", "cooldown_ms", "older_than_ms", "silence_ms", "max_errors", "window_ms",
      "min_lag_ms", "sinks", "template");

  private final String name;
  private final RuleKind kind;
  private final Set<EventType> eventTypes;
  private final Set<OrderStatus> statuses;
  private final Set<String> accounts;
  private final Set<String> symbols;
  private final Set<OrderSide> sides;
  private final BigDecimal minNotional;
  private final BigDecimal minQuantity;
  private final long cooldownMs;
  private final long olderThanMs;
  private final long silenceMs;
  private final int maxErrors;
  private final long windowMs;
  private final long minLagMs;
  private final List<String> sinks;
  private final String template;

  Rule(RuleBuilder b) {
    this.name = b.name;
    this.kind = b.kind;
    this.eventTypes = b.eventTypes == null ? null : Set.copyOf(b.eventTypes);
    this.statuses = b.statuses == null ? null : Set.copyOf(b.statuses);
    this.accounts = b.accounts == null ? null : Set.copyOf(b.accounts);
    this.symbols = b.symbols == null ? null : Set.copyOf(b.symbols);
    this.sides = b.sides == null ? null : Set.copyOf(b.sides);
    this.minNotional = b.minNotional;
    this.minQuantity = b.minQuantity;
    this.cooldownMs = b.cooldownMs;
    this.olderThanMs = b.olderThanMs;
    this.silenceMs = b.silenceMs;
    this.maxErrors = b.maxErrors;
    this.windowMs = b.windowMs;
    this.minLagMs = b.minLagMs;
    this.sinks = b.sinks == null ? null : List.copyOf(b.sinks);
    this.template = b.template;
  }

  public static RuleBuilder builder(String name, RuleKind kind) {
    return new RuleBuilder(name, kind);
  }

  /** @throws IllegalArgumentException naming the key ({@code path + key}) */
  public static Rule fromJson(JsonObject json, String path) {
    ConfigReader r = ConfigReader.of(json, path, KEYS, "rule option");
    if (!r.has("name")) {
      throw new IllegalArgumentException(r.name("name") + " is required");
    }
    RuleBuilder b = builder(r.string("name"), r.has("kind") ? RuleKind.parse(r.string("kind"), r.name("kind"))
        : RuleKind.EVENT);
    if (r.has("event_types")) {
      b.eventTypes(r.list("event_types", v -> EventType.parse(text(v))));
    }
    if (r.has("statuses")) {
      b.statuses(r.list("statuses", v -> OrderStatus.parse(text(v))));
    }
    if (r.has("accounts")) {
      b.accounts(r.strings("accounts"));
    }
    if (r.has("symbols")) {
      b.symbols(r.strings("symbols"));
    }
    if (r.has("sides")) {
      b.sides(r.list("sides", v -> OrderSide.parse(text(v))));
    }
    if (r.has("min_notional")) {
      b.minNotional(r.decimal("min_notional"));
    }
    if (r.has("min_quantity")) {
      b.minQuantity(r.decimal("min_quantity"));
    }
    try {
      if (r.has("cooldown_ms")) {
        b.cooldownMs(r.longValue("cooldown_ms"));
      }
      if (r.has("older_than_ms")) {
        b.olderThanMs(r.longValue("older_than_ms"));
      }
      if (r.has("silence_ms")) {
        b.silenceMs(r.longValue("silence_ms"));
      }
      if (r.has("max_errors")) {
        b.maxErrors(r.intValue("max_errors"));
      }
      if (r.has("window_ms")) {
        b.windowMs(r.longValue("window_ms"));
      }
      if (r.has("min_lag_ms")) {
        b.minLagMs(r.longValue("min_lag_ms"));
      }
      if (r.has("sinks")) {
        b.sinks(r.strings("sinks"));
      }
      if (r.has("template")) {
        b.template(r.string("template"));
      }
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new IllegalArgumentException(m.startsWith(path) ? m : path + m, e);
    }
    return b.build();
  }

  private static String text(Object v) {
    if (!(v instanceof String)) {
      throw new IllegalArgumentException("expected a string, was " + v);
    }
    return (String) v;
  }

  /** The rule's filters: event type, status, account, symbol, side, minimum notional and quantity. */
  public boolean matches(OrderEvent e) {
    if (eventTypes != null && !eventTypes.contains(e.eventType())) {
      return false;
    }
    if (statuses != null && !statuses.contains(e.status())) {
      return false;
    }
    if (accounts != null && !accounts.contains(e.account())) {
      return false;
    }
    if (symbols != null && !symbols.contains(e.symbol())) {
      return false;
    }
    if (sides != null && !sides.contains(e.side())) {
      return false;
    }
    if (minQuantity != null && (e.quantity() == null || e.quantity().compareTo(minQuantity) < 0)) {
      return false;
    }
    return minNotional == null || notional(e) != null && notional(e).compareTo(minNotional) >= 0;
  }

  /** filled_quantity x average_price, exact; null when nothing is filled. */
  public static BigDecimal notional(OrderEvent e) {
    if (e.filledQuantity() == null || e.averagePrice() == null) {
      return null;
    }
    return e.filledQuantity().multiply(e.averagePrice());
  }

  /**
   * The event types this rule has to see: its {@code event_types} for {@code event} rules, fills and ORDER_LOST for
   * {@code correction}, ERROR_OCCURRED for {@code error_burst}; every type for {@code stale_placed} (an order leaves PLACED by any
   * other event) and {@code account_silent} (any event shows the account alive). The verticle subscribes to no more.
   */
  public Set<EventType> eventTypesNeeded() {
    return switch (kind) {
      case EVENT -> eventTypes != null ? eventTypes : EnumSet.allOf(EventType.class);
      case CORRECTION -> {
        EnumSet<EventType> signals = EnumSet.of(EventType.ORDER_PARTIALLY_FILLED, EventType.ORDER_FILLED,
            EventType.ORDER_LOST); // the only events that can carry the signal
        if (eventTypes != null) {
          signals.retainAll(eventTypes);
        }
        yield signals;
      }
      case ERROR_BURST -> eventTypes != null && !eventTypes.contains(EventType.ERROR_OCCURRED) ? Set.of()
          : Set.of(EventType.ERROR_OCCURRED);
      case STALE_PLACED, ACCOUNT_SILENT -> EnumSet.allOf(EventType.class);
    };
  }

  /** Whether the account filter admits {@code account} (account_silent rules). */
  public boolean admitsAccount(String account) {
    return accounts == null || accounts.contains(account);
  }

  public String name() {
    return name;
  }

  public RuleKind kind() {
    return kind;
  }

  public long cooldownMs() {
    return cooldownMs;
  }

  public long olderThanMs() {
    return olderThanMs;
  }

  public long silenceMs() {
    return silenceMs;
  }

  public int maxErrors() {
    return maxErrors;
  }

  public long windowMs() {
    return windowMs;
  }

  public long minLagMs() {
    return minLagMs;
  }

  /** Sink names, or null for every sink. */
  public List<String> sinks() {
    return sinks;
  }

  /** The configured template, or null for the kind's default. */
  public String template() {
    return template;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("name", name).put("kind", kind.configName());
    if (eventTypes != null) {
      json.put("event_types", new JsonArray(eventTypes.stream().map(Enum::name).sorted().toList()));
    }
    if (statuses != null) {
      json.put("statuses", new JsonArray(statuses.stream().map(Enum::name).sorted().toList()));
    }
    if (accounts != null) {
      json.put("accounts", new JsonArray(accounts.stream().sorted().toList()));
    }
    if (symbols != null) {
      json.put("symbols", new JsonArray(symbols.stream().sorted().toList()));
    }
    if (sides != null) {
      json.put("sides", new JsonArray(sides.stream().map(Enum::name).sorted().toList()));
    }
    if (minNotional != null) {
      json.put("min_notional", minNotional.toPlainString());
    }
    if (minQuantity != null) {
      json.put("min_quantity", minQuantity.toPlainString());
    }
    json.put("cooldown_ms", cooldownMs);
    switch (kind) {
      case STALE_PLACED -> json.put("older_than_ms", olderThanMs);
      case ACCOUNT_SILENT -> json.put("silence_ms", silenceMs);
      case ERROR_BURST -> json.put("max_errors", maxErrors).put("window_ms", windowMs);
      case CORRECTION -> json.put("min_lag_ms", minLagMs);
      default -> { }
    }
    if (sinks != null) {
      json.put("sinks", new JsonArray(sinks));
    }
    if (template != null) {
      json.put("template", template);
    }
    return json;
  }

  @Override
  public String toString() {
    return "Rule" + toJson().encode();
  }
}
