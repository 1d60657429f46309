package dev.ordertracker.binance.config;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.config.ConfigReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of {@code BinanceUserDataVerticle} and {@code OrderExecutor}, read from the deployment config JSON.
 * Unknown keys are refused; every error names its key; credentials are redacted in {@link #toJson()} and
 * {@link #toString()}. See the module README for the table of keys.
 */
public final class BinanceAdapterOptions {
  public static final String DEFAULT_WS_API_URL = "wss://ws-api.binance.com:443/ws-api/v3";
  public static final String DEFAULT_REST_URL = "https://api.binance.com";
  public static final long DEFAULT_RECV_WINDOW_MS = 5_000;
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_RECONNECT_INITIAL_DELAY_MS = 500;
  public static final long DEFAULT_RECONNECT_MAX_DELAY_MS = 30_000;
  /** Binance allows 300 new connections per 5 minutes per IP; stay well below, other processes share the IP. */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_WINDOW = 250;
  public static final long DEFAULT_CONNECTION_WINDOW_MS = 300_000;
  /** Binance closes connections at 24 h: renew (new first, then close the old one) at 23 h. */
  public static final long DEFAULT_MAX_CONNECTION_AGE_MS = 23 * 3_600_000L;
  public static final long DEFAULT_PING_INTERVAL_MS = 20_000;
  public static final long DEFAULT_PONG_TIMEOUT_MS = 60_000;
  public static final boolean DEFAULT_RECONCILE_ON_CONNECT = true;
  public static final int DEFAULT_RECONCILE_CONCURRENCY = 16;
  /** Half of Binance's 6,000/min request weight, leaving the rest to order placement and other clients. */
  public static final int DEFAULT_RECONCILE_WEIGHT_PER_MINUTE = 3_000;
  public static final int DEFAULT_LOST_AFTER_MISSES = 3;
  public static final int DEFAULT_DEDUP_CAPACITY = 100_000;
  public static final int DEFAULT_MAX_FRAME_CHARS = 64 * 1024;
  public static final boolean DEFAULT_SESSION_LOGON = false;

  public static final String WS_API_URL = "ws_api_url";
  public static final String REST_URL = "rest_url";
  public static final String ACCOUNTS = "accounts";
  public static final String RECV_WINDOW_MS = "recv_window_ms";
  public static final String REQUEST_TIMEOUT_MS = "request_timeout_ms";
  public static final String RECONNECT_INITIAL_DELAY_MS = "reconnect_initial_delay_ms";
  public static final String RECONNECT_MAX_DELAY_MS = "reconnect_max_delay_ms";
  public static final String MAX_CONNECTIONS_PER_WINDOW = "max_connections_per_window";
  public static final String CONNECTION_WINDOW_MS = "connection_window_ms";
  public static final String MAX_CONNECTION_AGE_MS = "max_connection_age_ms";
  public static final String PING_INTERVAL_MS = "ping_interval_ms";
  public static final String PONG_TIMEOUT_MS = "pong_timeout_ms";
  public static final String ADDRESS_PREFIX = "address_prefix";
  public static final String RECONCILE_ON_CONNECT = "reconcile_on_connect";
  public static final String RECONCILE_CONCURRENCY = "reconcile_concurrency";
  public static final String RECONCILE_WEIGHT_PER_MINUTE = "reconcile_weight_per_minute";
  public static final String LOST_AFTER_MISSES = "lost_after_misses";
  public static final String DEDUP_CAPACITY = "dedup_capacity";
  public static final String MAX_FRAME_CHARS = "max_frame_chars";
  public static final String SESSION_LOGON = "session_logon";

  private static final Set<String> KEYS = keys(Set.of(WS_API_URL, REST_URL, ACCOUNTS, RECV_WINDOW_MS,
      REQUEST_TIMEOUT_MS, RECONNECT_INITIAL_DELAY_MS, RECONNECT_MAX_DELAY_MS, MAX_CONNECTIONS_PER_WINDOW,
      CONNECTION_WINDOW_MS, MAX_CONNECTION_AGE_MS, PING_INTERVAL_MS, PONG_TIMEOUT_MS, ADDRESS_PREFIX,
      RECONCILE_ON_CONNECT, RECONCILE_CONCURRENCY, RECONCILE_WEIGHT_PER_MINUTE, LOST_AFTER_MISSES, DEDUP_CAPACITY,
      MAX_FRAME_CHARS, SESSION_LOGON), ReconcileLoopOptions.KEYS);

  private static Set<String> keys(Set<String> own, Set<String> loop) {
    Set<String> all = new java.util.HashSet<>(own);
    all.addAll(loop);
    return Set.copyOf(all);
  }

  private String wsApiUrl = DEFAULT_WS_API_URL;
  private String restUrl = DEFAULT_REST_URL;
  private final List<AccountConfig> accounts = new ArrayList<>();
  private long recvWindowMs = DEFAULT_RECV_WINDOW_MS;
  private long requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS;
  private long reconnectInitialDelayMs = DEFAULT_RECONNECT_INITIAL_DELAY_MS;
  private long reconnectMaxDelayMs = DEFAULT_RECONNECT_MAX_DELAY_MS;
  private int maxConnectionsPerWindow = DEFAULT_MAX_CONNECTIONS_PER_WINDOW;
  private long connectionWindowMs = DEFAULT_CONNECTION_WINDOW_MS;
  private long maxConnectionAgeMs = DEFAULT_MAX_CONNECTION_AGE_MS;
  private long pingIntervalMs = DEFAULT_PING_INTERVAL_MS;
  private long pongTimeoutMs = DEFAULT_PONG_TIMEOUT_MS;
  private String addressPrefix = Addresses.DEFAULT_PREFIX;
  private boolean reconcileOnConnect = DEFAULT_RECONCILE_ON_CONNECT;
  private int reconcileConcurrency = DEFAULT_RECONCILE_CONCURRENCY;
  private int reconcileWeightPerMinute = DEFAULT_RECONCILE_WEIGHT_PER_MINUTE;
  private int lostAfterMisses = DEFAULT_LOST_AFTER_MISSES;
  private int dedupCapacity = DEFAULT_DEDUP_CAPACITY;
  private int maxFrameChars = DEFAULT_MAX_FRAME_CHARS;
  private boolean sessionLogon = DEFAULT_SESSION_LOGON;
  private ReconcileLoopOptions reconcileLoop = new ReconcileLoopOptions();

  public BinanceAdapterOptions() {
  }

  /** @throws IllegalArgumentException naming the first bad key */
  public BinanceAdapterOptions(JsonObject json) {
    ConfigReader in = ConfigReader.of(json, "", KEYS, "adapter option");
    setWsApiUrl(in.string(WS_API_URL, DEFAULT_WS_API_URL));
    setRestUrl(in.string(REST_URL, DEFAULT_REST_URL));
    Object list = json.getValue(ACCOUNTS);
    if (list != null) {
      if (!(list instanceof JsonArray)) {
        throw new IllegalArgumentException(ACCOUNTS + ": expected an array of accounts");
      }
      JsonArray array = (JsonArray) list;
      for (int i = 0; i < array.size(); i++) {
        addAccount(AccountConfig.fromJson(array.getValue(i), ACCOUNTS + "[" + i + "]"));
      }
    }
    setRecvWindowMs(in.longValue(RECV_WINDOW_MS, DEFAULT_RECV_WINDOW_MS));
    setRequestTimeoutMs(in.longValue(REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS));
    setReconnectInitialDelayMs(in.longValue(RECONNECT_INITIAL_DELAY_MS, DEFAULT_RECONNECT_INITIAL_DELAY_MS));
    setReconnectMaxDelayMs(in.longValue(RECONNECT_MAX_DELAY_MS, DEFAULT_RECONNECT_MAX_DELAY_MS));
    setMaxConnectionsPerWindow(in.intValue(MAX_CONNECTIONS_PER_WINDOW, DEFAULT_MAX_CONNECTIONS_PER_WINDOW));
    setConnectionWindowMs(in.longValue(CONNECTION_WINDOW_MS, DEFAULT_CONNECTION_WINDOW_MS));
    setMaxConnectionAgeMs(in.longValue(MAX_CONNECTION_AGE_MS, DEFAULT_MAX_CONNECTION_AGE_MS));
    setPingIntervalMs(in.longValue(PING_INTERVAL_MS, DEFAULT_PING_INTERVAL_MS));
    setPongTimeoutMs(in.longValue(PONG_TIMEOUT_MS, DEFAULT_PONG_TIMEOUT_MS));
    setAddressPrefix(in.string(ADDRESS_PREFIX, Addresses.DEFAULT_PREFIX));
    setReconcileOnConnect(in.bool(RECONCILE_ON_CONNECT, DEFAULT_RECONCILE_ON_CONNECT));
    setReconcileConcurrency(in.intValue(RECONCILE_CONCURRENCY, DEFAULT_RECONCILE_CONCURRENCY));
    setReconcileWeightPerMinute(in.intValue(RECONCILE_WEIGHT_PER_MINUTE, DEFAULT_RECONCILE_WEIGHT_PER_MINUTE));
    setLostAfterMisses(in.intValue(LOST_AFTER_MISSES, DEFAULT_LOST_AFTER_MISSES));
    setDedupCapacity(in.intValue(DEDUP_CAPACITY, DEFAULT_DEDUP_CAPACITY));
    setMaxFrameChars(in.intValue(MAX_FRAME_CHARS, DEFAULT_MAX_FRAME_CHARS));
    setSessionLogon(in.bool(SESSION_LOGON, DEFAULT_SESSION_LOGON));
    reconcileLoop = new ReconcileLoopOptions(in);
  }

  /**
   * Options from environment variables: {@code BINANCE_API_KEY} with {@code BINANCE_SECRET_KEY} (HMAC) or
   * {@code BINANCE_PRIVATE_KEY_FILE} (Ed25519/RSA PEM) make one account named {@code BINANCE_ACCOUNT_NAME}
   * (default {@code main}); {@code BINANCE_WS_API_URL} and {@code BINANCE_REST_URL} override the endpoints.
   */
  public static BinanceAdapterOptions fromEnvironment(Map<String, String> env) {
    BinanceAdapterOptions options = new BinanceAdapterOptions();
    String ws = env.get("BINANCE_WS_API_URL");
    if (ws != null && !ws.isBlank()) {
      options.setWsApiUrl(ws.trim());
    }
    String rest = env.get("BINANCE_REST_URL");
    if (rest != null && !rest.isBlank()) {
      options.setRestUrl(rest.trim());
    }
    String apiKey = env.get("BINANCE_API_KEY");
    String secret = env.get("BINANCE_SECRET_KEY");
    String file = env.get("BINANCE_PRIVATE_KEY_FILE");
    String name = env.getOrDefault("BINANCE_ACCOUNT_NAME", "main");
    if (apiKey == null || apiKey.isBlank()) {
      if (secret != null || file != null) {
        throw new IllegalArgumentException("BINANCE_API_KEY: required with BINANCE_SECRET_KEY or "
            + "BINANCE_PRIVATE_KEY_FILE");
      }
      return options;
    }
    if ((secret == null) == (file == null)) {
      throw new IllegalArgumentException("BINANCE_SECRET_KEY or BINANCE_PRIVATE_KEY_FILE: exactly one is required");
    }
    options.addAccount(secret != null ? AccountConfig.hmac(name, apiKey.trim(), secret.trim())
        : AccountConfig.privateKeyFile(name, apiKey.trim(), file.trim(), null));
    return options;
  }

  /** Checks what single setters cannot: at least one account, unique names, coherent delays. */
  public BinanceAdapterOptions validate() {
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException(ACCOUNTS + ": at least one account is required");
    }
    Set<String> names = new LinkedHashSet<>();
    for (AccountConfig a : accounts) {
      if (!names.add(a.name())) {
        throw new IllegalArgumentException(ACCOUNTS + ": duplicate account name '" + a.name() + "'");
      }
    }
    if (reconnectMaxDelayMs < reconnectInitialDelayMs) {
      throw new IllegalArgumentException(RECONNECT_MAX_DELAY_MS + ": must be >= " + RECONNECT_INITIAL_DELAY_MS);
    }
    reconcileLoop.validate();
    return this;
  }

  private static long positive(String key, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + ": must be positive, was " + value);
    }
    return value;
  }

  private static String url(String key, String value, String... schemes) {
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null || !List.of(schemes).contains(uri.getScheme())) {
        throw new IllegalArgumentException(key + ": expected a " + String.join("/", schemes) + " URL with a host");
      }
      return value;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(key + ": not a URL");
    }
  }

  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    accounts.forEach(a -> list.add(a.toJson()));
    JsonObject json = new JsonObject().put(WS_API_URL, wsApiUrl).put(REST_URL, restUrl).put(ACCOUNTS, list)
        .put(RECV_WINDOW_MS, recvWindowMs).put(REQUEST_TIMEOUT_MS, requestTimeoutMs)
        .put(RECONNECT_INITIAL_DELAY_MS, reconnectInitialDelayMs).put(RECONNECT_MAX_DELAY_MS, reconnectMaxDelayMs)
        .put(MAX_CONNECTIONS_PER_WINDOW, maxConnectionsPerWindow).put(CONNECTION_WINDOW_MS, connectionWindowMs)
        .put(MAX_CONNECTION_AGE_MS, maxConnectionAgeMs).put(PING_INTERVAL_MS, pingIntervalMs)
        .put(PONG_TIMEOUT_MS, pongTimeoutMs).put(ADDRESS_PREFIX, addressPrefix)
        .put(RECONCILE_ON_CONNECT, reconcileOnConnect).put(RECONCILE_CONCURRENCY, reconcileConcurrency)
        .put(RECONCILE_WEIGHT_PER_MINUTE, reconcileWeightPerMinute).put(LOST_AFTER_MISSES, lostAfterMisses)
        .put(DEDUP_CAPACITY, dedupCapacity).put(MAX_FRAME_CHARS, maxFrameChars).put(SESSION_LOGON, sessionLogon);
    reconcileLoop.writeTo(json);
    return json;
  }

  /** The continuous reconciliation keys (issue 14); a live view: its setters change these options. */
  public ReconcileLoopOptions reconcileLoop() {
    return reconcileLoop;
  }

  @Override
  public String toString() {
    return "BinanceAdapterOptions" + toJson().encode();
  }

  public String getWsApiUrl() {
    return wsApiUrl;
  }

  public BinanceAdapterOptions setWsApiUrl(String value) {
    this.wsApiUrl = url(WS_API_URL, value, "ws", "wss");
    return this;
  }

  public String getRestUrl() {
    return restUrl;
  }

  public BinanceAdapterOptions setRestUrl(String value) {
    this.restUrl = url(REST_URL, value, "http", "https");
    return this;
  }

  public List<AccountConfig> getAccounts() {
    return List.copyOf(accounts);
  }

  public BinanceAdapterOptions addAccount(AccountConfig account) {
    accounts.add(java.util.Objects.requireNonNull(account, ACCOUNTS));
    return this;
  }

  public long getRecvWindowMs() {
    return recvWindowMs;
  }

  public BinanceAdapterOptions setRecvWindowMs(long value) {
    if (value <= 0 || value > 60_000) {
      throw new IllegalArgumentException(RECV_WINDOW_MS + ": must be in 1..60000, was " + value);
    }
    this.recvWindowMs = value;
    return this;
  }

  public long getRequestTimeoutMs() {
    return requestTimeoutMs;
  }

  public BinanceAdapterOptions setRequestTimeoutMs(long value) {
    this.requestTimeoutMs = positive(REQUEST_TIMEOUT_MS, value);
    return this;
  }

  public long getReconnectInitialDelayMs() {
    return reconnectInitialDelayMs;
  }

  public BinanceAdapterOptions setReconnectInitialDelayMs(long value) {
    this.reconnectInitialDelayMs = positive(RECONNECT_INITIAL_DELAY_MS, value);
    return this;
  }

  public long getReconnectMaxDelayMs() {
    return reconnectMaxDelayMs;
  }

  public BinanceAdapterOptions setReconnectMaxDelayMs(long value) {
    this.reconnectMaxDelayMs = positive(RECONNECT_MAX_DELAY_MS, value);
    return this;
  }

  public int getMaxConnectionsPerWindow() {
    return maxConnectionsPerWindow;
  }

  public BinanceAdapterOptions setMaxConnectionsPerWindow(int value) {
    if (value <= 0 || value > 300) {
      throw new IllegalArgumentException(MAX_CONNECTIONS_PER_WINDOW + ": must be in 1..300, was " + value);
    }
    this.maxConnectionsPerWindow = value;
    return this;
  }

  public long getConnectionWindowMs() {
    return connectionWindowMs;
  }

  public BinanceAdapterOptions setConnectionWindowMs(long value) {
    this.connectionWindowMs = positive(CONNECTION_WINDOW_MS, value);
    return this;
  }

  public long getMaxConnectionAgeMs() {
    return maxConnectionAgeMs;
  }

  public BinanceAdapterOptions setMaxConnectionAgeMs(long value) {
    this.maxConnectionAgeMs = positive(MAX_CONNECTION_AGE_MS, value);
    return this;
  }

  public long getPingIntervalMs() {
    return pingIntervalMs;
  }

  public BinanceAdapterOptions setPingIntervalMs(long value) {
    this.pingIntervalMs = positive(PING_INTERVAL_MS, value);
    return this;
  }

  public long getPongTimeoutMs() {
    return pongTimeoutMs;
  }

  public BinanceAdapterOptions setPongTimeoutMs(long value) {
    this.pongTimeoutMs = positive(PONG_TIMEOUT_MS, value);
    return this;
  }

  public String getAddressPrefix() {
    return addressPrefix;
  }

  public BinanceAdapterOptions setAddressPrefix(String value) {
    try {
      Addresses.withPrefix(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(ADDRESS_PREFIX + ": must be dot-separated words");
    }
    this.addressPrefix = value;
    return this;
  }

  public Addresses addresses() {
    return Addresses.withPrefix(addressPrefix);
  }

  public boolean isReconcileOnConnect() {
    return reconcileOnConnect;
  }

  public BinanceAdapterOptions setReconcileOnConnect(boolean value) {
    this.reconcileOnConnect = value;
    return this;
  }

  public int getReconcileConcurrency() {
    return reconcileConcurrency;
  }

  public BinanceAdapterOptions setReconcileConcurrency(int value) {
    this.reconcileConcurrency = (int) positive(RECONCILE_CONCURRENCY, value);
    return this;
  }

  public int getReconcileWeightPerMinute() {
    return reconcileWeightPerMinute;
  }

  public BinanceAdapterOptions setReconcileWeightPerMinute(int value) {
    if (value <= 0 || value > 6_000) {
      throw new IllegalArgumentException(RECONCILE_WEIGHT_PER_MINUTE + ": must be in 1..6000, was " + value);
    }
    this.reconcileWeightPerMinute = value;
    return this;
  }

  public int getLostAfterMisses() {
    return lostAfterMisses;
  }

  public BinanceAdapterOptions setLostAfterMisses(int value) {
    this.lostAfterMisses = (int) positive(LOST_AFTER_MISSES, value);
    return this;
  }

  public int getDedupCapacity() {
    return dedupCapacity;
  }

  public BinanceAdapterOptions setDedupCapacity(int value) {
    this.dedupCapacity = (int) positive(DEDUP_CAPACITY, value);
    return this;
  }

  public int getMaxFrameChars() {
    return maxFrameChars;
  }

  public BinanceAdapterOptions setMaxFrameChars(int value) {
    this.maxFrameChars = (int) positive(MAX_FRAME_CHARS, value);
    return this;
  }

  public boolean isSessionLogon() {
    return sessionLogon;
  }

  /** Ed25519 accounts subscribe with session.logon + userDataStream.subscribe instead of the signature form. */
  public BinanceAdapterOptions setSessionLogon(boolean value) {
    this.sessionLogon = value;
    return this;
  }
}
