package dev.ordertracker.bridge.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a verified token says about its client: subject, expiry and the optional restrictions. A {@code null}
 * accounts (or symbols) set means "not restricted"; an empty set means "nothing".
 */
public record ClientClaims(String subject, Instant expiresAt, Set<String> accounts, Set<String> symbols,
                           Set<String> roles) {
  public static final String SUB = "sub";
  public static final String EXP = "exp";
  public static final String ACCOUNTS = "accounts";
  public static final String SYMBOLS = "symbols";
  public static final String ROLES = "roles";

  public ClientClaims {
    Objects.requireNonNull(subject, SUB);
    Objects.requireNonNull(expiresAt, EXP);
    accounts = accounts == null ? null : Set.copyOf(accounts);
    symbols = symbols == null ? null : Set.copyOf(symbols);
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  /** Reads the claims of a decoded token payload; throws {@link BridgeRefusal} (auth_invalid) when malformed. */
  public static ClientClaims fromPayload(JsonObject payload) {
    Object sub = payload.getValue(SUB);
    Object exp = payload.getValue(EXP);
    if (!(sub instanceof String) || ((String) sub).isBlank()) {
      throw new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, "sub claim missing");
    }
    if (!(exp instanceof Number)) {
      throw new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, "exp claim missing");
    }
    return new ClientClaims((String) sub, Instant.ofEpochSecond(((Number) exp).longValue()),
        stringSet(payload, ACCOUNTS), stringSet(payload, SYMBOLS), stringSet(payload, ROLES));
  }

  /** The token payload for these claims (what {@link TokenAuthenticator#issue} signs). */
  public JsonObject toPayload() {
    JsonObject json = new JsonObject().put(SUB, subject).put(EXP, expiresAt.getEpochSecond());
    if (accounts != null) {
      json.put(ACCOUNTS, new JsonArray(accounts.stream().sorted().toList()));
    }
    if (symbols != null) {
      json.put(SYMBOLS, new JsonArray(symbols.stream().sorted().toList()));
    }
    if (!roles.isEmpty()) {
      json.put(ROLES, new JsonArray(roles.stream().sorted().toList()));
    }
    return json;
  }

  /** Whether the accounts or symbols claim restricts what this client sees. */
  public boolean restricted() {
    return accounts != null || symbols != null;
  }

  public boolean isExpired(Instant now) {
    return !expiresAt.isAfter(now);
  }

  /** An order or event without an account is visible only to clients without an accounts restriction. */
  public boolean permitsAccount(String account) {
    return accounts == null || (account != null && accounts.contains(account));
  }

  public boolean permitsSymbol(String symbol) {
    return symbols == null || (symbol != null && symbols.contains(symbol));
  }

  public boolean hasRole(String role) {
    return role != null && roles.contains(role);
  }

  private static Set<String> stringSet(JsonObject payload, String key) {
    Object value = payload.getValue(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray)) {
      throw new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, key + " claim must be an array of strings");
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object item : (JsonArray) value) {
      if (!(item instanceof String)) {
        throw new BridgeRefusal(BridgeErrorCode.AUTH_INVALID, key + " claim must be an array of strings");
      }
      out.add((String) item);
    }
    return out;
  }
}
