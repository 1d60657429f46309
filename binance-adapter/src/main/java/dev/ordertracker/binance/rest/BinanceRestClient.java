package dev.ordertracker.binance.rest;

import dev.ordertracker.binance.clock.ServerClock;
import dev.ordertracker.binance.signing.RequestSigner;
import dev.ordertracker.binance.signing.SignedParams;
import dev.ordertracker.binance.ws.BinanceApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Signed Binance REST calls over the Vert.x web client: the query string as sent is what is signed, the key goes in
 * {@code X-MBX-APIKEY}. Error answers become {@link BinanceApiException} (status, code, message); a transport
 * failure is {@link BinanceApiException#NO_ANSWER} (outcome unknown), its message never carrying the signed query. A -1021 answer re-syncs the clock from
 * {@code GET /api/v3/time} and retries once.
 */
public final class BinanceRestClient {
  private static final Pattern QUERY = Pattern.compile("\\?\\S*");
  private final WebClient client;
  private final String host;
  private final int port;
  private final boolean ssl;
  private final ServerClock clock;
  private final long recvWindowMs;
  private final long timeoutMs;
  private volatile java.util.function.LongConsumer usedWeight = w -> { };

  public BinanceRestClient(Vertx vertx, String baseUrl, ServerClock clock, long recvWindowMs, long timeoutMs) {
    URI uri = URI.create(baseUrl);
    this.ssl = "https".equals(uri.getScheme());
    this.host = uri.getHost();
    this.port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    this.client = WebClient.create(vertx, new WebClientOptions().setSsl(ssl).setKeepAlive(true));
    this.clock = clock;
    this.recvWindowMs = recvWindowMs;
    this.timeoutMs = timeoutMs;
  }

  public Future<Void> syncClock() {
    long sent = clock.localMs();
    return client.request(HttpMethod.GET, port, host, "/api/v3/time").ssl(ssl).timeout(timeoutMs).send()
        .compose(r -> r.statusCode() == 200 ? Future.succeededFuture(r.bodyAsJsonObject())
            : Future.failedFuture(error(r)))
        .map(json -> {
          clock.update(json.getLong("serverTime"), sent, clock.localMs());
          return null;
        });
  }

  /** A signed request; completes with the parsed JSON answer (object or array). */
  public Future<Object> signed(HttpMethod method, String path, Map<String, ?> params, RequestSigner signer) {
    return send(method, path, params, signer).recover(e -> {
      if (e instanceof BinanceApiException b && b.isClockError()) {
        return syncClock().compose(v -> send(method, path, params, signer));
      }
      return Future.failedFuture(e);
    });
  }

  private Future<Object> send(HttpMethod method, String path, Map<String, ?> params, RequestSigner signer) {
    String query = SignedParams.restQuery(signer, clock, recvWindowMs, params);
    return client.request(method, port, host, path + "?" + query).ssl(ssl).timeout(timeoutMs)
        .putHeader("X-MBX-APIKEY", signer.apiKey()).send()
        .recover(e -> Future.failedFuture(new BinanceApiException(BinanceApiException.NO_ANSWER, 0,
            method + " " + path + ": " + e.getClass().getSimpleName() + " " + withoutQuery(e.getMessage()))))
        .compose(r -> {
          readUsedWeight(r);
          return r.statusCode() == 200 ? Future.succeededFuture(Json.decodeValue(r.bodyAsBuffer()))
              : Future.failedFuture(error(r));
        });
  }

  /** Hears the IP's used request weight of the minute from every answer ({@code X-MBX-USED-WEIGHT-1M}). */
  public BinanceRestClient onUsedWeight(java.util.function.LongConsumer listener) {
    this.usedWeight = listener;
    return this;
  }

  /** rest-api.md "LIMITS": every answer carries {@code X-MBX-USED-WEIGHT-(intervalNum)(intervalLetter)}. */
  private void readUsedWeight(HttpResponse<Buffer> r) {
    String used = r.getHeader("X-MBX-USED-WEIGHT-1M");
    if (used != null) {
      try {
        usedWeight.accept(Long.parseLong(used.trim()));
      } catch (NumberFormatException ignored) {
        // a malformed header is not worth failing an answer over
      }
    }
  }

  /**
   * The transport's message without any query string: a timeout names the request it gave up on, and that is the
   * signed query (parameters, timestamp, signature). Nothing after a '?' is ever put in a message or a log.
   */
  static String withoutQuery(String message) {
    return message == null ? null : QUERY.matcher(message).replaceAll("?<redacted>");
  }

  private static BinanceApiException error(HttpResponse<Buffer> r) {
    int code = 0;
    String msg = r.statusMessage();
    try {
      JsonObject body = r.bodyAsJsonObject();
      if (body != null) {
        code = body.getInteger("code", 0);
        msg = body.getString("msg", msg);
      }
    } catch (RuntimeException notJson) {
      msg = msg + " (non-JSON body)";
    }
    // 429 / 418 carry Retry-After in seconds (rest-api.md "LIMITS")
    String retryAfter = r.getHeader("Retry-After");
    long retryAt = -1;
    if (retryAfter != null) {
      try {
        retryAt = System.currentTimeMillis() + Long.parseLong(retryAfter.trim()) * 1000;
      } catch (NumberFormatException ignored) {
        retryAt = -1;
      }
    }
    return new BinanceApiException(r.statusCode(), code, retryAfter == null ? msg
        : msg + " (Retry-After " + retryAfter + " s)", retryAt);
  }

  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
