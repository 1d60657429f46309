package dev.ordertracker.bridge;

import dev.ordertracker.bridge.security.TrackerActions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 7: SockJS's HTTP fallback (xhr polling) works — a client behind a proxy that blocks WebSocket can
 * send — with the body limit applied to plain and chunked bodies; and the dashboard's page headers (Low).
 */
@ExtendWith(VertxExtension.class)
class SockJsHttpTransportTest {
  private BridgeTestBed bed;
  private HttpClient http;

  @BeforeEach
  void start(Vertx vertx) {
    bed = BridgeTestBed.start(vertx);
    // one connection per call: SockJS may close a polling connection once it has answered
    http = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setKeepAlive(false));
  }

  private record Answer(int status, String body, io.vertx.core.MultiMap headers) {
  }

  private Answer call(HttpMethod method, String uri, Buffer body, boolean chunked) {
    return await(http.request(new RequestOptions().setMethod(method).setHost(BridgeTestBed.HOST)
            .setPort(bed.bridge.httpPort()).setURI(uri))
        .compose(req -> {
          Future<HttpClientResponse> response;
          if (body == null) {
            response = req.send();
          } else if (chunked) {
            req.setChunked(true);
            // two chunks, no Content-Length: only a body handler with a limit can bound this
            int half = body.length() / 2;
            req.write(body.getBuffer(0, half));
            response = req.send(body.getBuffer(half, body.length()));
          } else {
            response = req.send(body);
          }
          return response.compose(r -> r.body().map(b -> new Answer(r.statusCode(), b.toString(), r.headers())));
        }));
  }

  private static Buffer sendFrame(String replyAddress) {
    JsonObject frame = new JsonObject().put("type", "send").put("address", BridgeTestBed.ADDRESSES.tracker())
        .put("headers", new JsonObject().put(TrackerActions.HEADER_ACTION, TrackerActions.GET_STATS))
        .put("body", new JsonObject()).put("replyAddress", replyAddress);
    return Buffer.buffer(new JsonArray().add(frame.encode()).encode());
  }

  @Test
  void aRequestOverXhrPollingIsAnswered() {
    for (boolean chunked : new boolean[] {false, true}) {
      String session = "/eventbus/000/xhr" + (chunked ? "c" : "p") + "session";
      String token = URLEncoder.encode(bed.token("xhr-client"), StandardCharsets.UTF_8);
      assertThat(call(HttpMethod.POST, session + "/xhr?token=" + token, null, false).body()).startsWith("o");
      Answer sent = call(HttpMethod.POST, session + "/xhr_send", sendFrame("xhr-reply-1"), chunked);
      assertThat(sent.status()).as("xhr_send (chunked: " + chunked + ")").isEqualTo(204);
      String polled = call(HttpMethod.POST, session + "/xhr", null, false).body();
      assertThat(polled).startsWith("a[").contains("xhr-reply-1").contains("currently_active");
    }
  }

  @Test
  void anXhrSendBodyOverTheLimitIsRefusedChunkedOrNot() {
    String session = "/eventbus/000/bigsession";
    String token = URLEncoder.encode(bed.token("xhr-client"), StandardCharsets.UTF_8);
    assertThat(call(HttpMethod.POST, session + "/xhr?token=" + token, null, false).body()).startsWith("o");
    String huge = new JsonArray().add("x".repeat(200 * 1024)).encode();
    assertThat(call(HttpMethod.POST, session + "/xhr_send", Buffer.buffer(huge), false).status()).isEqualTo(413);
    assertThat(call(HttpMethod.POST, session + "/xhr_send", Buffer.buffer(huge), true).status()).isEqualTo(413);
  }

  @Test
  void theDashboardPageKeepsItsTokenToItself() {
    Answer page = call(HttpMethod.GET, "/?token=" + bed.token("dashboard"), null, false);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().get("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.headers().get("Content-Security-Policy")).contains("default-src 'self'")
        .contains("script-src 'self'");
    assertThat(page.headers().get("Cache-Control")).isEqualTo("no-cache");
    Answer script = call(HttpMethod.GET, "/app.js", null, false);
    assertThat(script.body()).contains("history.replaceState");
  }
}
