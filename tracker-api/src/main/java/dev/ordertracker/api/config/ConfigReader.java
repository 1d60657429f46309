package dev.ordertracker.api.config;

import dev.ordertracker.api.Decimals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Strict, typed reads from one level of a configuration JSON object — the one reader every options class uses. Every
 * error names the key by its full path ({@code store.flush_interval_ms}, {@code rules[2].cooldown_ms}); unknown keys
 * are refused up front ({@link #of}), so a misspelled key never silently falls back to a default; values are never
 * coerced (a string is not an integer, {@code 1.5} is not an integer, {@code "true"} is not a boolean).
 *
 * <pre>
 *   ConfigReader r = ConfigReader.of(json, "store.", KEYS, "store option");
 *   long flush = r.longValue(FLUSH_INTERVAL_MS, DEFAULT_FLUSH_INTERVAL_MS, 1, 60_000);
 *   StoreOptions store = r.has(STORE) ? new StoreOptions(r.object(STORE)) : null;
 * </pre>
 */
public final class ConfigReader {
  private final JsonObject json;
  private final String path;

  private ConfigReader(JsonObject json, String path) {
    this.json = json;
    this.path = path;
  }

  /**
   * @param path  where this object sits, with its trailing dot ({@code ""} for the root, {@code "store."},
   *              {@code "sinks[0]."})
   * @param known the keys this level may have
   * @param what  what the object is, for the message ("bridge option", "rule option", ...)
   * @throws IllegalArgumentException {@code <path><key>: unknown <what> (known: [...])} for the first unknown key
   */
  public static ConfigReader of(JsonObject json, String path, Set<String> known, String what) {
    for (String key : new TreeSet<>(json.fieldNames())) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(path + key + ": unknown " + what + " (known: " + new TreeSet<>(known)
            + ")");
      }
    }
    return new ConfigReader(json, path);
  }

  /** The key's full path, for messages. */
  public String name(String key) {
    return path + key;
  }

  /** Present and not null. */
  public boolean has(String key) {
    return json.getValue(key) != null;
  }

  /** A required string (may be blank). */
  public String string(String key) {
    Object v = json.getValue(key);
    if (!(v instanceof String)) {
      throw new IllegalArgumentException(name(key) + ": expected a string, was " + describe(v));
    }
    return (String) v;
  }

  /** A string, or {@code defaultValue} when absent. */
  public String string(String key, String defaultValue) {
    return has(key) ? string(key) : defaultValue;
  }

  /** A non-blank string, or {@code defaultValue} when absent. */
  public String text(String key, String defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    String v = string(key);
    if (v.isBlank()) {
      throw new IllegalArgumentException(name(key) + ": must not be blank");
    }
    return v;
  }

  /** A required integer (JSON integer types only). */
  public long longValue(String key) {
    Object v = json.getValue(key);
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    throw new IllegalArgumentException(name(key) + ": expected an integer, was " + describe(v));
  }

  public long longValue(String key, long defaultValue) {
    return has(key) ? longValue(key) : defaultValue;
  }

  /** An integer in {@code [min, max]}, or {@code defaultValue} when absent (the default is not range-checked). */
  public long longValue(String key, long defaultValue, long min, long max) {
    if (!has(key)) {
      return defaultValue;
    }
    long v = longValue(key);
    if (v < min || v > max) {
      throw new IllegalArgumentException(name(key) + ": " + v + " is not in [" + min + ", " + max + "]");
    }
    return v;
  }

  public int intValue(String key) {
    return (int) longValue(key, 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  public int intValue(String key, int defaultValue) {
    return has(key) ? intValue(key) : defaultValue;
  }

  public int intValue(String key, int defaultValue, int min, int max) {
    return (int) longValue(key, defaultValue, min, max);
  }

  /** A number (integer or not), e.g. a rate. */
  public double doubleValue(String key, double defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    Object v = json.getValue(key);
    if (!(v instanceof Number)) {
      throw new IllegalArgumentException(name(key) + ": expected a number, was " + describe(v));
    }
    return ((Number) v).doubleValue();
  }

  public boolean bool(String key) {
    Object v = json.getValue(key);
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    throw new IllegalArgumentException(name(key) + ": expected true or false, was " + describe(v));
  }

  public boolean bool(String key, boolean defaultValue) {
    return has(key) ? bool(key) : defaultValue;
  }

  /** An ISO-8601 duration ({@code "PT30S"}) or a whole number of milliseconds; must be positive. */
  public Duration duration(String key, Duration defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    Object v = json.getValue(key);
    Duration d;
    if (v instanceof String) {
      try {
        d = Duration.parse((String) v);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(name(key) + ": expected an ISO-8601 duration such as PT30S, was '" + v
            + "'", e);
      }
    } else {
      d = Duration.ofMillis(longValue(key));
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name(key) + ": must be positive, was " + d);
    }
    return d;
  }

  /** An exact non-negative decimal: a string (preferred, as on our wire) or a JSON number. */
  public BigDecimal decimal(String key) {
    return Decimals.nonNegative(json.getValue(key), name(key));
  }

  /** A required object. */
  public JsonObject object(String key) {
    Object v = json.getValue(key);
    if (!(v instanceof JsonObject)) {
      throw new IllegalArgumentException(name(key) + ": expected an object, was " + describe(v));
    }
    return (JsonObject) v;
  }

  /** The reader of a nested object ({@code key.} becomes part of every path below), strict about its keys. */
  public ConfigReader child(String key, Set<String> known, String what) {
    return of(object(key), name(key) + ".", known, what);
  }

  public List<String> strings(String key) {
    return list(key, v -> {
      if (!(v instanceof String)) {
        throw new IllegalArgumentException(name(key) + ": expected an array of strings");
      }
      return (String) v;
    });
  }

  /** Each element parsed by {@code parse}; its IllegalArgumentException is re-thrown naming the key. */
  public <T> List<T> list(String key, Function<Object, T> parse) {
    Object v = json.getValue(key);
    if (!(v instanceof JsonArray)) {
      throw new IllegalArgumentException(name(key) + ": expected an array, was " + describe(v));
    }
    List<T> out = new ArrayList<>();
    for (Object element : (JsonArray) v) {
      try {
        out.add(parse.apply(element));
      } catch (IllegalArgumentException e) {
        String m = e.getMessage();
        throw new IllegalArgumentException(m != null && m.startsWith(name(key)) ? m : name(key) + ": " + m, e);
      }
    }
    return out;
  }

  /** The objects of an array, each with its own path ({@code key[i].}). */
  public List<Element> objects(String key) {
    Object v = json.getValue(key);
    if (!(v instanceof JsonArray)) {
      throw new IllegalArgumentException(name(key) + ": expected an array of objects, was " + describe(v));
    }
    List<Element> out = new ArrayList<>();
    JsonArray array = (JsonArray) v;
    for (int i = 0; i < array.size(); i++) {
      Object element = array.getValue(i);
      if (!(element instanceof JsonObject)) {
        throw new IllegalArgumentException(name(key) + "[" + i + "]: expected an object");
      }
      out.add(new Element((JsonObject) element, name(key) + "[" + i + "]."));
    }
    return out;
  }

  /** An object of an array and the path prefix of its keys. */
  public record Element(JsonObject json, String path) {
  }

  /** The type of a bad value, never the value itself: it may be a secret. */
  private static String describe(Object v) {
    if (v == null) {
      return "absent";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof Number) {
      // never the value: a secret or key written unquoted in YAML parses as a number
      return v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal ? "a decimal number"
          : "an integer";
    }
    if (v instanceof JsonArray) {
      return "an array";
    }
    if (v instanceof JsonObject) {
      return "an object";
    }
    return v.getClass().getSimpleName();
  }
}
