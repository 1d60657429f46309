package dev.ordertracker.binance.rest;

import dev.ordertracker.binance.clock.ServerClock;
import dev.ordertracker.binance.signing.RequestSigner;
import dev.ordertracker.binance.ws.BinanceApiException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A REST call that times out never carries the signed query (signature, parameters) or the key in its failure. */
@ExtendWith(VertxExtension.class)
class BinanceRestClientRedactionTest {
  private static final String API_KEY = "apikey-Zq8vN2xWm4";

  @Test
  void a_timeout_names_the_call_but_not_the_signed_query(Vertx vertx) throws Exception {
    // A server on loopback that accepts the request and never answers.
    HttpServer silent = vertx.createHttpServer().requestHandler(request -> { })
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    BinanceRestClient client = new BinanceRestClient(vertx, "http://127.0.0.1:" + silent.actualPort(),
        new ServerClock(), 5000, 200);

    Throwable failure = null;
    try {
      client.signed(HttpMethod.GET, "/api/v3/order", Map.of("symbol", "BTCUSDT", "orderId", 4242),
          RequestSigner.hmac(API_KEY, "secret-0123456789abcdef")).await(10, TimeUnit.SECONDS);
    } catch (BinanceApiException e) {
      failure = e;
    }

    assertThat(failure).isInstanceOf(BinanceApiException.class).hasMessageContaining("GET /api/v3/order");
    assertThat(((BinanceApiException) failure).status()).isEqualTo(BinanceApiException.NO_ANSWER);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(t.getMessage()).doesNotContain("signature").doesNotContain("4242").doesNotContain("timestamp")
          .doesNotContain(API_KEY);
    }
  }
}
