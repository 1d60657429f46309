package dev.ordertracker.bridge;

import dev.ordertracker.api.Addresses;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.NewOrder;
import dev.ordertracker.api.OrderSide;
import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.OrderTracker;
import dev.ordertracker.api.OrderType;
import dev.ordertracker.api.StatusUpdate;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.bridge.client.BridgeClient;
import dev.ordertracker.bridge.client.SockJsBridgeClient;
import dev.ordertracker.bridge.client.TcpBridgeClient;
import dev.ordertracker.bridge.security.ClientClaims;
import dev.ordertracker.bridge.security.JwtSettings;
import dev.ordertracker.bridge.security.TokenAuthenticator;
import dev.ordertracker.core.OrderTrackerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The real tracker plus the bridge on 127.0.0.1, ports 0, a known HS256 secret; helpers to mint tokens, place
 * and fill orders through the tracker's service, and wait (bounded) on futures from the test thread.
 */
public final class BridgeTestBed {
  public static final String SECRET = "test-secret-0123456789-abcdefghij";
  public static final String HOST = "127.0.0.1";
  public static final Addresses ADDRESSES = Addresses.defaults();

  public final Vertx vertx;
  public BridgeVerticle bridge;
  private String bridgeDeployment;
  private JsonObject bridgeConfig;
  public final OrderTracker tracker;
  public final TokenAuthenticator tokens;

  private BridgeTestBed(Vertx vertx, BridgeVerticle bridge) {
    this.vertx = vertx;
    this.bridge = bridge;
    this.tracker = OrderTracker.create(vertx);
    this.tokens = bridge.tokens();
  }

  public static BridgeTestBed start(Vertx vertx, JsonObject extraBridgeConfig) {
    return start(vertx, extraBridgeConfig, new JsonObject());
  }

  /** With a tracker configuration, e.g. a {@code store} (which also serves {@code orders.history}). */
  public static BridgeTestBed start(Vertx vertx, JsonObject extraBridgeConfig, JsonObject trackerConfig) {
    JsonObject config = new JsonObject().put("http_port", 0).put("tcp_port", 0).put("host", HOST)
        .put("require_adapter", false).put("jwt", new JsonObject().put("secret", SECRET));
    config.mergeIn(extraBridgeConfig);
    BridgeVerticle bridge = new BridgeVerticle();
    String deployment = await(vertx.deployVerticle(new OrderTrackerVerticle(),
            new DeploymentOptions().setConfig(trackerConfig))
        .compose(id -> vertx.deployVerticle(bridge, new DeploymentOptions().setConfig(config))));
    BridgeTestBed bed = new BridgeTestBed(vertx, bridge);
    bed.bridgeDeployment = deployment;
    bed.bridgeConfig = config;
    return bed;
  }

  /** Stops the bridge (the tracker keeps running); {@link #restartBridge} brings it back on the same ports. */
  public void stopBridge() {
    await(vertx.undeploy(bridgeDeployment));
  }

  public void restartBridge() {
    JsonObject config = bridgeConfig.copy().put("http_port", bridge.httpPort()).put("tcp_port", bridge.tcpPort());
    BridgeVerticle next = new BridgeVerticle();
    bridgeDeployment = await(vertx.deployVerticle(next, new DeploymentOptions().setConfig(config)));
    bridge = next;
  }

  public static BridgeTestBed start(Vertx vertx) {
    return start(vertx, new JsonObject());
  }

  public String token(String subject) {
    return tokens.issue(subject, Duration.ofHours(1));
  }

  public String token(String subject, Set<String> accounts, Set<String> symbols, Set<String> roles) {
    return tokens.issue(new ClientClaims(subject, Instant.now().plusSeconds(3600), accounts, symbols, roles));
  }

  public String expiredToken(String subject) {
    return tokens.issue(new ClientClaims(subject, Instant.now().minusSeconds(60), null, null, null));
  }

  /** A correctly formed token signed with another secret. */
  public String foreignToken(String subject) {
    TokenAuthenticator other = TokenAuthenticator.create(vertx,
        new JwtSettings("HS256", "another-secret-9876543210-zyxwvu", null, null), Clock.systemUTC());
    return other.issue(subject, Duration.ofHours(1));
  }

  public SockJsBridgeClient sockJs(String urlToken, FrameRecorder frames) {
    return await(SockJsBridgeClient.connect(vertx, HOST, bridge.httpPort(), urlToken, frames::add));
  }

  public TcpBridgeClient tcp(String token, FrameRecorder frames) {
    return await(TcpBridgeClient.connect(vertx, HOST, bridge.tcpPort(), token, frames::add));
  }

  /** The two bridges, for tests that hold for both. */
  public enum Transport { SOCKJS, TCP }

  /** A client of {@code transport}: the token in the URL (SockJS) or on every frame (TCP). */
  public BridgeClient client(Transport transport, String token, FrameRecorder frames) {
    return transport == Transport.SOCKJS ? sockJs(token, frames) : tcp(token, frames);
  }

  /** What must not change when the bridge refuses something: stats and active orders. */
  public JsonObject trackerState() {
    return new JsonObject().put("stats", await(tracker.getStats()).toJson())
        .put("active", await(tracker.service().getActiveOrders(null)));
  }

  public TrackedOrder place(String orderId, String symbol, String account) {
    NewOrder order = NewOrder.of(orderId, symbol, OrderType.LIMIT, OrderSide.BUY, new BigDecimal("0.5"))
        .withPrice(new BigDecimal("50000.10")).withAccount(account);
    await(tracker.trackOrder(order));
    await(tracker.updateOrderStatus(StatusUpdate.of(orderId, OrderStatus.PLACED).withSymbol(symbol)));
    return await(tracker.getOrder(orderId, symbol));
  }

  public void fill(String orderId, String symbol) {
    await(tracker.updateOrderStatus(StatusUpdate.filled(orderId, OrderStatus.FILLED, new BigDecimal("0.5"),
        new BigDecimal("50000.10")).withSymbol(symbol)));
  }

  public String eventAddress(EventType type) {
    return ADDRESSES.event(type);
  }

  /** Waits (bounded, 20 s) until {@code condition} holds, checking every 20 ms on a Vert.x timer. */
  public void eventually(java.util.function.BooleanSupplier condition, String what) {
    eventually(condition, () -> what);
  }

  /** As {@link #eventually(java.util.function.BooleanSupplier, String)}, describing the state when it fails. */
  public void eventually(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    long timer = vertx.setPeriodic(20, id -> {
      if (condition.getAsBoolean()) {
        done.tryComplete();
      }
    });
    try {
      done.future().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("not within 20 s: " + what.get(), e);
    } finally {
      vertx.cancelTimer(timer);
    }
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete successfully within 20 s: " + e, e);
    }
  }
}
