package dev.ordertracker.simulator;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared Binance material ({@code shared/binance}) by searching upwards from the working directory. */
final class SharedBinanceData {

  private SharedBinanceData() {
  }

  static Path dir() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("binance");
      if (Files.isRegularFile(candidate.resolve("signature-vectors.json"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/binance (PROTOCOL.md, examples/, signature-vectors.json) not found in "
        + start + " or any parent directory; the CI layout puts the 'shared' folder next to the repository clone");
  }

  static JsonObject json(String relative) {
    try {
      return new JsonObject(Files.readString(dir().resolve(relative)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + relative, e);
    }
  }

  static String text(String relative) {
    try {
      return Files.readString(dir().resolve(relative));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + relative, e);
    }
  }

  /** Repository root: the parent of the module directory that holds pom.xml and js/. */
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
