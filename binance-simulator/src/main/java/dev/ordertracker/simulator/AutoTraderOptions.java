package dev.ordertracker.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Auto-trader settings. JSON keys: {@code enabled, account, symbols, ordersPerSecond}. */
public final class AutoTraderOptions {

  public static final boolean DEFAULT_ENABLED = false;
  public static final double DEFAULT_ORDERS_PER_SECOND = 2.0;
  private static final Set<String> KEYS = Set.of("enabled", "account", "symbols", "ordersPerSecond");

  private boolean enabled = DEFAULT_ENABLED;
  private String account = AccountOptions.DEMO_NAME;
  private List<String> symbols = new ArrayList<>(List.of("BTCUSDT", "ETHUSDT", "BNBUSDT"));
  private double ordersPerSecond = DEFAULT_ORDERS_PER_SECOND;

  public AutoTraderOptions() {
  }

  public AutoTraderOptions(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("Unknown autoTrader option '" + key + "'; known: " + KEYS);
      }
    }
    enabled = json.getBoolean("enabled", DEFAULT_ENABLED);
    account = json.getString("account", account);
    if (json.containsKey("symbols")) {
      symbols = new ArrayList<>();
      for (Object s : json.getJsonArray("symbols")) {
        symbols.add(String.valueOf(s));
      }
    }
    setOrdersPerSecond(json.getDouble("ordersPerSecond", DEFAULT_ORDERS_PER_SECOND));
  }

  public JsonObject toJson() {
    return new JsonObject().put("enabled", enabled).put("account", account).put("symbols", new JsonArray(symbols))
        .put("ordersPerSecond", ordersPerSecond);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public AutoTraderOptions setEnabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  public String getAccount() {
    return account;
  }

  public AutoTraderOptions setAccount(String account) {
    this.account = account;
    return this;
  }

  public List<String> getSymbols() {
    return symbols;
  }

  public AutoTraderOptions setSymbols(List<String> symbols) {
    this.symbols = new ArrayList<>(symbols);
    return this;
  }

  public double getOrdersPerSecond() {
    return ordersPerSecond;
  }

  public AutoTraderOptions setOrdersPerSecond(double ordersPerSecond) {
    if (!(ordersPerSecond > 0) || ordersPerSecond > 10_000) {
      throw new IllegalArgumentException("autoTrader.ordersPerSecond must be in (0, 10000]: " + ordersPerSecond);
    }
    this.ordersPerSecond = ordersPerSecond;
    return this;
  }
}
