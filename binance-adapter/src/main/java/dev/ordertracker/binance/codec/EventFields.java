package dev.ordertracker.binance.codec;

import dev.ordertracker.api.Decimals;
import dev.ordertracker.binance.codec.FrameDecodeException.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/**
 * Typed reads of Binance event keys from a parsed JSON object, for the strict decoder. Every failure is a
 * {@link FrameDecodeException} naming the event type and key.
 */
final class EventFields {
  /** Longer decimal strings than this are refused as absurd (Binance sends at most ~30 characters). */
  static final int MAX_DECIMAL_LENGTH = 64;
  /** Longer strings than this are refused as absurd. */
  static final int MAX_STRING_LENGTH = 256;

  private final JsonObject json;
  private final String type;

  EventFields(JsonObject json, String type) {
    this.json = json;
    this.type = type;
  }

  private FrameDecodeException missing(String key) {
    return new FrameDecodeException(Kind.MISSING_FIELD, type + "." + key + " is missing");
  }

  private FrameDecodeException wrong(String key, String expected) {
    return new FrameDecodeException(Kind.WRONG_TYPE, type + "." + key + ": expected " + expected);
  }

  long requiredLong(String key) {
    Object v = json.getValue(key);
    if (v == null) {
      throw missing(key);
    }
    return asLong(key, v);
  }

  long optLong(String key, long defaultValue) {
    Object v = json.getValue(key);
    return v == null ? defaultValue : asLong(key, v);
  }

  Long optLongObject(String key) {
    Object v = json.getValue(key);
    return v == null ? null : asLong(key, v);
  }

  private long asLong(String key, Object v) {
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    throw wrong(key, "an integer");
  }

  String requiredString(String key) {
    String s = optString(key);
    if (s == null) {
      throw missing(key);
    }
    return s;
  }

  String optString(String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String)) {
      throw wrong(key, "a string");
    }
    String s = (String) v;
    if (s.length() > MAX_STRING_LENGTH) {
      throw wrong(key, "a string of at most " + MAX_STRING_LENGTH + " characters");
    }
    return s;
  }

  BigDecimal requiredDecimal(String key) {
    BigDecimal d = optDecimal(key);
    if (d == null) {
      throw missing(key);
    }
    return d;
  }

  /** A decimal string; negative values are refused (no quantity, price or commission is negative). */
  BigDecimal optDecimal(String key) {
    BigDecimal d = optSignedDecimal(key);
    if (d != null && d.signum() < 0) {
      throw wrong(key, "a non-negative decimal");
    }
    return d;
  }

  /** A decimal string that may be negative (balance deltas). */
  BigDecimal optSignedDecimal(String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String)) {
      throw wrong(key, "a decimal string");
    }
    String s = (String) v;
    if (s.isEmpty() || s.length() > MAX_DECIMAL_LENGTH) {
      throw wrong(key, "a decimal string of 1 to " + MAX_DECIMAL_LENGTH + " characters");
    }
    if (s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
      throw wrong(key, "a decimal string in plain notation"); // Binance never sends exponents
    }
    try {
      return Decimals.bounded(new BigDecimal(s), key);
    } catch (NumberFormatException e) {
      throw wrong(key, "a decimal string");
    } catch (IllegalArgumentException e) {
      throw wrong(key, "a decimal of at most " + Decimals.MAX_PRECISION + " digits and " + Decimals.MAX_SCALE
          + " decimals");
    }
  }

  BigDecimal requiredSignedDecimal(String key) {
    BigDecimal d = optSignedDecimal(key);
    if (d == null) {
      throw missing(key);
    }
    return d;
  }

  boolean optBoolean(String key, boolean defaultValue) {
    Boolean b = optBooleanObject(key);
    return b == null ? defaultValue : b;
  }

  Boolean optBooleanObject(String key) {
    Object v = json.getValue(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean)) {
      throw wrong(key, "true or false");
    }
    return (Boolean) v;
  }

  JsonArray requiredArray(String key) {
    Object v = json.getValue(key);
    if (v == null) {
      throw missing(key);
    }
    if (!(v instanceof JsonArray)) {
      throw wrong(key, "an array");
    }
    return (JsonArray) v;
  }

  static JsonObject element(JsonArray array, int index, String type, String key) {
    Object v = array.getValue(index);
    if (!(v instanceof JsonObject)) {
      throw new FrameDecodeException(Kind.WRONG_TYPE, type + "." + key + "[" + index + "]: expected an object");
    }
    return (JsonObject) v;
  }

  /**
   * A required enum that tolerates values this version does not know: those are added to {@code unknown} (kept as
   * sent) and answered as null. Present but not a string is still a WRONG_TYPE error.
   */
  <E extends Enum<E>> E tolerantEnum(String key, Class<E> enumType, UnknownValue.Kind kind,
                                     java.util.List<UnknownValue> unknown) {
    String s = requiredString(key);
    try {
      return Enum.valueOf(enumType, s);
    } catch (IllegalArgumentException e) {
      unknown.add(new UnknownValue(kind, s));
      return null;
    }
  }

  <E extends Enum<E>> E requiredEnum(String key, Class<E> enumType) {
    String s = requiredString(key);
    try {
      return Enum.valueOf(enumType, s);
    } catch (IllegalArgumentException e) {
      throw wrong(key, "one of " + java.util.Arrays.toString(enumType.getEnumConstants()));
    }
  }
}
