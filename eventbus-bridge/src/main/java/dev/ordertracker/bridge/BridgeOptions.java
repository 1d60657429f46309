package dev.ordertracker.bridge;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.config.ConfigReader;
import dev.ordertracker.bridge.security.JwtSettings;
import dev.ordertracker.bridge.session.ClientLimits;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;

/**
 * Configuration of {@link BridgeVerticle}, from the deployment's config JSON (snake_case keys, unknown keys
 * rejected) or from the environment ({@link #fromEnvironment}). Setters validate and name the key.
 */
public final class BridgeOptions {
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final int DEFAULT_TCP_PORT = 7000;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
  public static final int DEFAULT_MAX_HANDLERS_PER_SOCKET = 32;
  public static final int DEFAULT_MAX_OUTBOUND_QUEUE = 2048;
  public static final long DEFAULT_PING_TIMEOUT_MS = 30_000;
  public static final long DEFAULT_REPLY_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_HEALTH_TIMEOUT_MS = 2_000;
  public static final boolean DEFAULT_REQUIRE_ADAPTER = true;
  public static final long DEFAULT_MAX_OUTBOUND_BYTES = 16L * 1024 * 1024;
  public static final int DEFAULT_MAX_REQUESTS_PER_SECOND = 50;
  public static final int DEFAULT_REQUEST_BURST = 100;
  public static final int DEFAULT_MAX_REQUESTS_IN_FLIGHT = 16;
  public static final int DEFAULT_MAX_PAGE_SIZE = 200;
  /** The tracker service's own bound on getCompletedOrders (OrderTracker.MAX_COMPLETED_LIMIT). */
  public static final int MAX_PAGE_SIZE_CEILING = OrderTracker.MAX_COMPLETED_LIMIT;
  public static final int DEFAULT_MAX_CONNECTIONS = 1024;
  public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 64;
  public static final long DEFAULT_AUTH_TIMEOUT_MS = 10_000;

  public static final String ENV_HTTP_PORT = "HTTP_PORT";
  public static final String ENV_TCP_PORT = "TCP_BRIDGE_PORT";
  public static final String ENV_HOST = "BRIDGE_HOST";
  public static final String ENV_JWT_SECRET = "BRIDGE_JWT_SECRET";
  public static final String ENV_JWT_ALGORITHM = "BRIDGE_JWT_ALGORITHM";
  public static final String ENV_JWT_PUBLIC_KEY = "BRIDGE_JWT_PUBLIC_KEY_PEM";
  public static final String ENV_JWT_PRIVATE_KEY = "BRIDGE_JWT_PRIVATE_KEY_PEM";
  public static final String ENV_MUTATION_ROLE = "BRIDGE_MUTATION_ROLE";
  public static final String ENV_JWT_AUDIENCE = "BRIDGE_JWT_AUDIENCE";
  public static final String ENV_JWT_ISSUER = "BRIDGE_JWT_ISSUER";

  private static final Set<String> KEYS = Set.of("http_port", "tcp_port", "host", "address_prefix", "jwt",
      "mutation_role", "max_message_bytes", "max_handlers_per_socket", "max_outbound_queue", "ping_timeout_ms",
      "reply_timeout_ms", "health_timeout_ms", "require_adapter", "max_outbound_bytes", "max_requests_per_second",
      "request_burst", "max_requests_in_flight", "max_page_size", "max_connections", "max_connections_per_address",
      "auth_timeout_ms");

  private int httpPort = DEFAULT_HTTP_PORT;
  private int tcpPort = DEFAULT_TCP_PORT;
  private String host = DEFAULT_HOST;
  private String addressPrefix = Addresses.DEFAULT_PREFIX;
  private JwtSettings jwt = JwtSettings.defaults();
  private String mutationRole;
  private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
  private int maxHandlersPerSocket = DEFAULT_MAX_HANDLERS_PER_SOCKET;
  private int maxOutboundQueue = DEFAULT_MAX_OUTBOUND_QUEUE;
  private long pingTimeoutMs = DEFAULT_PING_TIMEOUT_MS;
  private long replyTimeoutMs = DEFAULT_REPLY_TIMEOUT_MS;
  private long healthTimeoutMs = DEFAULT_HEALTH_TIMEOUT_MS;
  private boolean requireAdapter = DEFAULT_REQUIRE_ADAPTER;
  private long maxOutboundBytes = DEFAULT_MAX_OUTBOUND_BYTES;
  private int maxRequestsPerSecond = DEFAULT_MAX_REQUESTS_PER_SECOND;
  private int requestBurst = DEFAULT_REQUEST_BURST;
  private int maxRequestsInFlight = DEFAULT_MAX_REQUESTS_IN_FLIGHT;
  private int maxPageSize = DEFAULT_MAX_PAGE_SIZE;
  private int maxConnections = DEFAULT_MAX_CONNECTIONS;
  private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
  private long authTimeoutMs = DEFAULT_AUTH_TIMEOUT_MS;

  public BridgeOptions() {
  }

  /** @throws IllegalArgumentException naming the key, for unknown keys and invalid values */
  public BridgeOptions(JsonObject json) {
    ConfigReader r = ConfigReader.of(json, "", KEYS, "bridge option");
    setHttpPort(r.intValue("http_port", httpPort));
    setTcpPort(r.intValue("tcp_port", tcpPort));
    setHost(r.string("host", host));
    setAddressPrefix(r.string("address_prefix", addressPrefix));
    if (r.has("jwt")) {
      setJwt(JwtSettings.fromJson(r.object("jwt")));
    }
    setMutationRole(r.string("mutation_role", mutationRole));
    setMaxMessageBytes(r.intValue("max_message_bytes", maxMessageBytes));
    setMaxHandlersPerSocket(r.intValue("max_handlers_per_socket", maxHandlersPerSocket));
    setMaxOutboundQueue(r.intValue("max_outbound_queue", maxOutboundQueue));
    setPingTimeoutMs(r.longValue("ping_timeout_ms", pingTimeoutMs));
    setReplyTimeoutMs(r.longValue("reply_timeout_ms", replyTimeoutMs));
    setHealthTimeoutMs(r.longValue("health_timeout_ms", healthTimeoutMs));
    setMaxOutboundBytes(r.longValue("max_outbound_bytes", maxOutboundBytes));
    setMaxRequestsPerSecond(r.intValue("max_requests_per_second", maxRequestsPerSecond));
    setRequestBurst(r.intValue("request_burst", requestBurst));
    setMaxRequestsInFlight(r.intValue("max_requests_in_flight", maxRequestsInFlight));
    setMaxPageSize(r.intValue("max_page_size", maxPageSize));
    setMaxConnections(r.intValue("max_connections", maxConnections));
    setMaxConnectionsPerAddress(r.intValue("max_connections_per_address", maxConnectionsPerAddress));
    setAuthTimeoutMs(r.longValue("auth_timeout_ms", authTimeoutMs));
    setRequireAdapter(r.bool("require_adapter", requireAdapter));
  }

  /**
   * Options from environment variables: HTTP_PORT, TCP_BRIDGE_PORT, BRIDGE_HOST, BRIDGE_JWT_SECRET,
   * BRIDGE_JWT_ALGORITHM, BRIDGE_JWT_PUBLIC_KEY_PEM, BRIDGE_JWT_PRIVATE_KEY_PEM, BRIDGE_JWT_AUDIENCE,
   * BRIDGE_JWT_ISSUER, BRIDGE_MUTATION_ROLE; absent
   * variables keep the defaults.
   */
  public static BridgeOptions fromEnvironment(Map<String, String> env) {
    BridgeOptions options = new BridgeOptions();
    if (env.get(ENV_HTTP_PORT) != null) {
      options.setHttpPort(parseInt(env.get(ENV_HTTP_PORT), ENV_HTTP_PORT));
    }
    if (env.get(ENV_TCP_PORT) != null) {
      options.setTcpPort(parseInt(env.get(ENV_TCP_PORT), ENV_TCP_PORT));
    }
    if (env.get(ENV_HOST) != null) {
      options.setHost(env.get(ENV_HOST));
    }
    if (env.get(ENV_JWT_SECRET) != null || env.get(ENV_JWT_ALGORITHM) != null
        || env.get(ENV_JWT_PUBLIC_KEY) != null || env.get(ENV_JWT_AUDIENCE) != null
        || env.get(ENV_JWT_ISSUER) != null) {
      options.setJwt(new JwtSettings(env.get(ENV_JWT_ALGORITHM), env.get(ENV_JWT_SECRET),
          env.get(ENV_JWT_PUBLIC_KEY), env.get(ENV_JWT_PRIVATE_KEY), env.get(ENV_JWT_AUDIENCE),
          env.get(ENV_JWT_ISSUER), JwtSettings.DEFAULT_LEEWAY_SECONDS));
    }
    if (env.get(ENV_MUTATION_ROLE) != null) {
      options.setMutationRole(env.get(ENV_MUTATION_ROLE));
    }
    return options;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("http_port", httpPort)
        .put("tcp_port", tcpPort)
        .put("host", host)
        .put("address_prefix", addressPrefix)
        .put("jwt", jwt.toJson())
        .put("max_message_bytes", maxMessageBytes)
        .put("max_handlers_per_socket", maxHandlersPerSocket)
        .put("max_outbound_queue", maxOutboundQueue)
        .put("ping_timeout_ms", pingTimeoutMs)
        .put("reply_timeout_ms", replyTimeoutMs)
        .put("health_timeout_ms", healthTimeoutMs)
        .put("require_adapter", requireAdapter)
        .put("max_outbound_bytes", maxOutboundBytes)
        .put("max_requests_per_second", maxRequestsPerSecond)
        .put("request_burst", requestBurst)
        .put("max_requests_in_flight", maxRequestsInFlight)
        .put("max_page_size", maxPageSize)
        .put("max_connections", maxConnections)
        .put("max_connections_per_address", maxConnectionsPerAddress)
        .put("auth_timeout_ms", authTimeoutMs);
    if (mutationRole != null) {
      json.put("mutation_role", mutationRole);
    }
    return json;
  }

  public int getHttpPort() {
    return httpPort;
  }

  /** 0 picks a free port (tests). */
  public BridgeOptions setHttpPort(int value) {
    this.httpPort = port(value, "http_port");
    return this;
  }

  public int getTcpPort() {
    return tcpPort;
  }

  /** 0 picks a free port (tests). */
  public BridgeOptions setTcpPort(int value) {
    this.tcpPort = port(value, "tcp_port");
    return this;
  }

  public String getHost() {
    return host;
  }

  public BridgeOptions setHost(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("host: must not be blank");
    }
    this.host = value;
    return this;
  }

  public String getAddressPrefix() {
    return addressPrefix;
  }

  public BridgeOptions setAddressPrefix(String value) {
    Addresses.withPrefix(value);
    this.addressPrefix = value;
    return this;
  }

  public Addresses addresses() {
    return Addresses.withPrefix(addressPrefix);
  }

  public JwtSettings getJwt() {
    return jwt;
  }

  public BridgeOptions setJwt(JwtSettings value) {
    if (value == null) {
      throw new IllegalArgumentException("jwt: must not be null");
    }
    this.jwt = value;
    return this;
  }

  public String getMutationRole() {
    return mutationRole;
  }

  /** The token role that allows tracker mutations through the bridge; null (default) disables them. */
  public BridgeOptions setMutationRole(String value) {
    if (value != null && value.isBlank()) {
      throw new IllegalArgumentException("mutation_role: must not be blank when given");
    }
    this.mutationRole = value;
    return this;
  }

  public int getMaxMessageBytes() {
    return maxMessageBytes;
  }

  public BridgeOptions setMaxMessageBytes(int value) {
    this.maxMessageBytes = range(value, 256, 16 * 1024 * 1024, "max_message_bytes");
    return this;
  }

  public int getMaxHandlersPerSocket() {
    return maxHandlersPerSocket;
  }

  public BridgeOptions setMaxHandlersPerSocket(int value) {
    this.maxHandlersPerSocket = range(value, 1, 10_000, "max_handlers_per_socket");
    return this;
  }

  public int getMaxOutboundQueue() {
    return maxOutboundQueue;
  }

  /** Frames written to one client and not yet flushed before it is disconnected as a slow consumer. */
  public BridgeOptions setMaxOutboundQueue(int value) {
    this.maxOutboundQueue = range(value, 1, 1_000_000, "max_outbound_queue");
    return this;
  }

  public long getPingTimeoutMs() {
    return pingTimeoutMs;
  }

  public BridgeOptions setPingTimeoutMs(long value) {
    this.pingTimeoutMs = positive(value, "ping_timeout_ms");
    return this;
  }

  public long getReplyTimeoutMs() {
    return replyTimeoutMs;
  }

  public BridgeOptions setReplyTimeoutMs(long value) {
    this.replyTimeoutMs = positive(value, "reply_timeout_ms");
    return this;
  }

  public long getHealthTimeoutMs() {
    return healthTimeoutMs;
  }

  public BridgeOptions setHealthTimeoutMs(long value) {
    this.healthTimeoutMs = positive(value, "health_timeout_ms");
    return this;
  }

  public boolean isRequireAdapter() {
    return requireAdapter;
  }

  /** Whether /health also needs the exchange adapter up (default true). */
  public BridgeOptions setRequireAdapter(boolean value) {
    this.requireAdapter = value;
    return this;
  }

  public long getMaxOutboundBytes() {
    return maxOutboundBytes;
  }

  /** Bytes written to one client and not yet flushed before it is disconnected as a slow consumer. */
  public BridgeOptions setMaxOutboundBytes(long value) {
    if (value < 64 * 1024 || value > 1L << 31) {
      throw new IllegalArgumentException("max_outbound_bytes: " + value + " is not in [65536, 2147483648]");
    }
    this.maxOutboundBytes = value;
    return this;
  }

  public int getMaxRequestsPerSecond() {
    return maxRequestsPerSecond;
  }

  /** Sustained frames (send, publish, register) per second and client; beyond the burst: rate_limited. */
  public BridgeOptions setMaxRequestsPerSecond(int value) {
    this.maxRequestsPerSecond = range(value, 1, 100_000, "max_requests_per_second");
    return this;
  }

  public int getRequestBurst() {
    return requestBurst;
  }

  /** Frames a client may send at once before its rate applies. */
  public BridgeOptions setRequestBurst(int value) {
    this.requestBurst = range(value, 1, 100_000, "request_burst");
    return this;
  }

  public int getMaxRequestsInFlight() {
    return maxRequestsInFlight;
  }

  /** Requests of one client awaiting the service's answer, fire-and-forget sends included. */
  public BridgeOptions setMaxRequestsInFlight(int value) {
    this.maxRequestsInFlight = range(value, 1, 10_000, "max_requests_in_flight");
    return this;
  }

  public int getMaxPageSize() {
    return maxPageSize;
  }

  /** The largest {@code limit} of a list read (getCompletedOrders) through the bridge. */
  public BridgeOptions setMaxPageSize(int value) {
    this.maxPageSize = range(value, 1, MAX_PAGE_SIZE_CEILING, "max_page_size");
    return this;
  }

  public int getMaxConnections() {
    return maxConnections;
  }

  /** Connected clients of both bridges together. */
  public BridgeOptions setMaxConnections(int value) {
    this.maxConnections = range(value, 1, 1_000_000, "max_connections");
    return this;
  }

  public int getMaxConnectionsPerAddress() {
    return maxConnectionsPerAddress;
  }

  /** Connected clients from one remote IP address, both bridges together. */
  public BridgeOptions setMaxConnectionsPerAddress(int value) {
    this.maxConnectionsPerAddress = range(value, 1, 1_000_000, "max_connections_per_address");
    return this;
  }

  public long getAuthTimeoutMs() {
    return authTimeoutMs;
  }

  /** A connection that has not presented a valid token within this time is closed (auth_timeout). */
  public BridgeOptions setAuthTimeoutMs(long value) {
    this.authTimeoutMs = positive(value, "auth_timeout_ms");
    return this;
  }

  /** The limits every client connection gets. */
  public ClientLimits clientLimits() {
    return new ClientLimits(maxMessageBytes, maxHandlersPerSocket, maxOutboundQueue, maxOutboundBytes, pingTimeoutMs,
        replyTimeoutMs, maxRequestsPerSecond, requestBurst, maxRequestsInFlight, authTimeoutMs);
  }

  private static int port(int value, String key) {
    return range(value, 0, 65535, key);
  }

  private static int range(int value, int min, int max, String key) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + ": " + value + " is not in [" + min + ", " + max + "]");
    }
    return value;
  }

  private static long positive(long value, String key) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + ": must be positive, was " + value);
    }
    return value;
  }

  private static int parseInt(String value, String name) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": '" + value + "' is not an integer", e);
    }
  }
}
