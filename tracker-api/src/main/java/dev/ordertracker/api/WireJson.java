package dev.ordertracker.api;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Typed reads from wire JSON with errors that name the field. Every {@code fromJson} of the model goes through
 * here, so that a malformed value always becomes an {@link IllegalArgumentException} with the key in its message.
 */
public final class WireJson {
  private WireJson() {
  }

  public static String optString(JsonObject json, String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Number) {
      return v.toString(); // exchange ids may arrive as numbers
    }
    throw new IllegalArgumentException(key + ": expected a string");
  }

  public static String requiredString(JsonObject json, String key) {
    String s = optString(json, key);
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(key + " is required and must not be blank");
    }
    return s;
  }

  /**
   * The wire form of an amount: a decimal string in plain notation ({@code "5.00000000"}), as Binance sends them, so
   * that no JSON parser (a browser's, Node's, Jackson's defaults) turns it into a double. Readers take strings and,
   * for compatibility, numbers ({@link Decimals#parse}).
   */
  public static String decimal(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  public static BigDecimal optDecimal(JsonObject json, String key) {
    return Decimals.parse(json.getValue(key), key);
  }

  public static Instant optInstant(JsonObject json, String key) {
    return Timestamps.parse(json.getValue(key), key);
  }

  public static long optLong(JsonObject json, String key, long defaultValue) {
    Object v = json.getValue(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    if (v instanceof String) {
      try {
        return Long.parseLong(((String) v).trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(key + ": expected an integer");
  }

  public static boolean optBoolean(JsonObject json, String key, boolean defaultValue) {
    Object v = json.getValue(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    throw new IllegalArgumentException(key + ": expected true or false");
  }

  public static JsonObject optObject(JsonObject json, String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonObject) {
      return (JsonObject) v;
    }
    throw new IllegalArgumentException(key + ": expected an object");
  }
}
