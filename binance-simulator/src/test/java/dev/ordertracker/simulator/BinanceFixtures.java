package dev.ordertracker.simulator;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The published Binance payloads ({@code examples/…}) and signing vectors, copied from binance-spot-api-docs into
 * this module's test resources ({@code src/test/resources/binance/}). They are read from the classpath only, so the
 * tests never depend on anything outside the repository; binance-adapter puts the same folder on its test
 * classpath (one copy).
 */
final class BinanceFixtures {

  private BinanceFixtures() {
  }

  static String text(String relative) {
    // the published examples sit flat under binance/ (the "examples/" prefix names their origin, not a folder)
    String name = relative.startsWith("examples/") ? relative.substring("examples/".length()) : relative;
    try (InputStream in = BinanceFixtures.class.getResourceAsStream("/binance/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource binance/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonObject json(String relative) {
    return new JsonObject(text(relative));
  }

  /** Repository root: the nearest directory above the module that holds pom.xml and js/ (never above the clone). */
  static Path repoRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("js")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("repository root (with js/ and pom.xml) not found above " + start);
  }
}
