package dev.ordertracker.bench.replay;

import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Final order states in one comparable form, {@code symbol order_id STATUS filled_quantity} (tracker status names,
 * the quantity without trailing zeros): what the workload generator expects, what the naive baseline writes, and
 * what is read back from the replay tool's TrackedOrder lines. {@link #compare} says how many orders match.
 */
public final class FinalStates {
  private FinalStates() {
  }

  public static String line(String symbol, String orderId, String status, BigDecimal filled) {
    return symbol + ' ' + orderId + ' ' + status + ' ' + filled.stripTrailingZeros().toPlainString();
  }

  /** A file of {@link #line}s, keyed by {@code symbol order_id}. */
  public static Map<String, String> readLines(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        int second = line.indexOf(' ', line.indexOf(' ') + 1);
        out.put(line.substring(0, second), line);
      }
    }
    return out;
  }

  /** The replay tool's output (one TrackedOrder JSON per line) in the comparable form. */
  public static Map<String, String> readTrackedOrders(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      while ((text = in.readLine()) != null) {
        JsonObject o = new JsonObject(text);
        String key = o.getString("symbol") + ' ' + o.getString("order_id");
        out.put(key, line(o.getString("symbol"), o.getString("order_id"), o.getString("status"),
            new BigDecimal(o.getString("filled_quantity"))));
      }
    }
    return out;
  }

  /** How many expected orders {@code actual} has in exactly the expected state (extra orders count against). */
  public static int compare(Map<String, String> expected, Map<String, String> actual) {
    int exact = 0;
    for (Map.Entry<String, String> e : expected.entrySet()) {
      if (Objects.equals(e.getValue(), actual.get(e.getKey()))) {
        exact++;
      }
    }
    return exact - Math.max(0, actual.size() - expected.size());
  }

  /** The first difference, for a message; null when none. */
  public static String firstDifference(Map<String, String> expected, Map<String, String> actual) {
    for (Map.Entry<String, String> e : expected.entrySet()) {
      if (!Objects.equals(e.getValue(), actual.get(e.getKey()))) {
        return "expected " + e.getValue() + ", got " + actual.get(e.getKey());
      }
    }
    return actual.size() == expected.size() ? null : actual.size() + " orders, expected " + expected.size();
  }
}
