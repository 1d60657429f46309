package dev.ordertracker.bridge;

import dev.ordertracker.api.store.OrderHistory;
import dev.ordertracker.bridge.BridgeTestBed.Transport;
import dev.ordertracker.bridge.client.BridgeClient;
import dev.ordertracker.bridge.security.TrackerActions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static dev.ordertracker.bridge.FrameRecorder.err;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 2: a read-only client cannot stall the tracker. Its frames are rated (fire-and-forget sends
 * included), its requests in flight are bounded (fire-and-forget included), and a list read's limit is bounded.
 */
@ExtendWith(VertxExtension.class)
class RequestBudgetTest {

  private static JsonObject send(String address, String action, Object body) {
    return new JsonObject().put("type", "send").put("address", address)
        .put("headers", new JsonObject().put(TrackerActions.HEADER_ACTION, action)).put("body", body);
  }

  /** A frame with the token header (TCP always, SockJS too: the same frame on both). */
  private static JsonObject withToken(JsonObject frame, String token) {
    frame.getJsonObject("headers").put("token", token);
    return frame;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aFloodOfFireAndForgetSendsIsRateLimitedBeforeItReachesTheTracker(Transport transport, Vertx vertx) {
    BridgeTestBed bed = BridgeTestBed.start(vertx, new JsonObject().put("max_requests_per_second", 1)
        .put("request_burst", 5));
    String tracker = BridgeTestBed.ADDRESSES.tracker();
    AtomicInteger reached = new AtomicInteger();
    vertx.eventBus().addInboundInterceptor(ctx -> {
      if (tracker.equals(ctx.message().address())) {
        reached.incrementAndGet();
      }
      ctx.next();
    });
    FrameRecorder frames = new FrameRecorder();
    String token = bed.token("flooder");
    BridgeClient client = bed.client(transport, token, frames);
    for (int i = 0; i < 50; i++) {
      await(client.writeFrame(withToken(send(tracker, TrackerActions.GET_COMPLETED_ORDERS,
          new JsonObject().put("limit", 10)), token)));
    }
    frames.await(err("rate_limited"), "rate_limited");
    JsonObject refused = await(client.request(tracker,
        new JsonObject().put(TrackerActions.HEADER_ACTION, TrackerActions.GET_STATS), new JsonObject()));
    assertThat(refused.getString("message")).isEqualTo("rate_limited");
    assertThat(refused.getInteger("failureCode")).isEqualTo(429);
    // the burst (5) and at most a few refills reached the tracker, not the 50 frames
    assertThat(reached.get()).isLessThan(10);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void fireAndForgetSendsCountAsInFlightUntilAnswered(Transport transport, Vertx vertx) {
    BridgeTestBed bed = BridgeTestBed.start(vertx, new JsonObject().put("max_requests_in_flight", 2));
    // a history service that never answers (no store here): every request to it stays in flight
    String history = OrderHistory.address(BridgeTestBed.ADDRESSES);
    List<Object> received = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().consumer(history, msg -> received.add(msg.body())).completion());
    FrameRecorder frames = new FrameRecorder();
    String token = bed.token("reader");
    BridgeClient client = bed.client(transport, token, frames);
    for (int i = 0; i < 3; i++) {
      await(client.writeFrame(withToken(send(history, TrackerActions.EVENTS_SINCE,
          new JsonObject().put("afterSequence", i).put("limit", 10)), token)));
    }
    frames.await(err("rate_limited"), "rate_limited for the third send");
    bed.eventually(() -> received.size() == 2, "two sends reached the service");
    // the refusal was decided before the third frame was sent on: still two
    await(client.request(BridgeTestBed.ADDRESSES.tracker(), new JsonObject()
        .put(TrackerActions.HEADER_ACTION, TrackerActions.GET_STATS), new JsonObject()));
    assertThat(received).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aCompletedOrdersLimitOutsideOneToTheMaxPageIsRefused(Transport transport, Vertx vertx) {
    BridgeTestBed bed = BridgeTestBed.start(vertx);
    for (int i = 0; i < 3; i++) {
      bed.place("C-" + i, "BTCUSDT", "alice");
      bed.fill("C-" + i, "BTCUSDT");
    }
    String tracker = BridgeTestBed.ADDRESSES.tracker();
    BridgeClient client = bed.client(transport, bed.token("reader"), new FrameRecorder());
    JsonObject action = new JsonObject().put(TrackerActions.HEADER_ACTION, TrackerActions.GET_COMPLETED_ORDERS);
    for (Object limit : new Object[] {0, -1, 201, 1_000_000, "10", null}) {
      JsonObject body = new JsonObject().put("limit", limit);
      JsonObject answer = await(client.request(tracker, action, body));
      assertThat(answer.getString("type")).as("limit " + limit).isEqualTo("err");
      assertThat(answer.getString("message")).as("limit " + limit).isEqualTo("limit_invalid");
      assertThat(answer.getInteger("failureCode")).isEqualTo(400);
    }
    JsonArray two = await(client.request(tracker, action, new JsonObject().put("limit", 2))).getJsonArray("body");
    assertThat(two).hasSize(2);
  }
}
