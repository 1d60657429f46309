package dev.ordertracker.bridge;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bridge never invents a key: without one its deployment fails, naming the key and its variable. */
@ExtendWith(VertxExtension.class)
class BridgeKeyTest {

  @Test
  void withoutAKeyTheDeploymentFailsNamingIt(Vertx vertx) {
    JsonObject config = new JsonObject().put("http_port", 0).put("tcp_port", 0).put("host", BridgeTestBed.HOST)
        .put("require_adapter", false);

    assertThatThrownBy(() -> vertx.deployVerticle(new BridgeVerticle(), new DeploymentOptions().setConfig(config))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("jwt.secret:")
        .hasMessageContaining("BRIDGE_JWT_SECRET");
    assertThat(vertx.deploymentIDs()).isEmpty();
  }
}
