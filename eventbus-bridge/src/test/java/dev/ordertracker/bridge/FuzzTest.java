package dev.ordertracker.bridge;

import dev.ordertracker.api.EventType;
import dev.ordertracker.bridge.BridgeTestBed.Transport;
import dev.ordertracker.bridge.client.BridgeClient;
import dev.ordertracker.bridge.client.SockJsBridgeClient;
import dev.ordertracker.bridge.client.TcpBridgeClient;
import dev.ordertracker.bridge.metrics.BridgeMetrics;
import dev.ordertracker.bridge.security.TrackerActions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile frames against both bridges — random bytes, huge frames, bad JSON, wrong types — while two
 * well-behaved clients (one per bridge) stay subscribed: afterwards the server is up, answers /health and the
 * good clients still receive events. Malformed TCP frames close that connection and nothing else.
 */
@ExtendWith(VertxExtension.class)
class FuzzTest {
  private static final int MAX_BYTES = 4096;
  private BridgeTestBed bed;
  private final FrameRecorder goodSockJs = new FrameRecorder();
  private final FrameRecorder goodTcp = new FrameRecorder();

  @BeforeEach
  void start(Vertx vertx) {
    bed = BridgeTestBed.start(vertx, new JsonObject().put("max_message_bytes", MAX_BYTES));
    String placed = bed.eventAddress(EventType.ORDER_PLACED);
    for (Transport t : Transport.values()) {
      BridgeClient c = bed.client(t, bed.token("good-" + t), t == Transport.SOCKJS ? goodSockJs : goodTcp);
      await(c.register(placed));
      // a round trip after the register frame: the registration is in place
      await(c.request(BridgeTestBed.ADDRESSES.tracker(),
          new JsonObject().put(TrackerActions.HEADER_ACTION, TrackerActions.GET_STATS), new JsonObject()));
    }
  }

  private Future<Void> closed(BridgeClient client) {
    Promise<Void> p = Promise.promise();
    client.closeHandler(v -> p.tryComplete());
    if (client.isClosed()) {
      p.tryComplete();
    }
    return p.future();
  }

  private static Buffer lengthPrefixed(byte[] bytes) {
    return Buffer.buffer().appendInt(bytes.length).appendBytes(bytes);
  }

  @Test
  void hostileTcpFramesCloseOnlyTheirConnection() {
    List<Buffer> closingFrames = List.of(
        Buffer.buffer().appendInt(Integer.MAX_VALUE).appendString("{"),          // declared huge
        Buffer.buffer().appendInt(-5).appendString("{}"),                        // negative length
        lengthPrefixed(new byte[MAX_BYTES + 1]),                                 // over the limit
        lengthPrefixed("{not json".getBytes(StandardCharsets.UTF_8)),            // bad JSON
        lengthPrefixed("[1,2,3]".getBytes(StandardCharsets.UTF_8)),              // not an object
        lengthPrefixed("{\"type\":5,\"address\":\"x\"}".getBytes(StandardCharsets.UTF_8)),
        lengthPrefixed("{\"type\":\"send\",\"address\":[1]}".getBytes(StandardCharsets.UTF_8)),
        lengthPrefixed("{\"type\":\"register\",\"address\":\"orders.events.ORDER_PLACED\",\"headers\":\"x\"}"
            .getBytes(StandardCharsets.UTF_8)),
        lengthPrefixed("{\"type\":\"explode\",\"address\":\"a\"}".getBytes(StandardCharsets.UTF_8)),
        lengthPrefixed("{\"type\":\"send\"}".getBytes(StandardCharsets.UTF_8)));
    for (Buffer frame : closingFrames) {
      FrameRecorder frames = new FrameRecorder();
      TcpBridgeClient hostile = bed.tcp(bed.token("hostile"), frames);
      await(hostile.writeRaw(frame));
      await(closed(hostile));
      assertThat(frames.snapshot()).as("the answer before closing").anySatisfy(f ->
          assertThat(f.getString("message")).isIn("malformed_frame", "frame_too_large"));
    }
    Random random = new Random(42);
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[1 + random.nextInt(2000)];
      random.nextBytes(junk);
      TcpBridgeClient hostile = bed.tcp(null, new FrameRecorder());
      await(hostile.writeRaw(Buffer.buffer(junk)));
      hostile.close();
    }
    assertStillServing();
    assertThat(bed.bridge.metrics().registry().get("bridge_malformed_frames").tag("transport", "tcp").counter()
        .count()).isGreaterThanOrEqualTo(closingFrames.size());
  }

  @Test
  void hostileSockJsFramesDoNotHurtOtherClients() {
    // not SockJS framing at all: vertx-web closes the connection
    SockJsBridgeClient garbage = bed.sockJs(bed.token("hostile"), new FrameRecorder());
    await(garbage.writeRaw("this is not a sockjs frame"));
    await(closed(garbage));
    // larger than the WebSocket message limit: closed
    SockJsBridgeClient huge = bed.sockJs(bed.token("hostile"), new FrameRecorder());
    huge.writeRaw("[\"" + "x".repeat(MAX_BYTES * 3) + "\"]");
    await(closed(huge));
    // wrong field types inside a valid bridge frame: answered and closed by the hook
    FrameRecorder typed = new FrameRecorder();
    SockJsBridgeClient wrongTypes = bed.sockJs(bed.token("hostile"), typed);
    await(wrongTypes.writeFrame(new JsonObject().put("type", "send").put("address", "orders.tracker")
        .put("headers", "not an object").put("replyAddress", "r1")));
    typed.await(FrameRecorder.err("malformed_frame"), "malformed_frame");
    await(closed(wrongTypes));
    // bad JSON, unknown types, missing fields, random text: vertx-web answers them; none hurts anybody else
    SockJsBridgeClient noisy = bed.sockJs(bed.token("hostile"), new FrameRecorder());
    Random random = new Random(7);
    for (int i = 0; i < 100 && !noisy.isClosed(); i++) {
      String payload;
      switch (i % 5) {
        case 0: payload = "{not json"; break;
        case 1: payload = "{\"type\":\"explode\",\"address\":\"a\"}"; break;
        case 2: payload = "{\"type\":\"send\"}"; break;
        case 3: payload = "{\"type\":5}"; break;
        default:
          byte[] junk = new byte[1 + random.nextInt(200)];
          random.nextBytes(junk);
          payload = new String(junk, StandardCharsets.ISO_8859_1);
      }
      noisy.writeRaw(new io.vertx.core.json.JsonArray().add(payload).encode());
    }
    assertStillServing();
    assertThat(bed.bridge.metrics().registry().get("bridge_malformed_frames").tag("transport", "sockjs").counter()
        .count()).isGreaterThanOrEqualTo(1);
  }

  private void assertStillServing() {
    bed.place("FUZZ-1", "BTCUSDT", null);
    goodSockJs.await(FrameRecorder.event("FUZZ-1", "PLACED"), "the event on the good SockJS client");
    goodTcp.await(FrameRecorder.event("FUZZ-1", "PLACED"), "the event on the good TCP client");
    WebClient web = WebClient.create(bed.vertx);
    int status = await(web.get(bed.bridge.httpPort(), BridgeTestBed.HOST, "/health").send()).statusCode();
    assertThat(status).isEqualTo(200);
    assertThat(bed.bridge.metrics().connectedNow(BridgeMetrics.Transport.SOCKJS)).isGreaterThanOrEqualTo(1);
  }
}
