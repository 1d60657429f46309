package dev.ordertracker.notifier.sink;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The HTTP sinks: one JSON POST per notification, 2xx is delivered, anything else (and a timeout, a refused
 * connection) fails the attempt so that the {@link DeliveryQueue} retries it.
 * <ul>
 *   <li>webhook: the body of {@link Notification#toWebhookJson()}; with a secret, header {@code X-Signature} = hex
 *   HMAC-SHA256 of the exact body bytes under the secret (the receiver recomputes it over the raw body);</li>
 *   <li>Slack incoming webhook: {@code {"text": <message>}};</li>
 *   <li>Telegram Bot API: {@code {"chat_id", "text", "disable_web_page_preview": true}} to
 *   {@code <api_url>/bot<token>/sendMessage}.</li>
 * </ul>
 */
final class HttpTransport implements Transport {
  static final String SIGNATURE_HEADER = "X-Signature";

  private final WebClient client;
  private final String url;
  private final long timeoutMs;
  private final Function<Notification, JsonObject> body;
  private final Mac mac;
  private final Scrubber scrubber;

  private HttpTransport(Vertx vertx, SinkOptions options, String url, Function<Notification, JsonObject> body,
                        String secret, Scrubber scrubber) {
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.getTimeoutMs()))
        .setUserAgent("vertx-order-tracker-notifier")
        .setFollowRedirects(false));
    this.url = url;
    this.timeoutMs = options.getTimeoutMs();
    this.body = body;
    this.mac = secret == null ? null : hmac(secret);
    this.scrubber = scrubber;
  }

  static HttpTransport webhook(Vertx vertx, SinkOptions o) {
    return new HttpTransport(vertx, o, o.getUrl(), Notification::toWebhookJson, o.getSecret(),
        new Scrubber(o.getUrl(), URI.create(o.getUrl()).getRawQuery(), o.getSecret()));
  }

  static HttpTransport slack(Vertx vertx, SinkOptions o) {
    return new HttpTransport(vertx, o, o.getUrl(), n -> new JsonObject().put("text", n.text()), null,
        new Scrubber(o.getUrl(), URI.create(o.getUrl()).getRawPath()));
  }

  static HttpTransport telegram(Vertx vertx, SinkOptions o) {
    String url = o.getApiUrl() + "/bot" + o.getBotToken() + "/sendMessage";
    return new HttpTransport(vertx, o, url, n -> new JsonObject().put("chat_id", o.getChatId()).put("text", n.text())
        .put("disable_web_page_preview", true), null, new Scrubber(url, o.getBotToken()));
  }

  @Override
  public Future<Void> send(Notification notification) {
    Buffer payload = body.apply(notification).toBuffer();
    HttpRequest<Buffer> request = client.postAbs(url).timeout(timeoutMs)
        .putHeader("Content-Type", "application/json");
    if (mac != null) {
      request.putHeader(SIGNATURE_HEADER, signature(payload));
    }
    return request.sendBuffer(payload)
        .recover(e -> Future.failedFuture(scrubber.failure(e)))
        .compose(response -> response.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new Scrubber.SinkDeliveryException("HTTP " + response.statusCode())));
  }

  private String signature(Buffer payload) {
    try {
      Mac m = (Mac) mac.clone(); // Mac is stateful; a clone per request keeps the key schedule
      return HexFormat.of().formatHex(m.doFinal(payload.getBytes()));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 is not cloneable", e);
    }
  }

  private static Mac hmac(String secret) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }
}
