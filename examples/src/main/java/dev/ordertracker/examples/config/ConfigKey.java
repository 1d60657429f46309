package dev.ordertracker.examples.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One setting that an environment variable and/or a command-line flag can set: where it goes in the configuration
 * ({@code bridge.http_port}), its variable ({@code HTTP_PORT}), its flag ({@code --http-port}) and how the text
 * becomes a JSON value. Secrets have no flag (a command line is visible to every user of the machine).
 *
 * @param path section and key, dot-separated; {@code null} for the legacy JSON blobs that {@link ConfigLayers} places
 */
public record ConfigKey(String path, String env, String flag, Type type, String help) {

  /** How the text of a variable or flag becomes a JSON value. */
  public enum Type {
    STRING, INT, BOOL, NUMBER,
    /** comma-separated, blanks dropped: {@code "a, b"} is {@code ["a","b"]} */
    LIST,
    /** a JSON object, or {@code @path/to/file.json} */
    JSON
  }

  /** {@code HTTP_PORT (--http-port, bridge.http_port)}: every name a user may have used. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    if (env != null) {
      out.append(env);
    }
    if (flag != null) {
      out.append(out.length() == 0 ? "" : " / ").append("--").append(flag);
    }
    if (path != null) {
      out.append(" (").append(path).append(')');
    }
    return out.toString();
  }

  /** The value of {@code text}; errors name this key, never echo a value that could be a secret. */
  public Object parse(String text, String source) {
    String v = text.trim();
    switch (type) {
      case STRING:
        return v;
      case INT:
        try {
          return Integer.parseInt(v);
        } catch (NumberFormatException e) {
          throw bad(source, "an integer", text);
        }
      case NUMBER:
        try {
          return Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw bad(source, "a number", text);
        }
      case BOOL:
        switch (v.toLowerCase(Locale.ROOT)) {
          case "true", "1", "yes" -> {
            return true;
          }
          case "false", "0", "no" -> {
            return false;
          }
          default -> throw bad(source, "true or false", text);
        }
      case LIST: {
        JsonArray out = new JsonArray();
        for (String part : v.split(",")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
        return out;
      }
      case JSON:
        try {
          return new JsonObject(v.startsWith("@") ? Files.readString(Path.of(v.substring(1))) : v);
        } catch (IOException e) {
          throw new IllegalArgumentException(source + ": cannot read " + v.substring(1) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
          // not the parser's message: it quotes the text, which may hold credentials (ADAPTER_CONFIG)
          throw new IllegalArgumentException(source + ": expected a JSON object or @file, was not valid JSON");
        }
      default:
        throw new IllegalStateException(type.name());
    }
  }

  private IllegalArgumentException bad(String source, String expected, String text) {
    // only non-secret keys have typed values, so showing the text helps and leaks nothing
    return new IllegalArgumentException(source + ": expected " + expected + ", was '" + text + "'");
  }
}
