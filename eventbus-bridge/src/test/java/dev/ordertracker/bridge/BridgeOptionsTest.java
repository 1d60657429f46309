package dev.ordertracker.bridge;

import dev.ordertracker.bridge.security.JwtSettings;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BridgeOptionsTest {

  @Test
  void defaults() {
    BridgeOptions options = new BridgeOptions(new JsonObject());
    assertThat(options.getHttpPort()).isEqualTo(8080);
    assertThat(options.getTcpPort()).isEqualTo(7000);
    assertThat(options.getJwt().algorithm()).isEqualTo("HS256");
    assertThat(options.getJwt().secret()).isNull();
    assertThat(options.getMutationRole()).isNull();
    assertThat(options.isRequireAdapter()).isTrue();
  }

  @Test
  void roundTripsThroughJson() {
    BridgeOptions options = new BridgeOptions().setHttpPort(0).setTcpPort(0).setMutationRole("trader")
        .setMaxOutboundQueue(10).setJwt(new JwtSettings("HS512", "0123456789abcdef0123456789abcdef", null, null));
    assertThat(new BridgeOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
  }

  @Test
  void unknownKeysAndBadValuesAreRejectedNamingTheKey() {
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("http_prot", 1)))
        .hasMessageStartingWith("http_prot: unknown");
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("tcp_port", 70000)))
        .hasMessageStartingWith("tcp_port:");
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("max_outbound_queue", "ten")))
        .hasMessageStartingWith("max_outbound_queue:");
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("jwt", new JsonObject().put("algorithm", "none"))))
        .hasMessageStartingWith("jwt.algorithm:");
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("jwt", new JsonObject().put("algorithm", "RS256"))))
        .hasMessageStartingWith("jwt.public_key_pem:");
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("jwt", new JsonObject().put("secret", "short"))))
        .hasMessageStartingWith("jwt.secret:");
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("jwt", new JsonObject().put("kid", "x"))))
        .hasMessageStartingWith("jwt.kid: unknown");
  }

  @Test
  void fromEnvironment() {
    BridgeOptions options = BridgeOptions.fromEnvironment(Map.of("HTTP_PORT", "9090", "TCP_BRIDGE_PORT", "7100",
        "BRIDGE_JWT_SECRET", "a-secret-of-enough-length-0123456789", "BRIDGE_MUTATION_ROLE", "trader"));
    assertThat(options.getHttpPort()).isEqualTo(9090);
    assertThat(options.getTcpPort()).isEqualTo(7100);
    assertThat(options.getJwt().secret()).isEqualTo("a-secret-of-enough-length-0123456789");
    assertThat(options.getMutationRole()).isEqualTo("trader");
    assertThat(options.getJwt().toString()).doesNotContain("a-secret-of-enough-length-0123456789");
    assertThatThrownBy(() -> BridgeOptions.fromEnvironment(Map.of("HTTP_PORT", "eighty")))
        .hasMessageStartingWith("HTTP_PORT:");
    assertThat(BridgeOptions.fromEnvironment(Map.of()).toJson()).isEqualTo(new BridgeOptions().toJson());
  }
}
