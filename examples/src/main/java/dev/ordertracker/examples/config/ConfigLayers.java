package dev.ordertracker.examples.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The environment and the command line as configuration layers: JSON objects with the same sections and keys as the
 * configuration file, which {@link ConfigLoader} lays over the file (file, then environment, then flags).
 *
 * <p>Accounts from the environment: {@code BINANCE_ACCOUNTS=main,second} with {@code BINANCE_MAIN_API_KEY} and
 * {@code BINANCE_MAIN_SECRET_KEY} (or {@code BINANCE_MAIN_PRIVATE_KEY_FILE}), {@code BINANCE_SECOND_API_KEY}, … (the
 * name upper-cased, other characters than letters and digits as {@code _}); or the single account of
 * {@code BINANCE_API_KEY} with {@code BINANCE_SECRET_KEY} or {@code BINANCE_PRIVATE_KEY_FILE}, named
 * {@code BINANCE_ACCOUNT_NAME} (default {@code main}). Either replaces the file's {@code binance.accounts}.
 * {@code DATA_DIR} sets {@code tracker.store} to SQLite in that directory ({@code none}: no store).
 */
public final class ConfigLayers {
  public static final String ENV_ACCOUNTS = "BINANCE_ACCOUNTS";
  public static final String ENV_API_KEY = "BINANCE_API_KEY";
  public static final String ENV_SECRET_KEY = "BINANCE_SECRET_KEY";
  public static final String ENV_PRIVATE_KEY_FILE = "BINANCE_PRIVATE_KEY_FILE";
  public static final String ENV_ACCOUNT_NAME = "BINANCE_ACCOUNT_NAME";
  public static final String ENV_DATA_DIR = "DATA_DIR";
  public static final String DEFAULT_ACCOUNT_NAME = "main";

  private ConfigLayers() {
  }

  /** The layer of the environment {@code env} (the process's, or a test's map). */
  public static JsonObject fromEnvironment(Map<String, String> env) {
    JsonObject layer = new JsonObject();
    // whole-section blobs first, so that a single variable (HTTP_PORT) refines its section's blob
    List<ConfigKey> ordered = new ArrayList<>(ConfigKeys.ALL);
    ordered.sort((a, b) -> Boolean.compare(a.type() != ConfigKey.Type.JSON, b.type() != ConfigKey.Type.JSON));
    for (ConfigKey key : ordered) {
      String value = env.get(key.env());
      if (key.env() != null && value != null && !value.isBlank()) {
        place(layer, key, key.parse(value, key.describe()));
      }
    }
    JsonArray accounts = accounts(env);
    if (accounts != null) {
      section(layer, "binance").put("accounts", accounts);
    }
    String dataDir = env.get(ENV_DATA_DIR);
    if (dataDir != null && !dataDir.isBlank()) {
      section(layer, "tracker").put("store", "none".equalsIgnoreCase(dataDir.trim()) ? null
          : new JsonObject().put("type", "sqlite").put("data_dir", dataDir.trim()));
    }
    return layer;
  }

  /** The layer of parsed flags: flag name (without {@code --}) to its text. */
  public static JsonObject fromFlags(Map<String, String> flags) {
    JsonObject layer = new JsonObject();
    Map<ConfigKey, String> byKey = new LinkedHashMap<>();
    flags.forEach((flag, value) -> byKey.put(ConfigKeys.byFlag(flag)
        .orElseThrow(() -> new IllegalArgumentException("--" + flag + ": unknown flag")), value));
    byKey.entrySet().stream()
        .sorted((a, b) -> Boolean.compare(a.getKey().type() != ConfigKey.Type.JSON,
            b.getKey().type() != ConfigKey.Type.JSON))
        .forEach(e -> place(layer, e.getKey(), e.getKey().parse(e.getValue(), e.getKey().describe())));
    return layer;
  }

  /** Puts {@code value} where {@code key} goes; section blobs are merged into their section. */
  static void place(JsonObject layer, ConfigKey key, Object value) {
    if (key == ConfigKeys.TRACKER_CONFIG) {
      // the replicated tracker's options: its "tracker" object is the tracker section, the rest is replication
      JsonObject replicated = ((JsonObject) value).copy();
      Object tracker = replicated.remove("tracker");
      if (tracker != null) {
        if (!(tracker instanceof JsonObject)) {
          throw new IllegalArgumentException(key.describe() + ": tracker: expected an object");
        }
        section(layer, "tracker").mergeIn((JsonObject) tracker, true);
      }
      section(section(layer, "cluster"), "replication").mergeIn(replicated, true);
      return;
    }
    String[] parts = key.path().split("\\.");
    JsonObject target = layer;
    for (int i = 0; i < parts.length - 1; i++) {
      target = section(target, parts[i]);
    }
    String last = parts[parts.length - 1];
    if (value instanceof JsonObject && target.getValue(last) instanceof JsonObject) {
      target.getJsonObject(last).mergeIn((JsonObject) value, true);
    } else {
      target.put(last, value);
    }
  }

  private static JsonObject section(JsonObject parent, String name) {
    Object v = parent.getValue(name);
    if (v instanceof JsonObject) {
      return (JsonObject) v;
    }
    JsonObject created = new JsonObject();
    parent.put(name, created);
    return created;
  }

  /** The accounts of the environment, or null when it names none. */
  static JsonArray accounts(Map<String, String> env) {
    String list = blankToNull(env.get(ENV_ACCOUNTS));
    String single = blankToNull(env.get(ENV_API_KEY));
    if (list != null && (single != null || env.get(ENV_SECRET_KEY) != null || env.get(ENV_PRIVATE_KEY_FILE) != null)) {
      throw new IllegalArgumentException(ENV_ACCOUNTS + " and " + ENV_API_KEY + "/" + ENV_SECRET_KEY
          + "/" + ENV_PRIVATE_KEY_FILE + ": set one or the other (BINANCE_<NAME>_API_KEY with " + ENV_ACCOUNTS + ")");
    }
    JsonArray accounts = new JsonArray();
    if (list != null) {
      for (String part : list.split(",")) {
        String name = part.trim();
        if (!name.isEmpty()) {
          String prefix = "BINANCE_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
          accounts.add(account(env, name, prefix + "API_KEY", prefix + "SECRET_KEY", prefix + "PRIVATE_KEY_FILE"));
        }
      }
      if (accounts.isEmpty()) {
        throw new IllegalArgumentException(ENV_ACCOUNTS + ": expected account names, e.g. main,second");
      }
      return accounts;
    }
    if (single == null) {
      if (env.get(ENV_SECRET_KEY) != null || env.get(ENV_PRIVATE_KEY_FILE) != null) {
        throw new IllegalArgumentException(ENV_API_KEY + ": required with " + ENV_SECRET_KEY + " or "
            + ENV_PRIVATE_KEY_FILE);
      }
      return null;
    }
    String name = blankToNull(env.get(ENV_ACCOUNT_NAME));
    return accounts.add(account(env, name == null ? DEFAULT_ACCOUNT_NAME : name.trim(), ENV_API_KEY, ENV_SECRET_KEY,
        ENV_PRIVATE_KEY_FILE));
  }

  private static JsonObject account(Map<String, String> env, String name, String apiKeyVar, String secretVar,
                                    String fileVar) {
    String apiKey = blankToNull(env.get(apiKeyVar));
    String secret = blankToNull(env.get(secretVar));
    String file = blankToNull(env.get(fileVar));
    if (apiKey == null) {
      throw new IllegalArgumentException(apiKeyVar + ": required for account '" + name + "'");
    }
    if ((secret == null) == (file == null)) {
      throw new IllegalArgumentException(secretVar + " or " + fileVar + ": exactly one is required for account '"
          + name + "'");
    }
    JsonObject account = new JsonObject().put("name", name).put("api_key", apiKey.trim());
    return secret != null ? account.put("secret", secret.trim()) : account.put("private_key_file", file.trim());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
