package dev.ordertracker.notifier.rule;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds a {@link Rule}, validating each value; errors name the configuration key. Defaults: {@code Rule.DEFAULT_*}. */
public final class RuleBuilder {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  final String name;
  final RuleKind kind;
  Set<EventType> eventTypes;
  Set<OrderStatus> statuses;
  Set<String> accounts;
  Set<String> symbols;
  Set<OrderSide> sides;
  BigDecimal minNotional;
  BigDecimal minQuantity;
  long cooldownMs = Rule.DEFAULT_COOLDOWN_MS;
  long olderThanMs = Rule.DEFAULT_OLDER_THAN_MS;
  long silenceMs = Rule.DEFAULT_SILENCE_MS;
  int maxErrors = Rule.DEFAULT_MAX_ERRORS;
  long windowMs = Rule.DEFAULT_WINDOW_MS;
  long minLagMs = Rule.DEFAULT_MIN_LAG_MS;
  List<String> sinks;
  String template;

  RuleBuilder(String name, RuleKind kind) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name: '" + name + "' must match " + NAME.pattern());
    }
    this.name = name;
    this.kind = java.util.Objects.requireNonNull(kind, "kind");
  }

  public RuleBuilder eventTypes(java.util.Collection<EventType> value) {
    eventTypes = nonEmpty(value, "event_types", EventType.class);
    return this;
  }

  public RuleBuilder statuses(java.util.Collection<OrderStatus> value) {
    statuses = nonEmpty(value, "statuses", OrderStatus.class);
    return this;
  }

  public RuleBuilder accounts(java.util.Collection<String> value) {
    accounts = Set.copyOf(nonEmptyList(value, "accounts"));
    return this;
  }

  public RuleBuilder symbols(java.util.Collection<String> value) {
    symbols = Set.copyOf(nonEmptyList(value, "symbols"));
    return this;
  }

  public RuleBuilder sides(java.util.Collection<OrderSide> value) {
    sides = nonEmpty(value, "sides", OrderSide.class);
    return this;
  }

  public RuleBuilder minNotional(BigDecimal value) {
    minNotional = dev.ordertracker.api.Decimals.nonNegative(value, "min_notional");
    return this;
  }

  public RuleBuilder minQuantity(BigDecimal value) {
    minQuantity = dev.ordertracker.api.Decimals.nonNegative(value, "min_quantity");
    return this;
  }

  public RuleBuilder cooldownMs(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("cooldown_ms must not be negative, was " + value);
    }
    cooldownMs = value;
    return this;
  }

  public RuleBuilder olderThanMs(long value) {
    olderThanMs = positive(value, "older_than_ms");
    return this;
  }

  public RuleBuilder silenceMs(long value) {
    silenceMs = positive(value, "silence_ms");
    return this;
  }

  public RuleBuilder maxErrors(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("max_errors must not be negative, was " + value);
    }
    maxErrors = value;
    return this;
  }

  public RuleBuilder windowMs(long value) {
    windowMs = positive(value, "window_ms");
    return this;
  }

  public RuleBuilder minLagMs(long value) {
    minLagMs = positive(value, "min_lag_ms");
    return this;
  }

  public RuleBuilder sinks(java.util.Collection<String> value) {
    sinks = List.copyOf(nonEmptyList(value, "sinks"));
    return this;
  }

  public RuleBuilder template(String value) {
    if (value == null || value.isBlank() || value.length() > 2000) {
      throw new IllegalArgumentException("template: must be non-blank and at most 2000 characters");
    }
    dev.ordertracker.notifier.template.MessageTemplate.parse(value); // refuses a malformed template now
    template = value;
    return this;
  }

  public Rule build() {
    return new Rule(this);
  }

  private static long positive(long value, String key) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, was " + value);
    }
    return value;
  }

  private static <E extends Enum<E>> Set<E> nonEmpty(java.util.Collection<E> value, String key, Class<E> type) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(key + ": at least one value is required (omit the key for all)");
    }
    return EnumSet.copyOf(value);
  }

  private static java.util.Collection<String> nonEmptyList(java.util.Collection<String> value, String key) {
    if (value == null || value.isEmpty() || value.stream().anyMatch(s -> s == null || s.isBlank())) {
      throw new IllegalArgumentException(key + ": at least one non-blank value is required (omit the key for all)");
    }
    return value;
  }
}
