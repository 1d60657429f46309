package dev.ordertracker.notifier.sink;

import dev.ordertracker.api.config.ConfigReader;
import dev.ordertracker.notifier.template.MessageTemplate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One sink from the configuration. Secrets ({@code secret}, {@code bot_token}, {@code password}, and a Slack
 * webhook URL, which is itself the credential) are never shown by {@link #toJson()} / {@link #toString()}.
 *
 * <pre>
 *   name                    string   required   [A-Za-z0-9_.-]{1,64}; metric label "sink"
 *   type                    string   required   webhook | slack | telegram | email
 *   timeout_ms              long     10000      per attempt (HTTP request / SMTP send)
 *   queue_capacity          int      1000       notifications waiting; when full the oldest is dropped (counted)
 *   max_attempts            int      5          attempts per notification (1 = no retry)
 *   retry_initial_delay_ms  long     1000       backoff before the 2nd attempt, doubling ...
 *   retry_max_delay_ms      long     60000      ... capped at this
 *   webhook:  url (required, http/https), secret (optional: X-Signature = hex HMAC-SHA256 of the body)
 *   slack:    url (required: the incoming-webhook URL; a secret)
 *   telegram: bot_token (required, secret), chat_id (required), api_url (https://api.telegram.org)
 *   email:    host (required), port (587), username, password (secret), from (required), to (required, [string]),
 *             starttls (optional | required | disabled, default optional), ssl (false), subject (template,
 *             "[order-tracker] {message}")
 * </pre>
 */
public final class SinkOptions {
  public static final long DEFAULT_TIMEOUT_MS = 10_000;
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  public static final long DEFAULT_RETRY_INITIAL_DELAY_MS = 1000;
  public static final long DEFAULT_RETRY_MAX_DELAY_MS = 60_000;
  public static final String DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org";
  public static final int DEFAULT_SMTP_PORT = 587;
  public static final String DEFAULT_STARTTLS = "optional";
  public static final String DEFAULT_SUBJECT = "[order-tracker] {message}";
  static final String REDACTED = "***";

  private static final Set<String> COMMON = Set.of("name", "type", "timeout_ms", "queue_capacity", "max_attempts",
      "retry_initial_delay_ms", "retry_max_delay_ms");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Set<String> STARTTLS = Set.of("optional", "required", "disabled");

  private final String name;
  private final SinkType type;
  private long timeoutMs = DEFAULT_TIMEOUT_MS;
  private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
  private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
  private long retryInitialDelayMs = DEFAULT_RETRY_INITIAL_DELAY_MS;
  private long retryMaxDelayMs = DEFAULT_RETRY_MAX_DELAY_MS;
  private String url;
  private String secret;
  private String botToken;
  private String chatId;
  private String apiUrl = DEFAULT_TELEGRAM_API_URL;
  private String host;
  private int port = DEFAULT_SMTP_PORT;
  private String username;
  private String password;
  private String from;
  private List<String> to;
  private String starttls = DEFAULT_STARTTLS;
  private boolean ssl;
  private String subject = DEFAULT_SUBJECT;

  public SinkOptions(String name, SinkType type) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name: '" + name + "' must match " + NAME.pattern());
    }
    this.name = name;
    this.type = java.util.Objects.requireNonNull(type, "type");
  }

  /** @throws IllegalArgumentException naming the key ({@code path + key}) */
  public static SinkOptions fromJson(JsonObject json, String path) {
    Object typeValue = json.getValue("type");
    if (!(typeValue instanceof String)) {
      throw new IllegalArgumentException(path + "type is required (webhook, slack, telegram or email)");
    }
    SinkType type = SinkType.parse((String) typeValue, path + "type");
    ConfigReader r = ConfigReader.of(json, path, keys(type), type.configName() + " sink option");
    if (!r.has("name")) {
      throw new IllegalArgumentException(r.name("name") + " is required");
    }
    try {
      SinkOptions o = new SinkOptions(r.string("name"), type);
      if (r.has("timeout_ms")) {
        o.setTimeoutMs(r.longValue("timeout_ms"));
      }
      if (r.has("queue_capacity")) {
        o.setQueueCapacity(r.intValue("queue_capacity"));
      }
      if (r.has("max_attempts")) {
        o.setMaxAttempts(r.intValue("max_attempts"));
      }
      if (r.has("retry_initial_delay_ms")) {
        o.setRetryInitialDelayMs(r.longValue("retry_initial_delay_ms"));
      }
      if (r.has("retry_max_delay_ms")) {
        o.setRetryMaxDelayMs(r.longValue("retry_max_delay_ms"));
      }
      if (r.has("url")) {
        o.setUrl(r.string("url"));
      }
      if (r.has("secret")) {
        o.setSecret(r.string("secret"));
      }
      if (r.has("bot_token")) {
        o.setBotToken(r.string("bot_token"));
      }
      if (r.has("chat_id")) {
        Object v = json.getValue("chat_id");
        o.setChatId(v instanceof Number ? v.toString() : r.string("chat_id"));
      }
      if (r.has("api_url")) {
        o.setApiUrl(r.string("api_url"));
      }
      if (r.has("host")) {
        o.setHost(r.string("host"));
      }
      if (r.has("port")) {
        o.setPort(r.intValue("port"));
      }
      if (r.has("username")) {
        o.setUsername(r.string("username"));
      }
      if (r.has("password")) {
        o.setPassword(r.string("password"));
      }
      if (r.has("from")) {
        o.setFrom(r.string("from"));
      }
      if (r.has("to")) {
        o.setTo(r.strings("to"));
      }
      if (r.has("starttls")) {
        o.setStarttls(r.string("starttls"));
      }
      if (r.has("ssl")) {
        o.setSsl(r.bool("ssl"));
      }
      if (r.has("subject")) {
        o.setSubject(r.string("subject"));
      }
      return o.validate();
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new IllegalArgumentException(m.startsWith(path) ? m : path + m, e);
    }
  }

  private static Set<String> keys(SinkType type) {
    Set<String> keys = new HashSet<>(COMMON);
    switch (type) {
      case WEBHOOK -> keys.addAll(Set.of("url", "secret"));
      case SLACK -> keys.add("url");
      case TELEGRAM -> keys.addAll(Set.of("bot_token", "chat_id", "api_url"));
      case EMAIL -> keys.addAll(Set.of("host", "port", "username", "password", "from", "to", "starttls", "ssl",
          "subject"));
      default -> throw new IllegalStateException("unhandled sink type " + type);
    }
    return keys;
  }

  /** Cross-field checks: what each type requires. @throws IllegalArgumentException naming the key */
  public SinkOptions validate() {
    switch (type) {
      case WEBHOOK, SLACK -> require(url, "url");
      case TELEGRAM -> {
        require(botToken, "bot_token");
        require(chatId, "chat_id");
      }
      case EMAIL -> {
        require(host, "host");
        require(from, "from");
        if (to == null) {
          throw new IllegalArgumentException("to is required for an email sink");
        }
        if (password != null && username == null) {
          throw new IllegalArgumentException("username is required with a password");
        }
      }
      default -> throw new IllegalStateException("unhandled sink type " + type);
    }
    if (retryMaxDelayMs < retryInitialDelayMs) {
      throw new IllegalArgumentException("retry_max_delay_ms (" + retryMaxDelayMs
          + ") must not be below retry_initial_delay_ms (" + retryInitialDelayMs + ")");
    }
    return this;
  }

  private void require(String value, String key) {
    if (value == null) {
      throw new IllegalArgumentException(key + " is required for a " + type.configName() + " sink");
    }
  }

  public String getName() {
    return name;
  }

  public SinkType getType() {
    return type;
  }

  public long getTimeoutMs() {
    return timeoutMs;
  }

  public SinkOptions setTimeoutMs(long value) {
    timeoutMs = positive(value, "timeout_ms");
    return this;
  }

  public int getQueueCapacity() {
    return queueCapacity;
  }

  public SinkOptions setQueueCapacity(int value) {
    queueCapacity = (int) positive(value, "queue_capacity");
    return this;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public SinkOptions setMaxAttempts(int value) {
    if (value < 1 || value > 100) {
      throw new IllegalArgumentException("max_attempts must be in [1, 100], was " + value);
    }
    maxAttempts = value;
    return this;
  }

  public long getRetryInitialDelayMs() {
    return retryInitialDelayMs;
  }

  public SinkOptions setRetryInitialDelayMs(long value) {
    retryInitialDelayMs = positive(value, "retry_initial_delay_ms");
    return this;
  }

  public long getRetryMaxDelayMs() {
    return retryMaxDelayMs;
  }

  public SinkOptions setRetryMaxDelayMs(long value) {
    retryMaxDelayMs = positive(value, "retry_max_delay_ms");
    return this;
  }

  /** The webhook or Slack URL. */
  public String getUrl() {
    return url;
  }

  public SinkOptions setUrl(String value) {
    url = httpUrl(value, "url");
    return this;
  }

  public String getSecret() {
    return secret;
  }

  /** The webhook's HMAC-SHA256 key; null for unsigned requests. */
  public SinkOptions setSecret(String value) {
    if (value != null && value.isEmpty()) {
      throw new IllegalArgumentException("secret: must not be empty (omit it for unsigned requests)");
    }
    secret = value;
    return this;
  }

  public String getBotToken() {
    return botToken;
  }

  public SinkOptions setBotToken(String value) {
    if (value == null || !value.matches("[A-Za-z0-9:_-]{1,200}")) {
      throw new IllegalArgumentException("bot_token: expected a Telegram bot token (digits:letters)");
    }
    botToken = value;
    return this;
  }

  public String getChatId() {
    return chatId;
  }

  public SinkOptions setChatId(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("chat_id: must not be blank");
    }
    chatId = value;
    return this;
  }

  public String getApiUrl() {
    return apiUrl;
  }

  public SinkOptions setApiUrl(String value) {
    String u = httpUrl(value, "api_url");
    apiUrl = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    return this;
  }

  public String getHost() {
    return host;
  }

  public SinkOptions setHost(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("host: must not be blank");
    }
    host = value;
    return this;
  }

  public int getPort() {
    return port;
  }

  public SinkOptions setPort(int value) {
    if (value < 1 || value > 65535) {
      throw new IllegalArgumentException("port must be in [1, 65535], was " + value);
    }
    port = value;
    return this;
  }

  public String getUsername() {
    return username;
  }

  public SinkOptions setUsername(String value) {
    username = value;
    return this;
  }

  public String getPassword() {
    return password;
  }

  public SinkOptions setPassword(String value) {
    password = value;
    return this;
  }

  public String getFrom() {
    return from;
  }

  public SinkOptions setFrom(String value) {
    from = address(value, "from");
    return this;
  }

  public List<String> getTo() {
    return to;
  }

  public SinkOptions setTo(List<String> value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("to: at least one address is required");
    }
    value.forEach(a -> address(a, "to"));
    to = List.copyOf(value);
    return this;
  }

  public String getStarttls() {
    return starttls;
  }

  public SinkOptions setStarttls(String value) {
    String v = value == null ? null : value.toLowerCase(Locale.ROOT);
    if (!STARTTLS.contains(v)) {
      throw new IllegalArgumentException("starttls: expected optional, required or disabled, was " + value);
    }
    starttls = v;
    return this;
  }

  public boolean isSsl() {
    return ssl;
  }

  public SinkOptions setSsl(boolean value) {
    ssl = value;
    return this;
  }

  public String getSubject() {
    return subject;
  }

  public SinkOptions setSubject(String value) {
    MessageTemplate.parse(value == null ? "" : value);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("subject: must not be blank");
    }
    subject = value;
    return this;
  }

  /** The options with every secret replaced by {@value #REDACTED}; what logs and diagnostics may show. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("name", name).put("type", type.configName())
        .put("timeout_ms", timeoutMs).put("queue_capacity", queueCapacity).put("max_attempts", maxAttempts)
        .put("retry_initial_delay_ms", retryInitialDelayMs).put("retry_max_delay_ms", retryMaxDelayMs);
    switch (type) {
      case WEBHOOK -> {
        json.put("url", redactedUrl(url, false));
        if (secret != null) {
          json.put("secret", REDACTED);
        }
      }
      case SLACK -> json.put("url", redactedUrl(url, true));
      case TELEGRAM -> json.put("bot_token", REDACTED).put("chat_id", chatId).put("api_url", apiUrl);
      case EMAIL -> {
        json.put("host", host).put("port", port).put("from", from).put("to", new JsonArray(to))
            .put("starttls", starttls).put("ssl", ssl).put("subject", subject);
        if (username != null) {
          json.put("username", username);
        }
        if (password != null) {
          json.put("password", REDACTED);
        }
      }
      default -> throw new IllegalStateException("unhandled sink type " + type);
    }
    return json;
  }

  /** A description for logs: name and type only. */
  public String label() {
    return type.configName() + " sink '" + name + "'";
  }

  @Override
  public String toString() {
    return "SinkOptions" + toJson().encode();
  }

  /**
   * A URL fit for a log: scheme, host, port and path; the user info and the query (where tokens hide) are replaced
   * by {@value #REDACTED}; with {@code wholePath} the path too (a Slack webhook's path is its credential).
   */
  static String redactedUrl(String url, boolean wholePath) {
    if (url == null) {
      return null;
    }
    URI u = URI.create(url);
    StringBuilder out = new StringBuilder().append(u.getScheme()).append("://");
    if (u.getRawUserInfo() != null) {
      out.append(REDACTED).append('@');
    }
    out.append(u.getHost());
    if (u.getPort() >= 0) {
      out.append(':').append(u.getPort());
    }
    if (wholePath) {
      out.append('/').append(REDACTED);
    } else {
      out.append(u.getRawPath() == null ? "" : u.getRawPath());
      if (u.getRawQuery() != null) {
        out.append('?').append(REDACTED);
      }
    }
    return out.toString();
  }

  private static String httpUrl(String value, String key) {
    URI u;
    try {
      u = URI.create(value == null ? "" : value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": not a URL"); // the value may hold a token: not echoed
    }
    if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
        || u.getHost() == null) {
      throw new IllegalArgumentException(key + ": expected an http:// or https:// URL with a host");
    }
    return value.trim();
  }

  private static long positive(long value, String key) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, was " + value);
    }
    return value;
  }

  private static String address(String value, String key) {
    if (value == null || !value.matches("[^@\\s<>]+@[^@\\s<>]+")) {
      throw new IllegalArgumentException(key + ": expected an email address like ops@example.com, was '" + value
          + "'");
    }
    return value;
  }
}
