package dev.ordertracker.bridge;

import dev.ordertracker.api.EventBodyCodec;
import dev.ordertracker.api.EventType;
import dev.ordertracker.api.Fields;
import dev.ordertracker.bridge.BridgeTestBed.Transport;
import dev.ordertracker.bridge.client.BridgeClient;
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
 * Issue 18 item 5: an event published to many clients is encoded once, not once per client (the tracker shares one
 * read-only body between local consumers), and every client still gets exactly its events with their own headers.
 */
@ExtendWith(VertxExtension.class)
class FanOutTest {
  private static final int CLIENTS = 5;

  @ParameterizedTest
  @EnumSource(Transport.class)
  void one_encoding_per_event_and_every_client_gets_every_event_with_its_headers(Transport transport, Vertx vertx) {
    BridgeTestBed bed = BridgeTestBed.start(vertx, new JsonObject());
    EventBodyCodec.registerOnce(vertx.eventBus());
    String address = bed.eventAddress(EventType.ORDER_PLACED);
    List<FrameRecorder> recorders = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      FrameRecorder recorder = new FrameRecorder();
      recorders.add(recorder);
      BridgeClient client = bed.client(transport, bed.token("fan-" + i), recorder);
      await(client.register(address));
      // a request answered after the register frame was handled: the registration is in place
      await(client.request(BridgeTestBed.ADDRESSES.tracker(),
          new JsonObject().put(TrackerActions.HEADER_ACTION, TrackerActions.GET_STATS), new JsonObject()));
    }
    // the same body instance twice with other headers, then an equal body that is another instance
    JsonObject shared = new JsonObject().put("order_id", "F-1").put("status", "PLACED");
    publish(vertx, address, shared, "BTCUSDT", "1");
    publish(vertx, address, shared, "ETHUSDT", "2");
    publish(vertx, address, shared.copy(), "ETHUSDT", "3");
    for (FrameRecorder recorder : recorders) {
      recorder.await(f -> "3".equals(header(f, "n")), "the third event");
      List<JsonObject> events = recorder.snapshot().stream().filter(f -> header(f, "n") != null).toList();
      assertThat(events).extracting(f -> header(f, "n") + "/" + header(f, Fields.HEADER_SYMBOL))
          .containsExactly("1/BTCUSDT", "2/ETHUSDT", "3/ETHUSDT");
      assertThat(events).allSatisfy(f -> assertThat(f.getJsonObject("body")).isEqualTo(shared));
    }
    double shared0 = bed.bridge.metrics().registry().get("bridge_event_frames_shared")
        .tag("transport", transport.name().toLowerCase()).counter().count();
    assertThat(shared0).as("frames written as encoded for another client").isEqualTo(3.0 * (CLIENTS - 1));
  }

  private static void publish(Vertx vertx, String address, JsonObject body, String symbol, String n) {
    vertx.eventBus().publish(address, body, new DeliveryOptions().setCodecName(EventBodyCodec.NAME)
        .addHeader(Fields.HEADER_SYMBOL, symbol).addHeader("n", n));
  }

  private static String header(JsonObject frame, String name) {
    JsonObject headers = frame.getJsonObject("headers");
    return headers == null ? null : headers.getString(name);
  }
}
