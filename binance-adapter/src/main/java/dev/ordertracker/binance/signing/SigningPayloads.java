package dev.ordertracker.binance.signing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact text Binance signs.
 * <ul>
 *   <li>WebSocket API: every param except {@code signature}, sorted by name, {@code name=value} joined with
 *   {@code &}, values as UTF-8 text (not percent-encoded).</li>
 *   <li>REST: the query string exactly as sent, percent-encoded, in the order given.</li>
 * </ul>
 */
public final class SigningPayloads {
  private SigningPayloads() {
  }

  public static String wsApi(Map<String, ?> params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, ?> e : new TreeMap<>(params).entrySet()) {
      if ("signature".equals(e.getKey())) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(e.getKey()).append('=').append(e.getValue() == null ? "" : e.getValue());
    }
    return sb.toString();
  }

  /** The percent-encoded query string of {@code params} in their iteration order. */
  public static String restQuery(Map<String, ?> params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, ?> e : params.entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(encode(e.getKey())).append('=').append(encode(String.valueOf(e.getValue())));
    }
    return sb.toString();
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
