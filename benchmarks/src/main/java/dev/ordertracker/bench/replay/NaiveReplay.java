package dev.ordertracker.bench.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The naive baseline the replay tool is measured against: Jackson streaming parse of each line → a record with
 * BigDecimals → a HashMap of order states (a final status wins; otherwise the larger cumulative quantity), then
 * every order's {@link FinalStates} line.
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar dev.ordertracker.bench.replay.NaiveReplay IN.jsonl OUT.states
 * </pre>
 */
public final class NaiveReplay {
  private NaiveReplay() {
  }

  record Report(String symbol, long orderId, String status, BigDecimal cumulative, BigDecimal cumulativeQuote) {
    boolean isFinal() {
      return !"NEW".equals(status) && !"PARTIALLY_FILLED".equals(status);
    }
  }

  public static void main(String[] args) throws IOException {
    long start = System.nanoTime();
    JsonFactory json = new JsonFactory();
    Map<String, Report> orders = new HashMap<>();
    long frames = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        frames++;
        Report r = parse(json, line);
        if (r != null) {
          orders.merge(r.symbol() + ' ' + r.orderId(), r, NaiveReplay::newer);
        }
      }
    }
    try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      for (Report r : orders.values()) {
        out.write(FinalStates.line(r.symbol(), Long.toString(r.orderId()), trackerStatus(r.status()),
            r.cumulative()));
        out.newLine();
      }
    }
    System.out.printf("naive: frames %d, %d orders, %.0f frames/s%n", frames, orders.size(),
        frames / ((System.nanoTime() - start) / 1e9));
  }

  private static Report newer(Report old, Report r) {
    if (old.isFinal()) {
      return old;
    }
    return r.isFinal() || r.cumulative().compareTo(old.cumulative()) > 0 ? r : old;
  }

  private static Report parse(JsonFactory json, String line) throws IOException {
    String type = null;
    String symbol = null;
    String status = null;
    long orderId = 0;
    BigDecimal z = null;
    BigDecimal quote = null;
    try (JsonParser p = json.createParser(line)) {
      int depth = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        } else if (t == JsonToken.FIELD_NAME && depth == 2) {
          String name = p.currentName();
          p.nextToken();
          switch (name) {
            case "e" -> type = p.getText();
            case "s" -> symbol = p.getText();
            case "X" -> status = p.getText();
            case "i" -> orderId = p.getLongValue();
            case "z" -> z = new BigDecimal(p.getText());
            case "Z" -> quote = new BigDecimal(p.getText());
            default -> p.skipChildren();
          }
        }
      }
    }
    return "executionReport".equals(type) ? new Report(symbol, orderId, status, z, quote) : null;
  }

  private static String trackerStatus(String binance) {
    return switch (binance) {
      case "NEW" -> "PLACED";
      case "CANCELED" -> "CANCELLED";
      case "REJECTED" -> "FAILED";
      case "EXPIRED", "EXPIRED_IN_MATCH" -> "EXPIRED";
      default -> binance;
    };
  }
}
