package dev.ordertracker.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.vertx.core.json.jackson.DatabindCodec;

/**
 * Makes Vert.x JSON exact for money, JVM-wide: JSON numbers with a fraction decode as {@link java.math.BigDecimal}
 * (not {@code double}) and BigDecimals encode in plain notation ({@code 0.00000001}, not {@code 1E-8}).
 *
 * <p>Why: a JsonObject body that crosses the clustered event bus (or the bridge) is encoded to text and decoded
 * again on the other side; with Vert.x's defaults a price like {@code 12345678.12345678} would come back as the
 * nearest double. Every entry point of this project installs it (the verticles, {@link Addresses},
 * {@link OrderTracker}); an application that decodes order events without touching those should call
 * {@link #install()} once at start-up. Side effect to know: in this JVM, {@code JsonObject.getValue} of a fractional
 * number returns a BigDecimal; {@code getDouble} keeps working.
 */
public final class ExactJson {
  private static volatile boolean installed;

  private ExactJson() {
  }

  /** Idempotent; safe to call from any thread. */
  public static void install() {
    if (installed) {
      return;
    }
    synchronized (ExactJson.class) {
      if (!installed) {
        DatabindCodec.mapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        DatabindCodec.mapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        installed = true;
      }
    }
  }
}
