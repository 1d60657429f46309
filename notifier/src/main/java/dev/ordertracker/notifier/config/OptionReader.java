package dev.ordertracker.notifier.config;

import dev.ordertracker.api.Decimals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed reads from one level of the notifier's configuration JSON, with errors that name the key by its path
 * ({@code rules[2].cooldown_ms}). Unknown keys are refused up front ({@link #of}), so a misspelled key never
 * silently falls back to a default.
 */
public final class OptionReader {
  private final JsonObject json;
  private final String path;

  private OptionReader(JsonObject json, String path) {
    this.json = json;
    this.path = path;
  }

  /**
   * @param path  where this object sits ({@code ""} for the root, {@code "sinks[0]."} for an element)
   * @param what  what the object is, for the message ("notifier option", "rule option", ...)
   * @throws IllegalArgumentException naming the first unknown key
   */
  public static OptionReader of(JsonObject json, String path, Set<String> known, String what) {
    for (String key : new TreeSet<>(json.fieldNames())) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(path + key + ": unknown " + what + " (known: " + new TreeSet<>(known)
            + ")");
      }
    }
    return new OptionReader(json, path);
  }

  public String name(String key) {
    return path + key;
  }

  public boolean has(String key) {
    return json.getValue(key) != null;
  }

  public String string(String key) {
    Object v = json.getValue(key);
    if (!(v instanceof String)) {
      throw new IllegalArgumentException(name(key) + ": expected a string");
    }
    return (String) v;
  }

  public long integer(String key) {
    Object v = json.getValue(key);
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    throw new IllegalArgumentException(name(key) + ": expected an integer, was " + v);
  }

  public int intValue(String key) {
    long v = integer(key);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name(key) + ": out of range, was " + v);
    }
    return (int) v;
  }

  public boolean bool(String key) {
    Object v = json.getValue(key);
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    throw new IllegalArgumentException(name(key) + ": expected true or false");
  }

  /** An exact decimal: a string (preferred, as on our wire) or a JSON number. */
  public BigDecimal decimal(String key) {
    return Decimals.nonNegative(json.getValue(key), name(key));
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
      throw new IllegalArgumentException(name(key) + ": expected an array");
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
      throw new IllegalArgumentException(name(key) + ": expected an array of objects");
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
}
