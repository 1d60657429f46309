package dev.ordertracker.binance.config;

import dev.ordertracker.api.config.ConfigReader;
import io.vertx.core.json.JsonObject;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Binance account: a name (used in events, metrics and the address {@code orders.account.<name>}), the API key
 * and one credential: an HMAC {@code secret}, or an Ed25519/RSA private key given inline ({@code private_key_pem})
 * or as a file ({@code private_key_file}, read off the event loop at start). Credentials never leave this object in
 * text form: {@link #toString()} and {@link #toJson()} redact them.
 */
public final class AccountConfig {
  public static final String NAME = "name";
  public static final String API_KEY = "api_key";
  public static final String SECRET = "secret";
  public static final String PRIVATE_KEY_PEM = "private_key_pem";
  public static final String PRIVATE_KEY_FILE = "private_key_file";
  public static final String KEY_TYPE = "key_type";
  static final String REDACTED = "***";
  private static final Set<String> KEYS = Set.of(NAME, API_KEY, SECRET, PRIVATE_KEY_PEM, PRIVATE_KEY_FILE, KEY_TYPE);
  private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final String name;
  private final String apiKey;
  private final String secret;
  private final String privateKeyPem;
  private final String privateKeyFile;
  private final KeyType keyType;

  private AccountConfig(String name, String apiKey, String secret, String privateKeyPem, String privateKeyFile,
                        KeyType keyType) {
    this.name = name;
    this.apiKey = apiKey;
    this.secret = secret;
    this.privateKeyPem = privateKeyPem;
    this.privateKeyFile = privateKeyFile;
    this.keyType = keyType;
  }

  public static AccountConfig hmac(String name, String apiKey, String secret) {
    return validated(name, apiKey, secret, null, null, KeyType.HMAC, "account");
  }

  public static AccountConfig privateKeyPem(String name, String apiKey, String pem, KeyType type) {
    return validated(name, apiKey, null, pem, null, type, "account");
  }

  public static AccountConfig privateKeyFile(String name, String apiKey, String file, KeyType type) {
    return validated(name, apiKey, null, null, file, type, "account");
  }

  /**
   * Reads one entry of {@code accounts}; {@code path} (e.g. {@code accounts[0]}) prefixes every error message.
   *
   * @throws IllegalArgumentException naming the key, never quoting a credential
   */
  public static AccountConfig fromJson(Object value, String path) {
    if (!(value instanceof JsonObject)) {
      throw new IllegalArgumentException(path + ": expected an object");
    }
    ConfigReader in = ConfigReader.of((JsonObject) value, path + ".", KEYS, "account key");
    String type = in.string(KEY_TYPE, null);
    KeyType keyType = null;
    if (type != null) {
      try {
        keyType = KeyType.valueOf(type.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path + "." + KEY_TYPE + ": expected one of HMAC, ED25519, RSA");
      }
    }
    return validated(in.string(NAME, null), in.string(API_KEY, null), in.string(SECRET, null),
        in.string(PRIVATE_KEY_PEM, null), in.string(PRIVATE_KEY_FILE, null), keyType, path);
  }

  private static AccountConfig validated(String name, String apiKey, String secret, String pem, String file,
                                         KeyType type, String path) {
    if (name == null || !NAME_PATTERN.matcher(name).matches()) {
      throw new IllegalArgumentException(path + "." + NAME + ": required, 1-64 of [A-Za-z0-9_.-]");
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(path + "." + API_KEY + ": required");
    }
    if (apiKey.length() > 256 || !apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(path + "." + API_KEY + ": malformed (printable ASCII, at most 256)");
    }
    int credentials = (secret == null ? 0 : 1) + (pem == null ? 0 : 1) + (file == null ? 0 : 1);
    if (credentials != 1) {
      throw new IllegalArgumentException(path + ": exactly one of " + SECRET + ", " + PRIVATE_KEY_PEM + ", "
          + PRIVATE_KEY_FILE + " is required");
    }
    if (secret != null) {
      if (secret.isBlank()) {
        throw new IllegalArgumentException(path + "." + SECRET + ": must not be blank");
      }
      if (type != null && type != KeyType.HMAC) {
        throw new IllegalArgumentException(path + "." + KEY_TYPE + ": a secret is an HMAC key");
      }
      type = KeyType.HMAC;
    } else if (type == KeyType.HMAC) {
      throw new IllegalArgumentException(path + "." + KEY_TYPE + ": HMAC needs a " + SECRET);
    }
    if (pem != null && !pem.contains("-----BEGIN")) {
      throw new IllegalArgumentException(path + "." + PRIVATE_KEY_PEM + ": not a PEM text (no -----BEGIN line)");
    }
    if (file != null && file.isBlank()) {
      throw new IllegalArgumentException(path + "." + PRIVATE_KEY_FILE + ": must not be blank");
    }
    return new AccountConfig(name, apiKey, secret, pem, file, type);
  }

  public String name() {
    return name;
  }

  public String apiKey() {
    return apiKey;
  }

  /** HMAC secret, or null. Package-private readers only: {@link KeyLoader}. */
  String secret() {
    return secret;
  }

  String privateKeyPem() {
    return privateKeyPem;
  }

  public String privateKeyFile() {
    return privateKeyFile;
  }

  /** The key type; null for a PEM whose type is found when it is loaded. */
  public KeyType keyType() {
    return keyType;
  }

  /** The JSON form with every credential replaced by {@code ***} (the file path is not secret). */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put(NAME, name).put(API_KEY, redactedApiKey());
    if (secret != null) {
      json.put(SECRET, REDACTED);
    }
    if (privateKeyPem != null) {
      json.put(PRIVATE_KEY_PEM, REDACTED);
    }
    if (privateKeyFile != null) {
      json.put(PRIVATE_KEY_FILE, privateKeyFile);
    }
    if (keyType != null) {
      json.put(KEY_TYPE, keyType.name());
    }
    return json;
  }

  /** The API key is not a secret in Binance's model but still long-lived: logs show its first 4 characters. */
  public String redactedApiKey() {
    return apiKey.length() <= 8 ? REDACTED : apiKey.substring(0, 4) + "…";
  }

  @Override
  public String toString() {
    return "AccountConfig" + toJson().encode();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountConfig a && name.equals(a.name) && apiKey.equals(a.apiKey)
        && Objects.equals(secret, a.secret) && Objects.equals(privateKeyPem, a.privateKeyPem)
        && Objects.equals(privateKeyFile, a.privateKeyFile) && keyType == a.keyType;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, apiKey);
  }
}
