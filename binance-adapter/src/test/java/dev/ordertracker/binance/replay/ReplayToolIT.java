package dev.ordertracker.binance.replay;

import dev.ordertracker.api.OrderStatus;
import dev.ordertracker.api.TrackedOrder;
import dev.ordertracker.binance.support.Resources;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay tool on a real file: wrapped and bare frames, a duplicate, a bad line; the output is TrackedOrders. */
@ExtendWith(VertxExtension.class)
class ReplayToolIT {

  @Test
  void replaysAFileAndWritesEveryOrdersFinalState(Vertx vertx, @TempDir Path dir) throws Exception {
    JsonObject event = Resources.json("event-executionReport.json").getJsonObject("event");
    JsonObject trade = event.copy().put("x", "TRADE").put("X", "FILLED").put("l", "1.00000000")
        .put("z", "1.00000000").put("L", "0.10264410").put("Z", "0.10264410").put("Y", "0.10264410").put("t", 5)
        .put("I", 8641990).put("n", "0.001").put("N", "BNB");
    JsonObject other = event.copy().put("i", 77).put("I", 1).put("s", "BTCUSDT");
    Path input = dir.resolve("frames.jsonl");
    Files.write(input, List.of(
        new JsonObject().put("subscriptionId", 0).put("event", event).encode(),
        "",
        "garbage line",
        new JsonObject().put("subscriptionId", 0).put("event", trade).encode(),
        new JsonObject().put("subscriptionId", 0).put("event", trade).encode(),
        other.encode(),
        Resources.text("event-balanceUpdate.json").replace("\n", "")));
    Path output = dir.resolve("orders.jsonl");
    ReplayTool.Result r = ReplayTool.run(vertx, input, output, "main").toCompletionStage().toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
    assertThat(r.frames()).isEqualTo(6);
    assertThat(r.decodeErrors()).isEqualTo(1);
    assertThat(r.duplicatesDropped()).isEqualTo(1);
    assertThat(r.orders()).isEqualTo(2);
    List<TrackedOrder> orders = Files.readAllLines(output).stream().map(l -> new TrackedOrder(new JsonObject(l)))
        .toList();
    TrackedOrder filled = orders.stream().filter(o -> o.orderId().equals("4293153")).findFirst().orElseThrow();
    assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(filled.fills()).hasSize(1);
    assertThat(filled.account()).isEqualTo("main");
    assertThat(orders).anySatisfy(o -> assertThat(o.orderId()).isEqualTo("77"));

    Path states = dir.resolve("states.jsonl");
    ReplayTool.Result s = ReplayTool.run(input, states, "main", ReplayFormat.STATES, null);
    assertThat(s.orders()).isEqualTo(2);
    JsonObject state = Files.readAllLines(states).stream().map(JsonObject::new)
        .filter(o -> o.getString("order_id").equals("4293153")).findFirst().orElseThrow();
    assertThat(state.fieldNames()).containsExactlyInAnyOrder("account", "symbol", "order_id", "client_order_id",
        "status", "quantity", "filled_quantity", "average_price", "updated_at");
    assertThat(state.getString("status")).isEqualTo("FILLED");
    assertThat(state.getString("filled_quantity")).isEqualTo(filled.filledQuantity().toPlainString());
    assertThat(state.getString("average_price")).isEqualTo(filled.averagePrice().toPlainString());
  }
}
