package dev.ordertracker.api.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigReaderTest {
  private static final Set<String> KEYS = Set.of("port", "name", "on", "ttl", "nested", "list", "rate");

  @Test
  void unknownKeysAreRefusedNamingThePathAndTheKnownKeys() {
    assertThatThrownBy(() -> ConfigReader.of(new JsonObject().put("prot", 1), "bridge.", KEYS, "bridge option"))
        .hasMessageStartingWith("bridge.prot: unknown bridge option (known: [list, name, nested, on, port, rate, ttl])");
  }

  @Test
  void typedReadsWithDefaultsAndRanges() {
    ConfigReader r = ConfigReader.of(new JsonObject().put("port", 8080).put("name", "x").put("on", true)
        .put("ttl", "PT30S").put("rate", 2.5), "", KEYS, "option");
    assertThat(r.intValue("port", 0, 0, 65535)).isEqualTo(8080);
    assertThat(r.longValue("list", 7)).isEqualTo(7);
    assertThat(r.string("name")).isEqualTo("x");
    assertThat(r.text("nested", "d")).isEqualTo("d");
    assertThat(r.bool("on", false)).isTrue();
    assertThat(r.duration("ttl", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    assertThat(r.doubleValue("rate", 1)).isEqualTo(2.5);
  }

  @Test
  void badValuesAreRefusedNamingTheKeyWithoutEchoingStrings() {
    ConfigReader r = ConfigReader.of(new JsonObject().put("port", "secret-ish").put("on", "true").put("rate", "x")
        .put("ttl", 0).put("name", " ").put("nested", new JsonObject().put("deep", 1))
        .put("list", new JsonArray().add(1)), "store.", KEYS, "store option");
    assertThatThrownBy(() -> r.intValue("port", 0)).hasMessage("store.port: expected an integer, was a string");
    assertThatThrownBy(() -> r.bool("on", false)).hasMessageStartingWith("store.on: expected true or false");
    assertThatThrownBy(() -> r.doubleValue("rate", 1)).hasMessageStartingWith("store.rate: expected a number");
    assertThatThrownBy(() -> r.duration("ttl", null)).hasMessageStartingWith("store.ttl: must be positive");
    assertThatThrownBy(() -> r.text("name", null)).hasMessageStartingWith("store.name: must not be blank");
    assertThatThrownBy(() -> r.child("nested", Set.of("shallow"), "nested option"))
        .hasMessageStartingWith("store.nested.deep: unknown nested option");
    assertThatThrownBy(() -> r.strings("list")).hasMessageStartingWith("store.list: expected an array of strings");
    ConfigReader ranged = ConfigReader.of(new JsonObject().put("port", 70000).put("rate", 1.5), "", KEYS, "option");
    assertThatThrownBy(() -> ranged.intValue("port", 0, 0, 65535)).hasMessage("port: 70000 is not in [0, 65535]");
    assertThatThrownBy(() -> ranged.longValue("rate")).hasMessage("rate: expected an integer, was a decimal number");
  }
}
