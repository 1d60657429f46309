package dev.ordertracker.bridge;

import dev.ordertracker.api.EventType;
import dev.ordertracker.bridge.BridgeTestBed.Transport;
import dev.ordertracker.bridge.client.BridgeClient;
import dev.ordertracker.bridge.security.BridgeErrorCode;
import dev.ordertracker.bridge.security.TrackerActions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static dev.ordertracker.bridge.FrameRecorder.err;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per permission rule, on both bridges: each refusal carries its documented code and leaves the
 * tracker's state (stats and active orders) exactly as it was.
 */
@ExtendWith(VertxExtension.class)
class PermissionTest {
  private BridgeTestBed bed;
  private String tracker;

  @BeforeEach
  void start(Vertx vertx) {
    bed = BridgeTestBed.start(vertx);
    tracker = BridgeTestBed.ADDRESSES.tracker();
    bed.place("A-1", "BTCUSDT", "alice");
    bed.place("B-1", "ETHUSDT", "bob");
  }

  private static JsonObject action(String name) {
    return new JsonObject().put(TrackerActions.HEADER_ACTION, name);
  }

  private JsonObject refusedAnswer(BridgeClient client, String address, JsonObject headers, Object body,
                                   BridgeErrorCode code) {
    JsonObject before = bed.trackerState();
    JsonObject answer = await(client.request(address, headers, body));
    assertThat(answer.getString("type")).isEqualTo("err");
    assertThat(answer.getString("message")).isEqualTo(code.code());
    assertThat(answer.getInteger("failureCode")).isEqualTo(code.failureCode());
    assertThat(bed.trackerState()).isEqualTo(before);
    return answer;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void readActionsAreAllowedWithAToken(Transport transport) {
    FrameRecorder frames = new FrameRecorder();
    BridgeClient client = bed.client(transport, bed.token("reader"), frames);
    JsonObject stats = await(client.request(tracker, action(TrackerActions.GET_STATS), new JsonObject()));
    assertThat(stats.getString("type")).isIn("rec", "message");
    assertThat(stats.getJsonObject("body").getLong("currently_active")).isEqualTo(2L);
    JsonObject active = await(client.request(tracker, action(TrackerActions.GET_ACTIVE_ORDERS), new JsonObject()));
    assertThat(active.getJsonArray("body")).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theTokenHeaderNeverReachesTheEventBus(Transport transport) {
    java.util.List<io.vertx.core.MultiMap> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    bed.vertx.eventBus().addOutboundInterceptor(ctx -> {
      if (tracker.equals(ctx.message().address())) {
        seen.add(ctx.message().headers());
      }
      ctx.next();
    });
    BridgeClient client = bed.client(transport, null, new FrameRecorder());
    JsonObject answer = await(client.request(tracker, action(TrackerActions.GET_STATS).put("token", bed.token("r")),
        new JsonObject()));
    assertThat(answer.getString("type")).isIn("rec", "message");
    assertThat(seen).isNotEmpty().allSatisfy(headers -> {
      assertThat(headers.get(TrackerActions.HEADER_ACTION)).isEqualTo(TrackerActions.GET_STATS);
      assertThat(headers.contains("token")).isFalse();
    });
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void sendToANonPermittedAddressIsAccessDenied(Transport transport) {
    BridgeClient client = bed.client(transport, bed.token("reader"), new FrameRecorder());
    refusedAnswer(client, "orders.tracker.ingest", action(TrackerActions.GET_STATS), new JsonObject(),
        BridgeErrorCode.ACCESS_DENIED);
    refusedAnswer(client, bed.eventAddress(EventType.ORDER_FILLED), new JsonObject(), new JsonObject(),
        BridgeErrorCode.ACCESS_DENIED);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void publishIsAccessDenied(Transport transport) {
    FrameRecorder frames = new FrameRecorder();
    BridgeClient client = bed.client(transport, bed.token("reader"), frames);
    JsonObject before = bed.trackerState();
    await(client.writeFrame(new JsonObject().put("type", "publish").put("address", tracker)
        .put("headers", action(TrackerActions.CLEAR_HISTORY).put("token", bed.token("reader")))
        .put("body", new JsonObject())));
    frames.await(err(BridgeErrorCode.ACCESS_DENIED.code()), "access_denied");
    assertThat(bed.trackerState()).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void registerOnANonPermittedAddressIsAccessDenied(Transport transport) {
    FrameRecorder frames = new FrameRecorder();
    BridgeClient client = bed.client(transport, bed.token("reader"), frames);
    JsonObject before = bed.trackerState();
    await(client.register(tracker));
    JsonObject refusal = frames.await(err(BridgeErrorCode.ACCESS_DENIED.code()), "access_denied");
    assertThat(refusal.getString("address")).isEqualTo(tracker);
    // a request to the tracker from inside the JVM is not seen by the refused client
    await(bed.tracker.getStats());
    assertThat(frames.any(f -> f.getValue("body") instanceof JsonObject
        && f.getJsonObject("body").containsKey("orderId"))).isFalse();
    assertThat(bed.trackerState()).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void mutationActionsAreForbiddenByDefault(Transport transport) {
    BridgeClient client = bed.client(transport, bed.token("admin", null, null, Set.of("trader")), new FrameRecorder());
    JsonObject order = new JsonObject().put("order_id", "X-1").put("symbol", "BTCUSDT").put("order_type", "LIMIT")
        .put("side", "BUY").put("quantity", 1).put("price", 1);
    refusedAnswer(client, tracker, action(TrackerActions.TRACK_ORDER), new JsonObject().put("order", order),
        BridgeErrorCode.MUTATION_FORBIDDEN);
    refusedAnswer(client, tracker, action(TrackerActions.CLEAR_HISTORY), new JsonObject(),
        BridgeErrorCode.MUTATION_FORBIDDEN);
    refusedAnswer(client, tracker, action("dropEverything"), new JsonObject(), BridgeErrorCode.UNKNOWN_ACTION);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void noTokenIsAuthRequired(Transport transport) {
    FrameRecorder frames = new FrameRecorder();
    BridgeClient client = bed.client(transport, null, frames);
    refusedAnswer(client, tracker, action(TrackerActions.GET_STATS), new JsonObject(),
        BridgeErrorCode.AUTH_REQUIRED);
    await(client.register(bed.eventAddress(EventType.ORDER_FILLED)));
    frames.await(f -> err(BridgeErrorCode.AUTH_REQUIRED.code()).test(f)
        && bed.eventAddress(EventType.ORDER_FILLED).equals(f.getString("address")), "auth_required on register");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTokenSignedWithAnotherSecretIsAuthInvalid(Transport transport) {
    BridgeClient client = bed.client(transport, null, new FrameRecorder());
    refusedAnswer(client, tracker, action(TrackerActions.GET_STATS).put("token", bed.foreignToken("mallory")),
        new JsonObject(), BridgeErrorCode.AUTH_INVALID);
    refusedAnswer(client, tracker, action(TrackerActions.GET_STATS).put("token", "not.a.jwt"),
        new JsonObject(), BridgeErrorCode.AUTH_INVALID);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anExpiredTokenIsAuthExpired(Transport transport) {
    BridgeClient client = bed.client(transport, null, new FrameRecorder());
    refusedAnswer(client, tracker, action(TrackerActions.GET_STATS).put("token", bed.expiredToken("late")),
        new JsonObject(), BridgeErrorCode.AUTH_EXPIRED);
  }

  @Test
  void aBadUrlTokenClosesTheSockJsConnectionWithItsCode() {
    for (String token : new String[] {bed.foreignToken("mallory"), bed.expiredToken("late")}) {
      FrameRecorder frames = new FrameRecorder();
      JsonObject before = bed.trackerState();
      BridgeClient client = bed.sockJs(token, frames);
      JsonObject refusal = frames.await(f -> "err".equals(f.getString("type")), "a refusal");
      assertThat(refusal.getString("message")).isIn("auth_invalid", "auth_expired");
      BridgeTestBed.await(io.vertx.core.Future.future(p -> {
        // handler first, then the check: a close between the two is seen by one of them
        client.closeHandler(v -> p.tryComplete());
        if (client.isClosed()) {
          p.tryComplete();
        }
      }));
      assertThat(bed.trackerState()).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTokenForAnotherAccountSeesNothingOfIt(Transport transport) {
    FrameRecorder frames = new FrameRecorder();
    BridgeClient client = bed.client(transport, bed.token("alice", Set.of("alice"), null, null), frames);
    JsonObject before = bed.trackerState();
    // bob's account address
    await(client.register(BridgeTestBed.ADDRESSES.account("bob")));
    frames.await(f -> err("forbidden_account").test(f)
        && BridgeTestBed.ADDRESSES.account("bob").equals(f.getString("address")), "forbidden_account");
    // bob's order, by id and by listing
    refusedAnswer(client, tracker, action(TrackerActions.GET_ORDER),
        new JsonObject().put("orderId", "B-1").put("symbol", "ETHUSDT"), BridgeErrorCode.FORBIDDEN_ACCOUNT);
    JsonArray active = await(client.request(tracker, action(TrackerActions.GET_ACTIVE_ORDERS), new JsonObject()))
        .getJsonArray("body");
    assertThat(active).hasSize(1);
    assertThat(active.getJsonObject(0).getString("order_id")).isEqualTo("A-1");
    JsonObject own = await(client.request(tracker, action(TrackerActions.GET_ORDER),
        new JsonObject().put("orderId", "A-1").put("symbol", "BTCUSDT")));
    assertThat(own.getJsonObject("body").getString("account")).isEqualTo("alice");
    assertThat(bed.trackerState()).isEqualTo(before);
    // events: bob's fill is published first and never delivered; alice's arrives
    await(client.register(bed.eventAddress(EventType.ORDER_FILLED)));
    await(client.request(tracker, action(TrackerActions.GET_STATS), new JsonObject())); // registration is in place
    bed.fill("B-1", "ETHUSDT");
    bed.fill("A-1", "BTCUSDT");
    frames.await(FrameRecorder.event("A-1", "FILLED"), "alice's fill");
    assertThat(frames.any(FrameRecorder.event("B-1", "FILLED"))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aSymbolsClaimRestrictsQueriesAndEvents(Transport transport) {
    FrameRecorder frames = new FrameRecorder();
    BridgeClient client = bed.client(transport, bed.token("btc-only", null, Set.of("BTCUSDT"), null), frames);
    refusedAnswer(client, tracker, action(TrackerActions.GET_ACTIVE_ORDERS),
        new JsonObject().put("symbol", "ETHUSDT"), BridgeErrorCode.FORBIDDEN_SYMBOL);
    refusedAnswer(client, tracker, action(TrackerActions.GET_ORDER),
        new JsonObject().put("orderId", "B-1").putNull("symbol"), BridgeErrorCode.FORBIDDEN_SYMBOL);
    await(client.register(bed.eventAddress(EventType.ORDER_FILLED)));
    await(client.request(tracker, action(TrackerActions.GET_STATS), new JsonObject()));
    bed.fill("B-1", "ETHUSDT");
    bed.fill("A-1", "BTCUSDT");
    frames.await(FrameRecorder.event("A-1", "FILLED"), "the BTCUSDT fill");
    assertThat(frames.any(FrameRecorder.event("B-1", "FILLED"))).isFalse();
  }

  @Test
  void mutationsNeedTheConfiguredRoleWhenEnabled(Vertx vertx) {
    BridgeTestBed withMutations = BridgeTestBed.start(Vertx.vertx(), new JsonObject().put("mutation_role", "trader"));
    try {
      JsonObject order = new JsonObject().put("order_id", "M-1").put("symbol", "BTCUSDT").put("order_type", "LIMIT")
          .put("side", "BUY").put("quantity", 1).put("price", 100);
      BridgeClient reader = withMutations.client(Transport.SOCKJS, withMutations.token("reader"),
          new FrameRecorder());
      JsonObject refused = await(reader.request(tracker, action(TrackerActions.TRACK_ORDER),
          new JsonObject().put("order", order)));
      assertThat(refused.getString("message")).isEqualTo("mutation_forbidden");
      BridgeClient trader = withMutations.client(Transport.TCP,
          withMutations.token("trader", null, null, Set.of("trader")), new FrameRecorder());
      JsonObject tracked = await(trader.request(tracker, action(TrackerActions.TRACK_ORDER),
          new JsonObject().put("order", order)));
      assertThat(tracked.getJsonObject("body").getString("status")).isEqualTo("PENDING");
      assertThat(await(withMutations.tracker.getOrder("M-1", "BTCUSDT")).orderId()).isEqualTo("M-1");
    } finally {
      await(withMutations.vertx.close());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aListReadWithoutABoundedLimitIsLimitInvalid(Transport transport) {
    BridgeClient client = bed.client(transport, bed.token("reader"), new FrameRecorder());
    refusedAnswer(client, tracker, action(TrackerActions.GET_COMPLETED_ORDERS), new JsonObject().put("limit", 0),
        BridgeErrorCode.LIMIT_INVALID);
    refusedAnswer(client, tracker, action(TrackerActions.GET_COMPLETED_ORDERS), new JsonObject(),
        BridgeErrorCode.LIMIT_INVALID);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theGlobalCountersAreScopeRequiredForARestrictedClient(Transport transport) {
    BridgeClient client = bed.client(transport, bed.token("alice", Set.of("alice"), null, null), new FrameRecorder());
    refusedAnswer(client, tracker, action(TrackerActions.GET_STATS), new JsonObject(),
        BridgeErrorCode.SCOPE_REQUIRED);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void overTheRequestBudgetIsRateLimited(Transport transport) {
    BridgeTestBed limited = BridgeTestBed.start(Vertx.vertx(), new JsonObject().put("request_burst", 1)
        .put("max_requests_per_second", 1));
    try {
      BridgeClient client = limited.client(transport, limited.token("reader"), new FrameRecorder());
      await(client.request(tracker, action(TrackerActions.GET_STATS), new JsonObject()));
      JsonObject answer = await(client.request(tracker, action(TrackerActions.GET_STATS), new JsonObject()));
      assertThat(answer.getString("message")).isEqualTo(BridgeErrorCode.RATE_LIMITED.code());
      assertThat(answer.getInteger("failureCode")).isEqualTo(BridgeErrorCode.RATE_LIMITED.failureCode());
    } finally {
      await(limited.vertx.close());
    }
  }
}
