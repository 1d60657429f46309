package dev.ordertracker.simulator;

import dev.ordertracker.simulator.signing.KeyType;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One simulated account: its name, API key, key type and key material, and opening balances.
 * JSON keys: {@code name, apiKey, keyType (HMAC|ED25519|RSA), secret, publicKeyPem, balances {asset: "amount"}}.
 */
public final class AccountOptions {

  /** Published example HMAC key pair of the Binance Spot API documentation (also in signature-vectors.json). */
  public static final String DEMO_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  public static final String DEMO_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  public static final String DEMO_NAME = "demo";

  private static final Set<String> KEYS = Set.of("name", "apiKey", "keyType", "secret", "publicKeyPem", "balances");

  private String name;
  private String apiKey;
  private KeyType keyType = KeyType.HMAC;
  private String secret;
  private String publicKeyPem;
  private final Map<String, BigDecimal> balances = new LinkedHashMap<>();

  public AccountOptions() {
  }

  public AccountOptions(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("Unknown account option '" + key + "'; known: " + KEYS);
      }
    }
    setName(json.getString("name"));
    setApiKey(json.getString("apiKey"));
    if (json.containsKey("keyType")) {
      setKeyType(KeyType.valueOf(json.getString("keyType")));
    }
    secret = json.getString("secret");
    publicKeyPem = json.getString("publicKeyPem");
    JsonObject b = json.getJsonObject("balances", new JsonObject());
    for (String asset : b.fieldNames()) {
      setBalance(asset, new BigDecimal(String.valueOf(b.getValue(asset))));
    }
  }

  /** The built-in demo account: the published example HMAC key pair and generous balances. */
  public static AccountOptions demo() {
    return new AccountOptions().setName(DEMO_NAME).setApiKey(DEMO_API_KEY).setKeyType(KeyType.HMAC)
        .setSecret(DEMO_SECRET)
        .setBalance("USDT", new BigDecimal("100000")).setBalance("BTC", new BigDecimal("10"))
        .setBalance("ETH", new BigDecimal("100")).setBalance("BNB", new BigDecimal("1000"));
  }

  public void validate() {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("account name is required");
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("account '" + name + "': apiKey is required");
    }
    if (keyType == KeyType.HMAC && (secret == null || secret.isEmpty())) {
      throw new IllegalArgumentException("account '" + name + "': HMAC keys need 'secret'");
    }
    if (keyType != KeyType.HMAC && (publicKeyPem == null || publicKeyPem.isBlank())) {
      throw new IllegalArgumentException("account '" + name + "': " + keyType + " keys need 'publicKeyPem'");
    }
  }

  public JsonObject toJson() {
    JsonObject b = new JsonObject();
    balances.forEach((k, v) -> b.put(k, v.toPlainString()));
    JsonObject json = new JsonObject().put("name", name).put("apiKey", apiKey).put("keyType", keyType.name())
        .put("balances", b);
    if (secret != null) {
      json.put("secret", secret);
    }
    if (publicKeyPem != null) {
      json.put("publicKeyPem", publicKeyPem);
    }
    return json;
  }

  public String getName() {
    return name;
  }

  public AccountOptions setName(String name) {
    this.name = name;
    return this;
  }

  public String getApiKey() {
    return apiKey;
  }

  public AccountOptions setApiKey(String apiKey) {
    this.apiKey = apiKey;
    return this;
  }

  public KeyType getKeyType() {
    return keyType;
  }

  public AccountOptions setKeyType(KeyType keyType) {
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    return this;
  }

  public String getSecret() {
    return secret;
  }

  public AccountOptions setSecret(String secret) {
    this.secret = secret;
    return this;
  }

  public String getPublicKeyPem() {
    return publicKeyPem;
  }

  public AccountOptions setPublicKeyPem(String publicKeyPem) {
    this.publicKeyPem = publicKeyPem;
    return this;
  }

  public Map<String, BigDecimal> getBalances() {
    return balances;
  }

  public AccountOptions setBalance(String asset, BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("balance of " + asset + " must be >= 0");
    }
    balances.put(asset, amount);
    return this;
  }
}
