package dev.ordertracker.binance.codec;

import dev.ordertracker.binance.support.Resources;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The fast path and the strict decoder agree on every frame: same record, or both refuse with the same kind. */
class DecoderAgreementProperties {
  private static final JsonObject BASE = Resources.json("event-executionReport.json").getJsonObject("event");
  private static final List<String> KEYS = List.copyOf(BASE.fieldNames());

  @Property(tries = 2000)
  void fastAndStrictAgree(@ForAll("frames") String frame) {
    UserDataDecoder decoder = new UserDataDecoder();
    Throwable strictError = catchThrowable(() -> decoder.decodeStrict(frame));
    Throwable error = catchThrowable(() -> {
      UserDataFrame decoded = decoder.decode(frame);
      if (strictError == null) {
        assertThat(decoded).isEqualTo(decoder.decodeStrict(frame));
      }
    });
    if (strictError == null) {
      assertThat(error).isNull();
    } else {
      assertThat(error).isInstanceOf(FrameDecodeException.class);
      assertThat(((FrameDecodeException) error).kind()).isEqualTo(((FrameDecodeException) strictError).kind());
    }
  }

  @Provide
  Arbitrary<String> frames() {
    Arbitrary<Object> values = Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(22).map(s -> (Object) s),
        Arbitraries.of("0.00000000", "12.5", "1e5", ".5", "5.", "-1", "+3", "00.10", "0.1.2",
            "12345678901234567890.123456789", "BUY", "SELL", "LIMIT", "MARKET", "TRADE", "FILLED", "CANCELED", "NEW",
            "é∑", "").map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null));
    Arbitrary<JsonObject> mutated = Combinators.combine(
        Arbitraries.of(KEYS).list().ofMaxSize(4),
        values.list().ofMinSize(4).ofMaxSize(4),
        Arbitraries.of("pY", "gOT", "uS", "Cs", "A", "d", "eR", "zz").list().ofMaxSize(3),
        Arbitraries.integers().between(0, 3))
      .as((keys, vals, extra, removals) -> {
        JsonObject e = BASE.copy();
        for (int k = 0; k < keys.size(); k++) {
          e.put(keys.get(k), vals.get(k));
        }
        for (int k = 0; k < extra.size(); k++) {
          e.put(extra.get(k), vals.get(k));
        }
        for (int k = 0; k < removals && k < keys.size(); k++) {
          e.remove(keys.get(k));
        }
        return e;
      });
    return Combinators.combine(mutated, Arbitraries.integers().between(0, 3), Arbitraries.longs().between(-2, 50))
        .as((event, shape, sub) -> {
          switch (shape) {
            case 0: return event.encode();
            case 1: return new JsonObject().put("subscriptionId", sub).put("event", event).encode();
            case 2: return new JsonObject().put("subscriptionId", sub).put("event", event).encodePrettily();
            default: return "{\"event\":" + event.encode() + ",\"subscriptionId\":" + sub + "}";
          }
        });
  }
}
