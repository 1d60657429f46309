package dev.ordertracker.notifier;

import dev.ordertracker.notifier.rule.RuleKind;
import dev.ordertracker.notifier.sink.SinkType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifierOptionsTest {

  /** The example of the module README (kept identical: the README shows this file). */
  static JsonObject example() throws IOException {
    try (InputStream in = NotifierOptionsTest.class.getResourceAsStream("/notifier-example.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theReadmeExampleParsesAndValidates() throws IOException {
    NotifierOptions o = new NotifierOptions(example()).validate();
    assertThat(o.getSinks()).extracting(s -> s.getType())
        .containsExactly(SinkType.WEBHOOK, SinkType.SLACK, SinkType.TELEGRAM, SinkType.EMAIL);
    assertThat(o.getRules()).extracting(r -> r.kind()).contains(RuleKind.EVENT, RuleKind.STALE_PLACED,
        RuleKind.ACCOUNT_SILENT, RuleKind.ERROR_BURST, RuleKind.CORRECTION);
  }

  @Test
  void secretsAreRedactedInToJsonAndToString() throws IOException {
    JsonObject config = example();
    NotifierOptions o = new NotifierOptions(config);
    String shown = o.toString() + o.toJson().encode();
    for (String secret : new String[]{"whsec-change-me", "123456789:AAE-change-me", "smtp-change-me",
        "T000/B000/XXXXXXXX", "q-token"}) {
      assertThat(config.encode()).contains(secret);
      assertThat(shown).doesNotContain(secret);
    }
    assertThat(shown).contains("\"secret\":\"***\"").contains("\"bot_token\":\"***\"")
        .contains("\"password\":\"***\"").contains("https://hooks.slack.com/***");
  }

  @Test
  void unknownKeysAreRefusedNamingTheKeyAndItsPlace() throws IOException {
    assertThatThrownBy(() -> new NotifierOptions(new JsonObject().put("rulez", new JsonArray())))
        .hasMessageStartingWith("rulez: unknown notifier option");
    JsonObject badRule = example();
    badRule.getJsonArray("rules").getJsonObject(1).put("min_notionnal", "5");
    assertThatThrownBy(() -> new NotifierOptions(badRule)).hasMessageStartingWith("rules[1].min_notionnal: unknown");
    JsonObject badSink = example();
    badSink.getJsonArray("sinks").getJsonObject(0).put("bot_token", "x");
    assertThatThrownBy(() -> new NotifierOptions(badSink))
        .hasMessageStartingWith("sinks[0].bot_token: unknown webhook sink option");
  }

  @Test
  void badValuesNameTheirKey() throws IOException {
    JsonObject c = example();
    c.getJsonArray("rules").getJsonObject(0).put("cooldown_ms", -1);
    assertThatThrownBy(() -> new NotifierOptions(c)).hasMessage("rules[0].cooldown_ms must not be negative, was -1");
    JsonObject d = example();
    d.getJsonArray("rules").getJsonObject(0).put("kind", "sometimes");
    assertThatThrownBy(() -> new NotifierOptions(d)).hasMessageStartingWith("rules[0].kind: unknown rule kind");
    JsonObject e = example();
    e.getJsonArray("rules").getJsonObject(0).put("min_notional", "1e999999");
    assertThatThrownBy(() -> new NotifierOptions(e)).hasMessageStartingWith("rules[0].min_notional");
    JsonObject f = example();
    f.getJsonArray("rules").getJsonObject(0).put("sinks", new JsonArray().add("nowhere"));
    assertThatThrownBy(() -> new NotifierOptions(f).validate())
        .hasMessageStartingWith("rules[0].sinks: no sink named 'nowhere'");
    JsonObject t = example();
    t.getJsonArray("rules").getJsonObject(0).put("event_types", new JsonArray().add("ORDER_FILED"));
    assertThatThrownBy(() -> new NotifierOptions(t)).hasMessageStartingWith("rules[0].event_types: ")
        .hasMessageContaining("ORDER_FILED");
    JsonObject g = example();
    g.getJsonArray("sinks").getJsonObject(0).put("url", "ftp://x/?token=leak");
    assertThatThrownBy(() -> new NotifierOptions(g)).hasMessageStartingWith("sinks[0].url: expected an http")
        .message().doesNotContain("leak");
    assertThatThrownBy(() -> new NotifierOptions(new JsonObject()).validate())
        .hasMessage("sinks: at least one sink is required");
  }

  @Test
  void theEnvironmentGivesTheMainJobItsWebhook() {
    assertThat(NotifierOptions.fromEnvironment(Map.of())).isNull();
    assertThat(NotifierOptions.fromEnvironment(Map.of("NOTIFY_WEBHOOK_URL", " "))).isNull();
    NotifierOptions o = NotifierOptions.fromEnvironment(Map.of("NOTIFY_WEBHOOK_URL", "https://ops.example/hook",
        "NOTIFY_WEBHOOK_SECRET", "s3cr3t-env")).validate();
    assertThat(o.getSinks()).singleElement().satisfies(s -> {
      assertThat(s.getUrl()).isEqualTo("https://ops.example/hook");
      assertThat(s.getSecret()).isEqualTo("s3cr3t-env");
    });
    assertThat(o.getRules()).singleElement().satisfies(r -> assertThat(r.toJson().getJsonArray("event_types"))
        .containsExactly("ERROR_OCCURRED", "ORDER_FILLED", "ORDER_LOST"));
    assertThat(o.toString()).doesNotContain("s3cr3t-env");
    assertThatThrownBy(() -> NotifierOptions.fromEnvironment(Map.of("NOTIFY_WEBHOOK_URL", "not a url?tok=zz")))
        .hasMessageStartingWith("NOTIFY_WEBHOOK_URL").message().doesNotContain("tok=zz");
  }
}
