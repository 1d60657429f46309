package dev.ordertracker.notifier;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.config.ConfigReader;
import dev.ordertracker.notifier.rule.Rule;
import dev.ordertracker.notifier.rule.RuleEvaluator;
import dev.ordertracker.notifier.rule.RuleKind;
import dev.ordertracker.notifier.sink.SinkOptions;
import dev.ordertracker.notifier.sink.SinkType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Configuration of {@link NotifierVerticle}: the deployment's config JSON (snake_case, unknown keys refused naming
 * the key, at every level) or, for the main job, the environment ({@link #fromEnvironment}). {@link #toJson()} and
 * {@link #toString()} never show a secret.
 *
 * <pre>
 *   address_prefix      string   "orders"   events at &lt;prefix&gt;.events.&lt;TYPE&gt;, account events at &lt;prefix&gt;.account.&lt;name&gt;
 *   accounts            [string] []         account addresses to watch from the start (others: from their first order event)
 *   max_accounts        int      1000       account addresses watched at most
 *   tick_interval_ms    long     1000       how often time conditions (stale_placed, account_silent, error_burst) are checked
 *   max_tracked_orders  int      100000     orders remembered per rule (dedup, PLACED since) and open orders in total
 *   sinks               [object] required   see {@link SinkOptions}; names unique
 *   rules               [object] required   see {@link Rule}; names unique; their sinks must exist
 * </pre>
 */
public final class NotifierOptions {
  public static final String DEFAULT_ADDRESS_PREFIX = Addresses.DEFAULT_PREFIX;
  public static final int DEFAULT_MAX_ACCOUNTS = 1000;
  public static final long DEFAULT_TICK_INTERVAL_MS = 1000;
  public static final int DEFAULT_MAX_TRACKED_ORDERS = RuleEvaluator.DEFAULT_MAX_TRACKED_KEYS;

  public static final String ENV_WEBHOOK_URL = "NOTIFY_WEBHOOK_URL";
  public static final String ENV_WEBHOOK_SECRET = "NOTIFY_WEBHOOK_SECRET";
  /** The events the main job POSTs to NOTIFY_WEBHOOK_URL. */
  public static final List<EventType> ENV_EVENT_TYPES = List.of(EventType.ORDER_FILLED, EventType.ERROR_OCCURRED,
      EventType.ORDER_LOST);

  private static final Set<String> KEYS = Set.of("address_prefix", "accounts", "max_accounts", "tick_interval_ms",
      "max_tracked_orders", "sinks", "rules");

  private String addressPrefix = DEFAULT_ADDRESS_PREFIX;
  private List<String> accounts = List.of();
  private int maxAccounts = DEFAULT_MAX_ACCOUNTS;
  private long tickIntervalMs = DEFAULT_TICK_INTERVAL_MS;
  private int maxTrackedOrders = DEFAULT_MAX_TRACKED_ORDERS;
  private final List<SinkOptions> sinks = new ArrayList<>();
  private final List<Rule> rules = new ArrayList<>();

  public NotifierOptions() {
  }

  /** @throws IllegalArgumentException naming the key (with its path, e.g. {@code rules[1].min_notional}) */
  public NotifierOptions(JsonObject json) {
    ConfigReader r = ConfigReader.of(json, "", KEYS, "notifier option");
    if (r.has("address_prefix")) {
      setAddressPrefix(r.string("address_prefix"));
    }
    if (r.has("accounts")) {
      setAccounts(r.strings("accounts"));
    }
    if (r.has("max_accounts")) {
      setMaxAccounts(r.intValue("max_accounts"));
    }
    if (r.has("tick_interval_ms")) {
      setTickIntervalMs(r.longValue("tick_interval_ms"));
    }
    if (r.has("max_tracked_orders")) {
      setMaxTrackedOrders(r.intValue("max_tracked_orders"));
    }
    if (r.has("sinks")) {
      for (ConfigReader.Element e : r.objects("sinks")) {
        addSink(SinkOptions.fromJson(e.json(), e.path()));
      }
    }
    if (r.has("rules")) {
      for (ConfigReader.Element e : r.objects("rules")) {
        addRule(Rule.fromJson(e.json(), e.path()));
      }
    }
  }

  /**
   * The main job's zero-config notifier: with {@code NOTIFY_WEBHOOK_URL} set, one webhook sink ({@code webhook},
   * signed when {@code NOTIFY_WEBHOOK_SECRET} is set) and one rule ({@code main-job}) posting every ORDER_FILLED,
   * ERROR_OCCURRED and ORDER_LOST. Null when the variable is unset or blank.
   *
   * @throws IllegalArgumentException naming the variable (never echoing its value) when malformed
   */
  public static NotifierOptions fromEnvironment(Map<String, String> env) {
    String url = env.get(ENV_WEBHOOK_URL);
    if (url == null || url.isBlank()) {
      return null;
    }
    SinkOptions sink;
    try {
      sink = new SinkOptions("webhook", SinkType.WEBHOOK).setUrl(url);
      String secret = env.get(ENV_WEBHOOK_SECRET);
      if (secret != null && !secret.isBlank()) {
        sink.setSecret(secret.trim());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ENV_WEBHOOK_URL + "/" + ENV_WEBHOOK_SECRET + ": " + e.getMessage());
    }
    return new NotifierOptions().addSink(sink)
        .addRule(Rule.builder("main-job", RuleKind.EVENT).eventTypes(ENV_EVENT_TYPES).build());
  }

  /** Cross-references: at least one sink and one rule, unique names, every rule's sinks defined. */
  public NotifierOptions validate() {
    if (sinks.isEmpty()) {
      throw new IllegalArgumentException("sinks: at least one sink is required");
    }
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("rules: at least one rule is required");
    }
    Set<String> sinkNames = new HashSet<>();
    for (SinkOptions s : sinks) {
      if (!sinkNames.add(s.getName())) {
        throw new IllegalArgumentException("sinks: two sinks are named '" + s.getName() + "'");
      }
    }
    Set<String> ruleNames = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      if (!ruleNames.add(rule.name())) {
        throw new IllegalArgumentException("rules: two rules are named '" + rule.name() + "'");
      }
      if (rule.sinks() != null) {
        for (String s : rule.sinks()) {
          if (!sinkNames.contains(s)) {
            throw new IllegalArgumentException("rules[" + i + "].sinks: no sink named '" + s + "' (sinks: "
                + sinkNames.stream().sorted().toList() + ")");
          }
        }
      }
    }
    return this;
  }

  public String getAddressPrefix() {
    return addressPrefix;
  }

  public NotifierOptions setAddressPrefix(String value) {
    try {
      Addresses.withPrefix(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("address_prefix: '" + value + "' must be dot-separated words");
    }
    addressPrefix = value;
    return this;
  }

  public Addresses addresses() {
    return Addresses.withPrefix(addressPrefix);
  }

  public List<String> getAccounts() {
    return accounts;
  }

  public NotifierOptions setAccounts(List<String> value) {
    if (value == null || value.stream().anyMatch(a -> a == null || !a.matches("[A-Za-z0-9_.-]{1,64}"))) {
      throw new IllegalArgumentException("accounts: each must match [A-Za-z0-9_.-]{1,64}");
    }
    accounts = List.copyOf(value);
    return this;
  }

  public int getMaxAccounts() {
    return maxAccounts;
  }

  public NotifierOptions setMaxAccounts(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("max_accounts must be positive, was " + value);
    }
    maxAccounts = value;
    return this;
  }

  public long getTickIntervalMs() {
    return tickIntervalMs;
  }

  public NotifierOptions setTickIntervalMs(long value) {
    if (value < 10) {
      throw new IllegalArgumentException("tick_interval_ms must be at least 10, was " + value);
    }
    tickIntervalMs = value;
    return this;
  }

  public int getMaxTrackedOrders() {
    return maxTrackedOrders;
  }

  public NotifierOptions setMaxTrackedOrders(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("max_tracked_orders must be positive, was " + value);
    }
    maxTrackedOrders = value;
    return this;
  }

  public List<SinkOptions> getSinks() {
    return List.copyOf(sinks);
  }

  public NotifierOptions addSink(SinkOptions sink) {
    sinks.add(sink.validate());
    return this;
  }

  public List<Rule> getRules() {
    return List.copyOf(rules);
  }

  public NotifierOptions addRule(Rule rule) {
    rules.add(java.util.Objects.requireNonNull(rule, "rule"));
    return this;
  }

  /** Every option, secrets replaced by {@code ***} (see {@link SinkOptions#toJson()}). */
  public JsonObject toJson() {
    JsonArray sinkJson = new JsonArray();
    sinks.forEach(s -> sinkJson.add(s.toJson()));
    JsonArray ruleJson = new JsonArray();
    rules.forEach(r -> ruleJson.add(r.toJson()));
    return new JsonObject().put("address_prefix", addressPrefix).put("accounts", new JsonArray(accounts))
        .put("max_accounts", maxAccounts).put("tick_interval_ms", tickIntervalMs)
        .put("max_tracked_orders", maxTrackedOrders).put("sinks", sinkJson).put("rules", ruleJson);
  }

  @Override
  public String toString() {
    return "NotifierOptions" + toJson().encode();
  }
}
