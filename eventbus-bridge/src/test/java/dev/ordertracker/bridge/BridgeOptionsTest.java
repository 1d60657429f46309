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
    assertThat(options.getMaxOutboundBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(options.getMaxRequestsPerSecond()).isEqualTo(50);
    assertThat(options.getRequestBurst()).isEqualTo(100);
    assertThat(options.getMaxRequestsInFlight()).isEqualTo(16);
    assertThat(options.getMaxPageSize()).isEqualTo(200);
    assertThat(options.getMaxConnections()).isEqualTo(1024);
    assertThat(options.getMaxConnectionsPerAddress()).isEqualTo(64);
    assertThat(options.getAuthTimeoutMs()).isEqualTo(10_000);
    assertThat(options.getJwt().audience()).isEqualTo("order-tracker");
    assertThat(options.getJwt().issuer()).isNull();
    assertThat(options.getJwt().leewaySeconds()).isEqualTo(30);
  }

  @Test
  void theNewLimitsAreValidatedNamingTheKey() {
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("max_page_size", 1001)))
        .hasMessageStartingWith("max_page_size:");
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("max_requests_per_second", 0)))
        .hasMessageStartingWith("max_requests_per_second:");
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("max_outbound_bytes", 10)))
        .hasMessageStartingWith("max_outbound_bytes:");
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("auth_timeout_ms", 0)))
        .hasMessageStartingWith("auth_timeout_ms:");
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("jwt", new JsonObject().put("leeway_seconds", 3600))))
        .hasMessageStartingWith("jwt.leeway_seconds:");
    assertThatThrownBy(() -> new BridgeOptions(new JsonObject().put("jwt", new JsonObject().put("audience", " "))))
        .hasMessageStartingWith("jwt.audience:");
    BridgeOptions options = new BridgeOptions(new JsonObject().put("max_page_size", 25).put("jwt", new JsonObject()
        .put("secret", "s".repeat(32)).put("audience", "desk").put("issuer", "https://idp")));
    assertThat(new BridgeOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
    assertThat(options.getJwt().toString()).doesNotContain("s".repeat(32));
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
