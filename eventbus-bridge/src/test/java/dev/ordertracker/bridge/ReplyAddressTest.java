package dev.ordertracker.bridge;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.store.OrderHistory;
import dev.ordertracker.bridge.BridgeTestBed.Transport;
import dev.ordertracker.bridge.client.BridgeClient;
import dev.ordertracker.bridge.client.SockJsBridgeClient;
import dev.ordertracker.bridge.security.BridgeErrorCode;
import dev.ordertracker.bridge.security.TrackerActions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static dev.ordertracker.bridge.FrameRecorder.err;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's answer is filtered by the claims only when the bridge knows which request it answers: a reply
 * address already pending, or one the client may register (an event or account address), is refused at the
 * request, so no answer and no event can be delivered through someone else's pending entry.
 */
@ExtendWith(VertxExtension.class)
class ReplyAddressTest {
  private BridgeTestBed bed;

  @BeforeEach
  void start(Vertx vertx) {
    bed = BridgeTestBed.start(vertx);
    bed.place("A-1", "BTCUSDT", "alice");
    bed.place("B-1", "ETHUSDT", "bob");
  }

  /** A raw send frame; the token rides on it (the TCP bridge has no connection-level token). */
  private static JsonObject send(String address, String action, String replyAddress, String token) {
    return new JsonObject().put("type", "send").put("address", address)
        .put("headers", new JsonObject().put(TrackerActions.HEADER_ACTION, action).put("token", token))
        .put("body", new JsonObject()).put("replyAddress", replyAddress);
  }

  /** Both frames in one transport write (one SockJS frame on SockJS). */
  private static Future<Void> writeBoth(BridgeClient client, JsonObject first, JsonObject second) {
    if (client instanceof SockJsBridgeClient) {
      return ((SockJsBridgeClient) client).writeRaw(new JsonArray().add(first.encode()).add(second.encode()).encode());
    }
    // one TCP write: both frames are parsed in one go, before the first one can be answered
    io.vertx.core.buffer.Buffer both = io.vertx.core.buffer.Buffer.buffer();
    for (JsonObject frame : new JsonObject[] {first, second}) {
      io.vertx.core.buffer.Buffer json = frame.toBuffer();
      both.appendInt(json.length()).appendBuffer(json);
    }
    return ((dev.ordertracker.bridge.client.TcpBridgeClient) client).writeRaw(both);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aReplyAddressAlreadyPendingIsRefusedAndNoAnswerGoesOutUnfiltered(Transport transport) {
    FrameRecorder frames = new FrameRecorder();
    String token = bed.token("nobody", Set.of("nobody"), null, null);
    BridgeClient client = bed.client(transport, token, frames);
    String tracker = BridgeTestBed.ADDRESSES.tracker();
    await(writeBoth(client, send(tracker, TrackerActions.GET_ACTIVE_ORDERS, "r-1", token),
        send(tracker, TrackerActions.GET_ACTIVE_ORDERS, "r-1", token)));
    JsonObject refusal = frames.await(err(BridgeErrorCode.REPLY_ADDRESS_INVALID.code()), "reply_address_invalid");
    assertThat(refusal.getString("address")).isEqualTo("r-1");
    frames.await(f -> "r-1".equals(f.getString("address")) && f.getValue("body") instanceof JsonArray,
        "the first (filtered) answer");
    // and a later request on a fresh address still works and is filtered
    JsonObject later = await(client.request(tracker,
        new JsonObject().put(TrackerActions.HEADER_ACTION, TrackerActions.GET_ACTIVE_ORDERS), new JsonObject()));
    assertThat(later.getJsonArray("body")).isEmpty();
    assertThat(frames.snapshot()).noneMatch(f -> f.getValue("body") instanceof JsonArray
        && !f.getJsonArray("body").isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aReplyAddressThatIsAnEventAddressIsRefusedAndOtherAccountsEventsStayHidden(Transport transport) {
    FrameRecorder frames = new FrameRecorder();
    String token = bed.token("bob", Set.of("bob"), null, null);
    BridgeClient client = bed.client(transport, token, frames);
    String filled = bed.eventAddress(EventType.ORDER_FILLED);
    await(client.register(filled));
    // no history service runs here: the request fails and, before the fix, its pending entry stayed behind
    await(client.writeFrame(send(OrderHistory.address(BridgeTestBed.ADDRESSES), TrackerActions.QUERY_ORDERS,
        filled, token)));
    JsonObject refusal = frames.await(err(BridgeErrorCode.REPLY_ADDRESS_INVALID.code()), "reply_address_invalid");
    assertThat(refusal.getString("address")).isEqualTo(filled);
    bed.fill("A-1", "BTCUSDT");
    bed.fill("B-1", "ETHUSDT");
    frames.await(FrameRecorder.event("B-1", "FILLED"), "bob's fill");
    assertThat(frames.any(FrameRecorder.event("A-1", "FILLED"))).as("alice's fill").isFalse();
  }
}
