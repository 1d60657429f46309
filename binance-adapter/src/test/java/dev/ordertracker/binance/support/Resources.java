package dev.ordertracker.binance.support;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The published Binance examples and signing vectors ({@code binance-simulator/src/test/resources/binance}, on this module's test classpath). */
public final class Resources {
  private Resources() {
  }

  public static String text(String name) {
    try (InputStream in = Resources.class.getResourceAsStream("/binance/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonObject json(String name) {
    return new JsonObject(text(name));
  }
}
