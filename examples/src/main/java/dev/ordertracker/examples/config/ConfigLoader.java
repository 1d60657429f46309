package dev.ordertracker.examples.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads the launcher's configuration with vertx-config: the file ({@code .yaml}, {@code .yml} or {@code .json}),
 * then the environment's layer, then the flags' layer, each overriding the one before key by key (objects are merged
 * deeply, lists and values replaced). Then validated once ({@link LauncherConfig#from}).
 */
public final class ConfigLoader {
  private ConfigLoader() {
  }

  /**
   * @param file  the {@code --config} file, or null
   * @param env   the environment (the process's; tests pass a map)
   * @param flags flag name (without {@code --}) to its text
   */
  public static Future<LauncherConfig> load(Vertx vertx, Path file, Map<String, String> env,
                                            Map<String, String> flags) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false).setScanPeriod(0);
    try {
      if (file != null) {
        options.addStore(fileStore(file));
      }
      options.addStore(new ConfigStoreOptions().setType("json").setConfig(ConfigLayers.fromEnvironment(env)));
      options.addStore(new ConfigStoreOptions().setType("json").setConfig(ConfigLayers.fromFlags(flags)));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .recover(e -> Future.failedFuture(file != null && !(e instanceof IllegalArgumentException)
            ? new IllegalArgumentException("--config " + file + ": " + withoutQuotedText(e.getMessage())) : e))
        .eventually(retriever::close)
        .compose(json -> {
          try {
            return Future.succeededFuture(LauncherConfig.from(json));
          } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
          }
        });
  }

  /** {@link #load} from a thread that may block (a launcher's main thread, a test), on a short-lived Vertx. */
  public static LauncherConfig loadNow(Path file, Map<String, String> env, Map<String, String> flags) {
    Vertx vertx = Vertx.vertx();
    try {
      return load(vertx, file, env, flags).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) e.getCause();
      }
      throw new IllegalStateException("configuration not read: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException("configuration not read: " + e, e);
    } finally {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // a reader that does not close promptly leaves only idle threads behind; the configuration is what matters
      }
    }
  }

  /**
   * A parser's message without the lines it quotes from the file (which may hold credentials): its first line and
   * where ({@code in 'reader', line 3, column 9:}).
   */
  static String withoutQuotedText(String message) {
    if (message == null) {
      return "cannot be read";
    }
    StringBuilder out = new StringBuilder();
    String[] lines = message.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (i == 0 || line.startsWith("in ") && line.contains("line")) {
        // Jackson quotes the source on its first line: [Source: (String)"..."; line: 1, column: 9]
        line = line.replaceAll("\\[Source: .*; line: (\\d+), column: (\\d+)]", "at line $1, column $2")
            .replaceAll("\\(String\\)\".*", "");
        out.append(out.length() == 0 ? "" : " ").append(line);
      }
    }
    return out.toString();
  }

  private static ConfigStoreOptions fileStore(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String format;
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      format = "yaml";
    } else if (name.endsWith(".json")) {
      format = "json";
    } else {
      throw new IllegalArgumentException("--config " + file + ": expected a .yaml, .yml or .json file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--config " + file + ": no such file");
    }
    return new ConfigStoreOptions().setType("file").setFormat(format)
        .setConfig(new JsonObject().put("path", file.toAbsolutePath().toString()));
  }
}
