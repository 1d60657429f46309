package dev.ordertracker.bridge.security;

import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * How tokens are verified: HS256 with a shared secret (default), or RS256/ES256 with a PEM public key (and,
 * optionally, the PEM private key so that the bridge can issue demo tokens). JSON keys: algorithm, secret,
 * public_key_pem, private_key_pem. A missing secret for HS256 means "generate a random one at start-up".
 */
public record JwtSettings(String algorithm, String secret, String publicKeyPem, String privateKeyPem) {
  public static final String DEFAULT_ALGORITHM = "HS256";
  static final Set<String> ALGORITHMS = Set.of("HS256", "HS384", "HS512", "RS256", "ES256");
  private static final Set<String> KEYS = Set.of("algorithm", "secret", "public_key_pem", "private_key_pem");

  public JwtSettings {
    algorithm = algorithm == null ? DEFAULT_ALGORITHM : algorithm;
    if (!ALGORITHMS.contains(algorithm)) {
      throw new IllegalArgumentException("jwt.algorithm: '" + algorithm + "' is not one of " + ALGORITHMS);
    }
    if (isSymmetric(algorithm)) {
      if (secret != null && secret.length() < 16) {
        throw new IllegalArgumentException("jwt.secret: must be at least 16 characters");
      }
    } else if (publicKeyPem == null || !publicKeyPem.contains("-----BEGIN")) {
      throw new IllegalArgumentException("jwt.public_key_pem: a PEM public key is required for " + algorithm);
    }
  }

  public static JwtSettings defaults() {
    return new JwtSettings(DEFAULT_ALGORITHM, null, null, null);
  }

  public static JwtSettings fromJson(JsonObject json) {
    for (String key : json.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("jwt." + key + ": unknown key (known: " + KEYS + ")");
      }
    }
    return new JwtSettings(string(json, "algorithm"), string(json, "secret"), string(json, "public_key_pem"),
        string(json, "private_key_pem"));
  }

  public boolean symmetric() {
    return isSymmetric(algorithm);
  }

  public JwtSettings withSecret(String value) {
    return new JwtSettings(algorithm, value, publicKeyPem, privateKeyPem);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("algorithm", algorithm);
    if (secret != null) {
      json.put("secret", secret);
    }
    if (publicKeyPem != null) {
      json.put("public_key_pem", publicKeyPem);
    }
    if (privateKeyPem != null) {
      json.put("private_key_pem", privateKeyPem);
    }
    return json;
  }

  /** Never prints the secret or the private key. */
  @Override
  public String toString() {
    return "JwtSettings[algorithm=" + algorithm + ", secret=" + (secret == null ? "generated" : "***") + "]";
  }

  private static boolean isSymmetric(String algorithm) {
    return algorithm.startsWith("HS");
  }

  private static String string(JsonObject json, String key) {
    Object v = json.getValue(key);
    if (v != null && !(v instanceof String)) {
      throw new IllegalArgumentException("jwt." + key + ": expected a string");
    }
    return (String) v;
  }
}
