package dev.ordertracker.simulator.signing;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Builds the exact text Binance signs, for the WebSocket API and for REST. */
public final class SigningPayloads {

  private SigningPayloads() {
  }

  /**
   * WebSocket API: every param except {@code signature}, sorted by name, {@code name=value} joined with
   * {@code &}; values as UTF-8 text, not percent-encoded.
   */
  public static String wsApi(JsonObject params) {
    TreeMap<String, String> sorted = new TreeMap<>();
    for (String name : params.fieldNames()) {
      if (!"signature".equals(name)) {
        Object v = params.getValue(name);
        sorted.put(name, v == null ? "" : String.valueOf(v));
      }
    }
    StringBuilder sb = new StringBuilder();
    sorted.forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(k).append('=').append(v);
    });
    return sb.toString();
  }

  /**
   * REST: the query string, then the body, exactly as sent (percent-encoded), with the {@code signature}
   * parameter removed from whichever part carried it. Binance concatenates the two without a separator.
   */
  public static String rest(String rawQuery, String rawBody) {
    return withoutSignature(rawQuery) + withoutSignature(rawBody);
  }

  /** The value of the {@code signature} parameter in a raw query string or form body, still URL-encoded. */
  public static String rawSignature(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    for (String part : raw.split("&")) {
      if (part.startsWith("signature=")) {
        return part.substring("signature=".length());
      }
    }
    return null;
  }

  static String withoutSignature(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String part : raw.split("&", -1)) {
      if (!part.startsWith("signature=")) {
        kept.add(part);
      }
    }
    return String.join("&", kept);
  }
}
