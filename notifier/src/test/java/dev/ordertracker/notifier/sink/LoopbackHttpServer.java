package dev.ordertracker.notifier.sink;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP server on 127.0.0.1, port 0, recording every request (method, path, headers, raw body). It answers
 * request number {@code n} (0-based) with {@code status.applyAsInt(n)}; while {@link #hold} is on it answers nothing
 * until {@link #release}.
 */
public final class LoopbackHttpServer {
  public record Received(String method, String path, Map<String, String> headers, Buffer body) {
  }

  private final Vertx vertx;
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final List<HttpServerRequest> held = new ArrayList<>();
  private volatile IntUnaryOperator status = n -> 200;
  private volatile boolean hold;
  private int count;
  private HttpServer server;

  public LoopbackHttpServer(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<Integer> start() {
    server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      req.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
      int n = count++;
      received.add(new Received(req.method().name(), req.path(), headers, body));
      if (hold) {
        held.add(req);
      } else {
        req.response().setStatusCode(status.applyAsInt(n)).end("{\"ok\":true}");
      }
    }));
    return server.listen(0, "127.0.0.1").map(HttpServer::actualPort);
  }

  public LoopbackHttpServer answering(IntUnaryOperator value) {
    status = value;
    return this;
  }

  LoopbackHttpServer hold(boolean value) {
    hold = value;
    return this;
  }

  /** Answers the held requests with 200 (on the server's context). */
  Future<Void> release() {
    Promise<Void> done = Promise.promise();
    vertx.runOnContext(v -> {
      hold = false;
      held.forEach(r -> r.response().setStatusCode(200).end());
      held.clear();
      done.complete();
    });
    return done.future();
  }

  /** The next request, waiting at most 10 s. */
  public Received next() throws InterruptedException {
    Received r = received.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request within 10 s");
    }
    return r;
  }

  /** Whether another request arrives within {@code ms}. */
  public Received nextWithin(long ms) throws InterruptedException {
    return received.poll(ms, TimeUnit.MILLISECONDS);
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
