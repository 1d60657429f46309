package dev.ordertracker.bridge;

import dev.ordertracker.api.store.OrderHistory;
import dev.ordertracker.bridge.BridgeTestBed.Transport;
import dev.ordertracker.bridge.client.BridgeClient;
import dev.ordertracker.bridge.security.BridgeErrorCode;
import dev.ordertracker.bridge.security.TrackerActions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static dev.ordertracker.bridge.BridgeTestBed.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history service through the bridge (what the dashboard's gapless catch-up uses): its read actions are
 * permitted, answers are filtered by the token's claims, aggregates are refused to restricted clients, anything
 * else on that address is refused — on both bridges, each refusal leaving the tracker's state as it was.
 */
@ExtendWith(VertxExtension.class)
class HistoryPermissionTest {
  private BridgeTestBed bed;
  private String history;

  @BeforeEach
  void start(Vertx vertx, @TempDir Path data) throws Exception {
    bed = BridgeTestBed.start(vertx, new JsonObject(), new JsonObject().put("store", new JsonObject()
        .put("data_dir", data.toString()).put("flush_interval_ms", 5)));
    history = OrderHistory.address(BridgeTestBed.ADDRESSES);
    bed.place("A-1", "BTCUSDT", "alice");
    bed.place("B-1", "ETHUSDT", "bob");
    // the journal is group-committed: wait (bounded) until both orders' events are readable
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (await(OrderHistory.create(vertx, BridgeTestBed.ADDRESSES).service().eventsSince(0, 100))
        .getJsonArray("events").size() < 2) {
      assertThat(System.nanoTime()).as("journal flushed within 10 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static JsonObject action(String name) {
    return new JsonObject().put(TrackerActions.HEADER_ACTION, name);
  }

  private static JsonObject since(long sequence) {
    return new JsonObject().put("afterSequence", sequence).put("limit", 100);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void eventsSinceIsPermittedAndFilteredByTheAccountsClaim(Transport transport) {
    BridgeClient everyone = bed.client(transport, bed.token("reader"), new FrameRecorder());
    JsonArray all = await(everyone.request(history, action(TrackerActions.EVENTS_SINCE), since(0)))
        .getJsonObject("body").getJsonArray("events");
    assertThat(all.size()).isGreaterThanOrEqualTo(2);

    BridgeClient alice = bed.client(transport, bed.token("alice", Set.of("alice"), null, null), new FrameRecorder());
    JsonArray hers = await(alice.request(history, action(TrackerActions.EVENTS_SINCE), since(0)))
        .getJsonObject("body").getJsonArray("events");
    assertThat(hers).isNotEmpty();
    assertThat(hers.stream().map(e -> ((JsonObject) e).getString("account"))).containsOnly("alice");
  }

  private JsonObject history(BridgeClient client, String action, JsonObject query) {
    return await(client.request(history, action(action), new JsonObject().put("query", query)));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aRestrictedClientsQueriesRunInsideItsScopeCountsIncluded(Transport transport) {
    BridgeClient alice = bed.client(transport, bed.token("alice", Set.of("alice"), null, null), new FrameRecorder());
    JsonObject before = bed.trackerState();
    // before issue 15: orders [] but total 1 (bob's order counted); aggregates refused outright
    JsonObject bobs = history(alice, TrackerActions.QUERY_ORDERS, new JsonObject().put("account", "bob"));
    assertThat(bobs.getString("message")).isEqualTo(BridgeErrorCode.FORBIDDEN_ACCOUNT.code());
    JsonObject all = history(alice, TrackerActions.QUERY_ORDERS, new JsonObject()).getJsonObject("body");
    assertThat(all.getLong("total")).isEqualTo(1L);
    assertThat(all.getJsonArray("orders")).hasSize(1);
    JsonObject aggregates = history(alice, TrackerActions.AGGREGATES, new JsonObject()).getJsonObject("body");
    assertThat(aggregates.getLong("total_orders")).isEqualTo(1L);
    assertThat(aggregates.getJsonObject("counts_by_symbol").fieldNames()).containsOnly("BTCUSDT");
    // a client of several accounts names the one it asks about
    BridgeClient both = bed.client(transport, bed.token("both", Set.of("alice", "bob"), null, null),
        new FrameRecorder());
    assertThat(history(both, TrackerActions.QUERY_ORDERS, new JsonObject()).getString("message"))
        .isEqualTo("scope_required");
    assertThat(history(both, TrackerActions.QUERY_ORDERS, new JsonObject().put("account", "bob"))
        .getJsonObject("body").getLong("total")).isEqualTo(1L);
    // an unrestricted client sees both
    BridgeClient everyone = bed.client(transport, bed.token("reader"), new FrameRecorder());
    assertThat(history(everyone, TrackerActions.QUERY_ORDERS, new JsonObject()).getJsonObject("body")
        .getLong("total")).isEqualTo(2L);
    assertThat(bed.trackerState()).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void historyPagesAreBoundedByTheMaxPageSize(Transport transport) {
    BridgeClient client = bed.client(transport, bed.token("reader"), new FrameRecorder());
    JsonObject huge = await(client.request(history, action(TrackerActions.EVENTS_SINCE),
        new JsonObject().put("afterSequence", 0).put("limit", 10_000)));
    assertThat(huge.getString("message")).isEqualTo("limit_invalid");
    JsonObject bigPage = history(client, TrackerActions.QUERY_ORDERS, new JsonObject().put("page_size", 1000));
    assertThat(bigPage.getString("message")).isEqualTo("limit_invalid");
    assertThat(history(client, TrackerActions.QUERY_ORDERS, new JsonObject().put("page_size", 10))
        .getJsonObject("body").getLong("total")).isEqualTo(2L);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anUnknownActionOnTheHistoryAddressIsRefused(Transport transport) {
    BridgeClient client = bed.client(transport, bed.token("reader"), new FrameRecorder());
    JsonObject before = bed.trackerState();
    JsonObject answer = await(client.request(history, action(TrackerActions.CLEAR_HISTORY), new JsonObject()));
    assertThat(answer.getString("type")).isEqualTo("err");
    assertThat(answer.getString("message")).isEqualTo(BridgeErrorCode.UNKNOWN_ACTION.code());
    assertThat(bed.trackerState()).isEqualTo(before);
  }
}
