package dev.ordertracker.binance.signing;

import dev.ordertracker.binance.clock.ServerClock;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/** Adds {@code apiKey}, {@code timestamp} (server clock), {@code recvWindow} and {@code signature} to params. */
public final class SignedParams {
  private SignedParams() {
  }

  /** WebSocket API: the signature covers every param sorted by name. */
  public static JsonObject wsApi(RequestSigner signer, ServerClock clock, long recvWindowMs, JsonObject params) {
    JsonObject p = params == null ? new JsonObject() : params.copy();
    p.put("apiKey", signer.apiKey()).put("timestamp", clock.nowMs());
    if (recvWindowMs > 0) {
      p.put("recvWindow", recvWindowMs);
    }
    return p.put("signature", signer.sign(SigningPayloads.wsApi(p.getMap())));
  }

  /** REST: the percent-encoded query string with {@code signature} appended (the key goes in X-MBX-APIKEY). */
  public static String restQuery(RequestSigner signer, ServerClock clock, long recvWindowMs,
                                 Map<String, ?> params) {
    Map<String, Object> p = new LinkedHashMap<>(params);
    if (recvWindowMs > 0) {
      p.put("recvWindow", recvWindowMs);
    }
    p.put("timestamp", clock.nowMs());
    String query = SigningPayloads.restQuery(p);
    return query + "&signature=" + SigningPayloads.encode(signer.sign(query));
  }
}
