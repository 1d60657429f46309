package dev.ordertracker.bridge;

import dev.ordertracker.bridge.health.HealthEndpoints;
import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.bridge.metrics.MetricsHandler;
import dev.ordertracker.bridge.security.BridgePermissions;
import dev.ordertracker.bridge.security.ClientGate;
import dev.ordertracker.bridge.security.JwtSettings;
import dev.ordertracker.bridge.security.TokenAuthenticator;
import dev.ordertracker.bridge.session.ClientLimits;
import dev.ordertracker.bridge.session.ConnectionCaps;
import dev.ordertracker.bridge.sockjs.SockJsBridgeHook;
import dev.ordertracker.bridge.tcp.TcpBridgeServer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

import java.time.Clock;

/**
 * Browsers and JavaScript clients on the order events, securely. One HTTP server serves the SockJS event-bus
 * bridge at /eventbus, /health, /metrics and the dashboard (static files from {@code webroot/}); a TCP server
 * serves the TCP event-bus bridge. Both bridges share one {@link BridgePermissions} policy and one
 * {@link ClientGate}. Configured by {@link BridgeOptions} (deployment config JSON).
 *
 * <pre>
 *  browser / node ──SockJS──▶ /eventbus ─hook─┐
 *  TCP client ──4-byte len + JSON──▶ TCP ─────┼─▶ ClientGate (JWT, BridgePermissions) ─▶ event bus
 *                                             └─◀ RECEIVE: claims filter, bounded queue ◀─ orders.events.*
 * </pre>
 */
public final class BridgeVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(BridgeVerticle.class.getName());
  /** vertx-web's own ping timeout (~24 days): the hook closes silent SockJS clients at {@code ping_timeout_ms}. */
  private static final long VERTX_WEB_PING_TIMEOUT_MS = Integer.MAX_VALUE;
  /** Why a bridge without a key does not start. */
  public static final String NO_KEY = "jwt.secret: no key to verify tokens with; set jwt.secret (BRIDGE_JWT_SECRET, "
      + JwtSettings.MIN_SECRET_BYTES + "+ bytes) or jwt.algorithm RS256/ES256 with jwt.public_key_pem";

  private BridgeOptions options;
  private TokenAuthenticator authenticator;
  private BridgeMetrics metrics;
  private SockJsBridgeHook sockJsHook;
  private TcpBridgeServer tcpServer;
  private HttpServer httpServer;
  private int tcpPort;

  @Override
  public Future<?> start() {
    try {
      options = new BridgeOptions(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    JwtSettings jwt = options.getJwt();
    if (jwt.symmetric() && jwt.secret() == null) {
      // a library never invents credentials: a made-up secret would let whoever reads the log in, and would change
      // on every restart (only the demo launcher generates one, for a throw-away run on the simulator)
      return Future.failedFuture(new IllegalArgumentException(NO_KEY));
    }
    // key parsing is CPU work that does not belong on the event loop
    return vertx.executeBlocking(() -> TokenAuthenticator.create(vertx, jwt, Clock.systemUTC()))
        .compose(auth -> {
          authenticator = auth;
          return startServers();
        })
        .onSuccess(v -> {
          LOG.log(System.Logger.Level.INFO,
              "event-bus bridge up: http " + options.getHost() + ":" + httpPort() + " (SockJS /eventbus,"
              + " /health, /metrics, dashboard /), tcp " + options.getHost() + ":" + tcpPort);
        });
  }

  private Future<Void> startServers() {
    metrics = BridgeMetrics.fromDefaultRegistry();
    BridgePermissions permissions = new BridgePermissions(options.addresses(), options.getMutationRole(),
        options.getMaxPageSize());
    ClientGate gate = new ClientGate(vertx, authenticator, permissions, metrics, Clock.systemUTC());
    ClientLimits limits = options.clientLimits();
    ConnectionCaps caps = new ConnectionCaps(options.getMaxConnections(), options.getMaxConnectionsPerAddress());
    sockJsHook = new SockJsBridgeHook(gate, metrics, limits, caps);
    sockJsHook.startIdleCheck(vertx);
    // vertx-web's own bridge, given each socket wrapped by the hook (what vertx-web writes itself is guarded too);
    // the ping timeout is the hook's (vertx-web's idle check cannot close a wrapped socket): vertx-web's is never hit
    EventBusBridgeImpl sockJsBridge = new EventBusBridgeImpl(vertx, null, permissions.sockJsOptions(
        options.getMaxHandlersPerSocket(), VERTX_WEB_PING_TIMEOUT_MS, options.getReplyTimeoutMs()), sockJsHook);

    Router router = Router.router(vertx);
    router.get(HealthEndpoints.LIVE_PATH).handler(HealthEndpoints.liveness(vertx));
    HealthCheckHandler readiness = HealthEndpoints.readiness(vertx, options.addresses(), options.isRequireAdapter(),
        options.getHealthTimeoutMs());
    router.get(HealthEndpoints.READY_PATH).handler(readiness);
    router.get(HealthEndpoints.HEALTH_PATH).handler(readiness);
    router.get("/metrics").handler(new MetricsHandler());
    int maxHttpBody = options.getMaxMessageBytes() * 2 + 64;
    router.route("/eventbus/*").handler(this::limitRequestBody);
    // SockJS's HTTP transports (xhr_send) read their body from the routing context; the limit also covers
    // chunked bodies, which have no Content-Length to check up front
    router.post("/eventbus/*").handler(BodyHandler.create(false).setBodyLimit(maxHttpBody));
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, new SockJSHandlerOptions()
            .setRegisterWriteHandler(false))
        .socketHandler(sock -> sockJsBridge.handle(sockJsHook.guard(sock))));
    router.route().handler(DashboardHeaders::apply);
    router.route("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html"));

    // SockJS wraps each message in a JSON array of JSON strings: escaping can double it
    httpServer = vertx.createHttpServer(new HttpServerOptions()
        .setMaxWebSocketFrameSize(maxHttpBody)
        .setMaxWebSocketMessageSize(maxHttpBody));
    tcpServer = new TcpBridgeServer(vertx, gate, metrics, limits, caps);
    return httpServer.requestHandler(router).listen(options.getHttpPort(), options.getHost())
        .compose(http -> tcpServer.listen(options.getHost(), options.getTcpPort()))
        .map(port -> {
          tcpPort = port;
          return null;
        });
  }

  /** SockJS's HTTP transports (xhr_send) take bodies: refuse those over the message limit up front. */
  private void limitRequestBody(RoutingContext ctx) {
    String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      long bytes;
      try {
        bytes = Long.parseLong(length);
      } catch (NumberFormatException e) {
        bytes = Long.MAX_VALUE;
      }
      if (bytes > options.getMaxMessageBytes() * 2L + 64) {
        metrics.malformed(BridgeMetrics.Transport.SOCKJS);
        ctx.response().setStatusCode(413).end();
        return;
      }
    }
    ctx.next();
  }

  @Override
  public Future<?> stop() {
    Future<Void> tcp = tcpServer == null ? Future.succeededFuture() : tcpServer.close();
    Future<Void> http = httpServer == null ? Future.succeededFuture() : httpServer.close();
    return Future.join(tcp, http);
  }

  /** The actual HTTP port (after start; useful with http_port 0). */
  public int httpPort() {
    return httpServer.actualPort();
  }

  /** The actual TCP bridge port (after start). */
  public int tcpPort() {
    return tcpPort;
  }

  /** Issues and verifies tokens with this bridge's key (e.g. for a launcher that hands out tokens). */
  public TokenAuthenticator tokens() {
    return authenticator;
  }

  public BridgeMetrics metrics() {
    return metrics;
  }

  /** The dashboard's URL with a token in its query. */
  public String dashboardUrl(String token) {
    String host = "0.0.0.0".equals(options.getHost()) ? "127.0.0.1" : options.getHost();
    return "http://" + host + ":" + httpPort() + "/?token=" + token;
  }
}
