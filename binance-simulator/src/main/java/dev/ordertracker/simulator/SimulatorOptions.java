package dev.ordertracker.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Options of the {@link BinanceSimulator}. Built fluently or from JSON (the {@link SimulatorVerticle}
 * deployment config); unknown keys are rejected, values validated by {@link #validate()}.
 */
public final class SimulatorOptions {

  public static final int DEFAULT_PORT = 0;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final long DEFAULT_PING_INTERVAL_MS = 20_000;
  public static final long DEFAULT_PONG_TIMEOUT_MS = 60_000;
  public static final long DEFAULT_MAX_CONNECTION_AGE_MS = 86_400_000;
  public static final boolean DEFAULT_STREAM_BEFORE_RESPONSE = true;
  public static final boolean DEFAULT_INCLUDE_DEMO_ACCOUNT = true;
  public static final long DEFAULT_PRICE_WALK_INTERVAL_MS = 1_000;
  public static final long DEFAULT_SEED = 42L;
  public static final BigDecimal DEFAULT_COMMISSION_RATE = new BigDecimal("0.001");
  public static final long DEFAULT_FORGET_FINISHED_MARKET_ORDERS_AFTER_MS = -1;
  public static final boolean DEFAULT_ADMIN_ENABLED = true;
  public static final boolean DEFAULT_BOOK_MATCHING = false;
  public static final String DEFAULT_SELF_TRADE_PREVENTION_MODE = "NONE";
  public static final int DEFAULT_REQUEST_WEIGHT_PER_MINUTE = 6000;
  public static final int DEFAULT_CONNECTIONS_PER_FIVE_MINUTES = 300;
  private static final Set<String> STP_MODES = Set.of("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH",
      "DECREMENT", "TRANSFER");

  private static final Set<String> KEYS = Set.of("port", "host", "pingIntervalMs", "pongTimeoutMs",
      "maxConnectionAgeMs", "streamBeforeResponse", "includeDemoAccount", "accounts", "symbols", "autoTrader",
      "seed", "priceWalkIntervalMs", "commissionRate", "forgetFinishedMarketOrdersAfterMs", "adminEnabled",
      "bookMatching", "defaultSelfTradePreventionMode", "requestWeightPerMinute", "connectionsPerFiveMinutes");

  private int port = DEFAULT_PORT;
  private String host = DEFAULT_HOST;
  private long pingIntervalMs = DEFAULT_PING_INTERVAL_MS;
  private long pongTimeoutMs = DEFAULT_PONG_TIMEOUT_MS;
  private long maxConnectionAgeMs = DEFAULT_MAX_CONNECTION_AGE_MS;
  private boolean streamBeforeResponse = DEFAULT_STREAM_BEFORE_RESPONSE;
  private boolean includeDemoAccount = DEFAULT_INCLUDE_DEMO_ACCOUNT;
  private final List<AccountOptions> accounts = new ArrayList<>();
  private List<SymbolOptions> symbols = defaultSymbols();
  private AutoTraderOptions autoTrader = new AutoTraderOptions();
  private long seed = DEFAULT_SEED;
  private long priceWalkIntervalMs = DEFAULT_PRICE_WALK_INTERVAL_MS;
  private BigDecimal commissionRate = DEFAULT_COMMISSION_RATE;
  private long forgetFinishedMarketOrdersAfterMs = DEFAULT_FORGET_FINISHED_MARKET_ORDERS_AFTER_MS;
  private boolean adminEnabled = DEFAULT_ADMIN_ENABLED;
  private boolean bookMatching = DEFAULT_BOOK_MATCHING;
  private String defaultSelfTradePreventionMode = DEFAULT_SELF_TRADE_PREVENTION_MODE;
  private int requestWeightPerMinute = DEFAULT_REQUEST_WEIGHT_PER_MINUTE;
  private int connectionsPerFiveMinutes = DEFAULT_CONNECTIONS_PER_FIVE_MINUTES;

  public SimulatorOptions() {
  }

  public SimulatorOptions(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("Unknown simulator option '" + key + "'; known options: "
            + new java.util.TreeSet<>(KEYS));
      }
    }
    setPort(json.getInteger("port", DEFAULT_PORT));
    setHost(json.getString("host", DEFAULT_HOST));
    setPingIntervalMs(json.getLong("pingIntervalMs", DEFAULT_PING_INTERVAL_MS));
    setPongTimeoutMs(json.getLong("pongTimeoutMs", DEFAULT_PONG_TIMEOUT_MS));
    setMaxConnectionAgeMs(json.getLong("maxConnectionAgeMs", DEFAULT_MAX_CONNECTION_AGE_MS));
    setStreamBeforeResponse(json.getBoolean("streamBeforeResponse", DEFAULT_STREAM_BEFORE_RESPONSE));
    setIncludeDemoAccount(json.getBoolean("includeDemoAccount", DEFAULT_INCLUDE_DEMO_ACCOUNT));
    for (Object a : json.getJsonArray("accounts", new JsonArray())) {
      addAccount(new AccountOptions((JsonObject) a));
    }
    if (json.containsKey("symbols")) {
      List<SymbolOptions> list = new ArrayList<>();
      for (Object s : json.getJsonArray("symbols")) {
        list.add(new SymbolOptions((JsonObject) s));
      }
      setSymbols(list);
    }
    if (json.containsKey("autoTrader")) {
      setAutoTrader(new AutoTraderOptions(json.getJsonObject("autoTrader")));
    }
    setSeed(json.getLong("seed", DEFAULT_SEED));
    setPriceWalkIntervalMs(json.getLong("priceWalkIntervalMs", DEFAULT_PRICE_WALK_INTERVAL_MS));
    if (json.containsKey("commissionRate")) {
      setCommissionRate(new BigDecimal(String.valueOf(json.getValue("commissionRate"))));
    }
    setForgetFinishedMarketOrdersAfterMs(json.getLong("forgetFinishedMarketOrdersAfterMs",
        DEFAULT_FORGET_FINISHED_MARKET_ORDERS_AFTER_MS));
    setAdminEnabled(json.getBoolean("adminEnabled", DEFAULT_ADMIN_ENABLED));
    setBookMatching(json.getBoolean("bookMatching", DEFAULT_BOOK_MATCHING));
    setDefaultSelfTradePreventionMode(json.getString("defaultSelfTradePreventionMode",
        DEFAULT_SELF_TRADE_PREVENTION_MODE));
    setRequestWeightPerMinute(json.getInteger("requestWeightPerMinute", DEFAULT_REQUEST_WEIGHT_PER_MINUTE));
    setConnectionsPerFiveMinutes(json.getInteger("connectionsPerFiveMinutes", DEFAULT_CONNECTIONS_PER_FIVE_MINUTES));
    validate();
  }

  public static List<SymbolOptions> defaultSymbols() {
    List<SymbolOptions> list = new ArrayList<>();
    list.add(new SymbolOptions("BTCUSDT", "BTC", "USDT", "60000.00", "0.01", "0.00001"));
    list.add(new SymbolOptions("ETHUSDT", "ETH", "USDT", "3000.00", "0.01", "0.0001"));
    list.add(new SymbolOptions("BNBUSDT", "BNB", "USDT", "600.00", "0.01", "0.001"));
    return list;
  }

  /** The accounts the simulator serves: the demo account (unless disabled) and the configured ones. */
  public List<AccountOptions> effectiveAccounts() {
    List<AccountOptions> all = new ArrayList<>();
    if (includeDemoAccount) {
      all.add(AccountOptions.demo());
    }
    all.addAll(accounts);
    return all;
  }

  public SimulatorOptions validate() {
    Set<String> names = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (AccountOptions a : effectiveAccounts()) {
      a.validate();
      if (!names.add(a.getName())) {
        throw new IllegalArgumentException("duplicate account name '" + a.getName() + "'");
      }
      if (!keys.add(a.getApiKey())) {
        throw new IllegalArgumentException("duplicate apiKey for account '" + a.getName() + "'");
      }
    }
    Set<String> syms = new HashSet<>();
    for (SymbolOptions s : symbols) {
      s.validate();
      if (!syms.add(s.getSymbol())) {
        throw new IllegalArgumentException("duplicate symbol " + s.getSymbol());
      }
    }
    if (syms.isEmpty()) {
      throw new IllegalArgumentException("at least one symbol is required");
    }
    for (String s : autoTrader.getSymbols()) {
      if (autoTrader.isEnabled() && !syms.contains(s)) {
        throw new IllegalArgumentException("autoTrader symbol " + s + " is not a configured symbol");
      }
    }
    if (autoTrader.isEnabled() && !names.contains(autoTrader.getAccount())) {
      throw new IllegalArgumentException("autoTrader account " + autoTrader.getAccount() + " is not configured");
    }
    return this;
  }

  public JsonObject toJson() {
    JsonArray acc = new JsonArray();
    accounts.forEach(a -> acc.add(a.toJson()));
    JsonArray sym = new JsonArray();
    symbols.forEach(s -> sym.add(s.toJson()));
    return new JsonObject().put("port", port).put("host", host).put("pingIntervalMs", pingIntervalMs)
        .put("pongTimeoutMs", pongTimeoutMs).put("maxConnectionAgeMs", maxConnectionAgeMs)
        .put("streamBeforeResponse", streamBeforeResponse).put("includeDemoAccount", includeDemoAccount)
        .put("accounts", acc).put("symbols", sym).put("autoTrader", autoTrader.toJson()).put("seed", seed)
        .put("priceWalkIntervalMs", priceWalkIntervalMs).put("commissionRate", commissionRate.toPlainString())
        .put("forgetFinishedMarketOrdersAfterMs", forgetFinishedMarketOrdersAfterMs)
        .put("adminEnabled", adminEnabled).put("bookMatching", bookMatching)
        .put("defaultSelfTradePreventionMode", defaultSelfTradePreventionMode)
        .put("requestWeightPerMinute", requestWeightPerMinute)
        .put("connectionsPerFiveMinutes", connectionsPerFiveMinutes);
  }

  private static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0: " + value);
    }
    return value;
  }

  public int getPort() {
    return port;
  }

  /** Port to listen on; 0 picks an ephemeral port. */
  public SimulatorOptions setPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
    }
    this.port = port;
    return this;
  }

  public String getHost() {
    return host;
  }

  public SimulatorOptions setHost(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    this.host = host;
    return this;
  }

  public long getPingIntervalMs() {
    return pingIntervalMs;
  }

  public SimulatorOptions setPingIntervalMs(long pingIntervalMs) {
    this.pingIntervalMs = positive("pingIntervalMs", pingIntervalMs);
    return this;
  }

  public long getPongTimeoutMs() {
    return pongTimeoutMs;
  }

  public SimulatorOptions setPongTimeoutMs(long pongTimeoutMs) {
    this.pongTimeoutMs = positive("pongTimeoutMs", pongTimeoutMs);
    return this;
  }

  public long getMaxConnectionAgeMs() {
    return maxConnectionAgeMs;
  }

  public SimulatorOptions setMaxConnectionAgeMs(long maxConnectionAgeMs) {
    this.maxConnectionAgeMs = positive("maxConnectionAgeMs", maxConnectionAgeMs);
    return this;
  }

  public boolean isStreamBeforeResponse() {
    return streamBeforeResponse;
  }

  /** When true (default) the events of a request reach the stream before the request's response. */
  public SimulatorOptions setStreamBeforeResponse(boolean streamBeforeResponse) {
    this.streamBeforeResponse = streamBeforeResponse;
    return this;
  }

  public boolean isIncludeDemoAccount() {
    return includeDemoAccount;
  }

  public SimulatorOptions setIncludeDemoAccount(boolean includeDemoAccount) {
    this.includeDemoAccount = includeDemoAccount;
    return this;
  }

  public List<AccountOptions> getAccounts() {
    return accounts;
  }

  public SimulatorOptions addAccount(AccountOptions account) {
    accounts.add(account);
    return this;
  }

  public List<SymbolOptions> getSymbols() {
    return symbols;
  }

  public SimulatorOptions setSymbols(List<SymbolOptions> symbols) {
    this.symbols = new ArrayList<>(symbols);
    return this;
  }

  public AutoTraderOptions getAutoTrader() {
    return autoTrader;
  }

  public SimulatorOptions setAutoTrader(AutoTraderOptions autoTrader) {
    this.autoTrader = autoTrader;
    return this;
  }

  public long getSeed() {
    return seed;
  }

  public SimulatorOptions setSeed(long seed) {
    this.seed = seed;
    return this;
  }

  public long getPriceWalkIntervalMs() {
    return priceWalkIntervalMs;
  }

  /** Interval of the reference-price random walk; 0 turns the walk off (prices move only by setPrice). */
  public SimulatorOptions setPriceWalkIntervalMs(long priceWalkIntervalMs) {
    if (priceWalkIntervalMs < 0) {
      throw new IllegalArgumentException("priceWalkIntervalMs must be >= 0: " + priceWalkIntervalMs);
    }
    this.priceWalkIntervalMs = priceWalkIntervalMs;
    return this;
  }

  public BigDecimal getCommissionRate() {
    return commissionRate;
  }

  public SimulatorOptions setCommissionRate(BigDecimal commissionRate) {
    if (commissionRate.signum() < 0 || commissionRate.compareTo(new BigDecimal("0.1")) > 0) {
      throw new IllegalArgumentException("commissionRate must be in [0, 0.1]: " + commissionRate);
    }
    this.commissionRate = commissionRate;
    return this;
  }

  public long getForgetFinishedMarketOrdersAfterMs() {
    return forgetFinishedMarketOrdersAfterMs;
  }

  /**
   * After this many ms a finished MARKET / IOC / FOK order is no longer found by order queries (-2013), while
   * myTrades still returns its trades. -1 (default) = never.
   */
  public SimulatorOptions setForgetFinishedMarketOrdersAfterMs(long ms) {
    if (ms < -1) {
      throw new IllegalArgumentException("forgetFinishedMarketOrdersAfterMs must be >= -1: " + ms);
    }
    this.forgetFinishedMarketOrdersAfterMs = ms;
    return this;
  }

  public boolean isAdminEnabled() {
    return adminEnabled;
  }

  public SimulatorOptions setAdminEnabled(boolean adminEnabled) {
    this.adminEnabled = adminEnabled;
    return this;
  }

  public boolean isBookMatching() {
    return bookMatching;
  }

  /**
   * When true, a taker also meets the resting orders of the book (of every account) before the synthetic liquidity
   * at the same price, so orders of one account can meet each other and self-trade prevention happens. Off by
   * default: orders of different accounts (and of the auto-trader) never trade with each other.
   */
  public SimulatorOptions setBookMatching(boolean bookMatching) {
    this.bookMatching = bookMatching;
    return this;
  }

  public String getDefaultSelfTradePreventionMode() {
    return defaultSelfTradePreventionMode;
  }

  /** The symbols' {@code defaultSelfTradePreventionMode}: NONE, EXPIRE_TAKER, EXPIRE_MAKER, EXPIRE_BOTH, DECREMENT, TRANSFER. */
  public SimulatorOptions setDefaultSelfTradePreventionMode(String mode) {
    if (mode == null || !STP_MODES.contains(mode)) {
      throw new IllegalArgumentException("defaultSelfTradePreventionMode must be one of " + STP_MODES + ": " + mode);
    }
    this.defaultSelfTradePreventionMode = mode;
    return this;
  }

  public int getRequestWeightPerMinute() {
    return requestWeightPerMinute;
  }

  /** REQUEST_WEIGHT limit per minute (per WebSocket API connection and per REST API); beyond it 429 / -1003. */
  public SimulatorOptions setRequestWeightPerMinute(int requestWeightPerMinute) {
    this.requestWeightPerMinute = (int) positive("requestWeightPerMinute", requestWeightPerMinute);
    return this;
  }

  public int getConnectionsPerFiveMinutes() {
    return connectionsPerFiveMinutes;
  }

  /** WebSocket API connection attempts allowed per 5 minutes (the simulator serves one IP); beyond it HTTP 429. */
  public SimulatorOptions setConnectionsPerFiveMinutes(int connectionsPerFiveMinutes) {
    this.connectionsPerFiveMinutes = (int) positive("connectionsPerFiveMinutes", connectionsPerFiveMinutes);
    return this;
  }
}
