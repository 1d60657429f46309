package dev.ordertracker.bridge;

import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.bridge.BridgeTestBed.Transport;
import dev.ordertracker.bridge.client.BridgeClient;
import dev.ordertracker.bridge.client.SockJsBridgeClient;
import dev.ordertracker.bridge.client.TcpBridgeClient;
import dev.ordertracker.bridge.security.TrackerActions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops reading is disconnected once max_outbound_queue frames are pending; the publisher and the
 * well-behaved clients are not held up.
 */
@ExtendWith(VertxExtension.class)
class SlowConsumerTest {

  /**
   * Issue 18 item 5: three reading clients and one that stops reading. While the stalled client's queue fills
   * (max_outbound_queue frames) the reading ones are not held back: when it is cut off, each of them already has
   * more events than the stalled one took, and in the end each has every event.
   */
  @ParameterizedTest
  @EnumSource(Transport.class)
  void aClientThatStopsReadingIsDisconnected(Transport transport, Vertx vertx) {
    int maxQueue = 256;
    BridgeTestBed bed = BridgeTestBed.start(vertx, new JsonObject().put("max_outbound_queue", maxQueue));
    String address = bed.eventAddress(EventType.ORDER_PLACED);
    List<FrameRecorder> good = new ArrayList<>();
    List<BridgeClient> goodClients = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      FrameRecorder recorder = new FrameRecorder();
      good.add(recorder);
      goodClients.add(bed.client(transport, bed.token("good-" + i), recorder));
    }
    BridgeClient slow = bed.client(transport, bed.token("slow"), new FrameRecorder());
    List<BridgeClient> all = new ArrayList<>(goodClients);
    all.add(slow);
    for (BridgeClient c : all) {
      await(c.register(address));
      await(c.request(BridgeTestBed.ADDRESSES.tracker(),
          new JsonObject().put(TrackerActions.HEADER_ACTION, TrackerActions.GET_STATS), new JsonObject()));
    }
    if (slow instanceof TcpBridgeClient) {
      ((TcpBridgeClient) slow).socket().pause();
    } else {
      ((SockJsBridgeClient) slow).webSocket().pause();
    }
    String padding = "x".repeat(8 * 1024);
    DeliveryOptions headers = new DeliveryOptions().addHeader(Fields.HEADER_SYMBOL, "BTCUSDT");
    // a steady stream (2 events of 8 KiB every 5 ms, ~3 MB/s per client) until the paused client's socket buffers
    // are full and its queue overflows; the reading clients, in this same busy JVM, keep up with it
    int[] published = {0};
    long[] leastReadAtCutOff = {-1};
    long timer = vertx.setPeriodic(5, id -> {
      if (leastReadAtCutOff[0] < 0 && disconnected(bed, transport) >= 1) {
        leastReadAtCutOff[0] = good.stream().mapToLong(SlowConsumerTest::events).min().orElse(0);
      }
      for (int i = 0; i < 2; i++) {
        vertx.eventBus().publish(address, new JsonObject().put("order_id", "P-" + published[0]++)
            .put("status", "PLACED").put("padding", padding), headers);
      }
    });
    try {
      bed.eventually(() -> leastReadAtCutOff[0] >= 0, "the slow client disconnected");
    } finally {
      vertx.cancelTimer(timer);
    }
    assertThat(leastReadAtCutOff[0]).as("events each reading client had when the stalled one was cut off")
        .isGreaterThan(maxQueue);
    await(vertx.timer(1).compose(v -> {
      vertx.eventBus().publish(address, new JsonObject().put("order_id", "LAST").put("status", "PLACED"), headers);
      return io.vertx.core.Future.succeededFuture();
    }));
    int total = await(vertx.timer(1).map(v -> published[0])) + 1;
    for (int i = 0; i < good.size(); i++) {
      good.get(i).await(FrameRecorder.event("LAST", "PLACED"), "the last event on reading client " + i);
      assertThat(goodClients.get(i).isClosed()).isFalse();
      assertThat(events(good.get(i))).as("reading client " + i + " got every event").isEqualTo(total);
    }
  }

  private static long events(FrameRecorder recorder) {
    return recorder.snapshot().stream().filter(f -> f.getValue("body") instanceof JsonObject
        && f.getJsonObject("body").containsKey("status")).count();
  }

  private static double disconnected(BridgeTestBed bed, Transport transport) {
    return bed.bridge.metrics().registry().get("bridge_slow_consumers_disconnected")
        .tag("transport", transport.name().toLowerCase()).counter().count();
  }

  /**
   * Issue 15 item 6: the queue is bounded in bytes too. With big frames the byte bound (max_outbound_bytes,
   * default 16 MiB) disconnects the client long before max_outbound_queue frames are pending (before the fix,
   * 300 replies of 440 KB each, 132 MB, were queued without disconnecting).
   */
  @ParameterizedTest
  @EnumSource(Transport.class)
  void bigFramesToAClientThatStopsReadingAreBoundedInBytes(Transport transport, Vertx vertx) {
    int maxFrames = 1024;
    BridgeTestBed bed = BridgeTestBed.start(vertx, new JsonObject().put("max_outbound_queue", maxFrames));
    String address = bed.eventAddress(EventType.ORDER_PLACED);
    BridgeClient slow = bed.client(transport, bed.token("slow"), new FrameRecorder());
    await(slow.register(address));
    await(slow.request(BridgeTestBed.ADDRESSES.tracker(),
        new JsonObject().put(TrackerActions.HEADER_ACTION, TrackerActions.GET_STATS), new JsonObject()));
    if (slow instanceof TcpBridgeClient) {
      ((TcpBridgeClient) slow).socket().pause();
    } else {
      ((SockJsBridgeClient) slow).webSocket().pause();
    }
    String padding = "x".repeat(128 * 1024);
    DeliveryOptions headers = new DeliveryOptions().addHeader(Fields.HEADER_SYMBOL, "BTCUSDT");
    int[] published = {0};
    int[] atDisconnect = {-1};
    long timer = vertx.setPeriodic(5, id -> {
      if (atDisconnect[0] < 0 && bed.bridge.metrics().registry().get("bridge_slow_consumers_disconnected")
          .tag("transport", transport.name().toLowerCase()).counter().count() >= 1) {
        atDisconnect[0] = published[0];
      }
      if (atDisconnect[0] < 0 && published[0] < 2 * maxFrames) {
        vertx.eventBus().publish(address, new JsonObject().put("order_id", "P-" + published[0]++)
            .put("status", "PLACED").put("padding", padding), headers);
      }
    });
    try {
      bed.eventually(() -> atDisconnect[0] >= 0 || published[0] >= 2 * maxFrames, "disconnected or all published");
    } finally {
      vertx.cancelTimer(timer);
    }
    assertThat(atDisconnect[0]).as("disconnected").isNotNegative();
    // the frames the bridge accepted for the only client before disconnecting it: 16 MiB of 128 KiB frames is
    // 128 frames (plus what the socket buffers took), far below the frame bound
    double delivered = bed.bridge.metrics().registry().get("bridge_messages_delivered")
        .tag("transport", transport.name().toLowerCase()).counter().count();
    assertThat(delivered).as("frames queued to the slow client").isLessThan(maxFrames / 2.0);
  }
}
