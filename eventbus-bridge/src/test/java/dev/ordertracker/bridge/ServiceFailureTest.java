package dev.ordertracker.bridge;

import dev.ordertracker.bridge.BridgeTestBed.Transport;
import dev.ordertracker.bridge.client.BridgeClient;
import dev.ordertracker.bridge.security.TrackerActions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 (Low): a failed request reaches the client as a stable code with the service's failure code, never
 * with the service's exception text — on SockJS too, where vertx-web writes that answer itself.
 */
@ExtendWith(VertxExtension.class)
class ServiceFailureTest {

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aServiceFailureReachesTheClientAsAStableCodeWithoutItsText(Transport transport, Vertx vertx) {
    BridgeTestBed bed = BridgeTestBed.start(vertx);
    BridgeClient client = bed.client(transport, bed.token("reader"), new FrameRecorder());
    String tracker = BridgeTestBed.ADDRESSES.tracker();
    JsonObject action = new JsonObject().put(TrackerActions.HEADER_ACTION, TrackerActions.GET_ORDER);
    JsonObject missing = await(client.request(tracker, action,
        new JsonObject().put("orderId", "NO-SUCH-ORDER").put("symbol", "BTCUSDT")));
    assertThat(missing.getString("type")).isEqualTo("err");
    assertThat(missing.getInteger("failureCode")).isEqualTo(404);
    assertThat(missing.getString("message")).isEqualTo("not_found");
    assertThat(missing.encode()).doesNotContain("NO-SUCH-ORDER");
    JsonObject bad = await(client.request(tracker, action, new JsonObject().put("orderId", " ")));
    assertThat(bad.getInteger("failureCode")).isEqualTo(400);
    assertThat(bad.getString("message")).isEqualTo("bad_request");
  }
}
