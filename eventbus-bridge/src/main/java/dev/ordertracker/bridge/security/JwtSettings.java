package dev.ordertracker.bridge.security;

import dev.ordertracker.api.config.ConfigReader;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * How tokens are verified: HS256/384/512 with a shared secret (default), or RS256/ES256 with a PEM public key (and,
 * optionally, the PEM private key so that the bridge can issue demo tokens); which audience the bridge is, an
 * optional issuer every token must name, and the clock leeway for {@code nbf}/{@code iat}. JSON keys: algorithm,
 * secret, public_key_pem, private_key_pem, audience, issuer, leeway_seconds. A missing secret for HS* means "no key":
 * the bridge refuses to start (it never invents one; only the demo launcher generates a throw-away secret). Key sizes (RSA at least 2048 bits, EC at least P-256) are checked when the
 * key is parsed ({@link TokenAuthenticator#create}).
 */
public record JwtSettings(String algorithm, String secret, String publicKeyPem, String privateKeyPem, String audience,
                          String issuer, long leewaySeconds) {
  public static final String DEFAULT_ALGORITHM = "HS256";
  /** The bridge's audience name: a token whose {@code aud} is present must name it (RFC 7519 section 4.1.3). */
  public static final String DEFAULT_AUDIENCE = "order-tracker";
  public static final long DEFAULT_LEEWAY_SECONDS = 30;
  /** HS* secrets: at least as long as the HS256 output (RFC 7518 section 3.2). */
  public static final int MIN_SECRET_BYTES = 32;
  static final Set<String> ALGORITHMS = Set.of("HS256", "HS384", "HS512", "RS256", "ES256");
  private static final Set<String> KEYS = Set.of("algorithm", "secret", "public_key_pem", "private_key_pem",
      "audience", "issuer", "leeway_seconds");

  public JwtSettings {
    algorithm = algorithm == null ? DEFAULT_ALGORITHM : algorithm;
    audience = audience == null ? DEFAULT_AUDIENCE : audience;
    if (!ALGORITHMS.contains(algorithm)) {
      throw new IllegalArgumentException("jwt.algorithm: '" + algorithm + "' is not one of " + ALGORITHMS);
    }
    if (isSymmetric(algorithm)) {
      if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException("jwt.secret: must be at least " + MIN_SECRET_BYTES + " bytes");
      }
    } else if (publicKeyPem == null || !publicKeyPem.contains("-----BEGIN")) {
      throw new IllegalArgumentException("jwt.public_key_pem: a PEM public key is required for " + algorithm);
    }
    if (audience.isBlank()) {
      throw new IllegalArgumentException("jwt.audience: must not be blank");
    }
    if (issuer != null && issuer.isBlank()) {
      throw new IllegalArgumentException("jwt.issuer: must not be blank when given");
    }
    if (leewaySeconds < 0 || leewaySeconds > 300) {
      throw new IllegalArgumentException("jwt.leeway_seconds: " + leewaySeconds + " is not in [0, 300]");
    }
  }

  /** The default audience, no required issuer, the default leeway. */
  public JwtSettings(String algorithm, String secret, String publicKeyPem, String privateKeyPem) {
    this(algorithm, secret, publicKeyPem, privateKeyPem, null, null, DEFAULT_LEEWAY_SECONDS);
  }

  public static JwtSettings defaults() {
    return new JwtSettings(DEFAULT_ALGORITHM, null, null, null);
  }

  /** @throws IllegalArgumentException naming the key ({@code jwt.<key>}) */
  public static JwtSettings fromJson(JsonObject json) {
    ConfigReader r = ConfigReader.of(json, "jwt.", KEYS, "jwt option");
    return new JwtSettings(r.string("algorithm", null), r.string("secret", null), r.string("public_key_pem", null),
        r.string("private_key_pem", null), r.string("audience", null), r.string("issuer", null),
        r.longValue("leeway_seconds", DEFAULT_LEEWAY_SECONDS));
  }

  public boolean symmetric() {
    return isSymmetric(algorithm);
  }

  public JwtSettings withSecret(String value) {
    return new JwtSettings(algorithm, value, publicKeyPem, privateKeyPem, audience, issuer, leewaySeconds);
  }

  public JwtSettings withAudience(String value) {
    return new JwtSettings(algorithm, secret, publicKeyPem, privateKeyPem, value, issuer, leewaySeconds);
  }

  public JwtSettings withIssuer(String value) {
    return new JwtSettings(algorithm, secret, publicKeyPem, privateKeyPem, audience, value, leewaySeconds);
  }

  public JwtSettings withLeewaySeconds(long value) {
    return new JwtSettings(algorithm, secret, publicKeyPem, privateKeyPem, audience, issuer, value);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("algorithm", algorithm).put("audience", audience)
        .put("leeway_seconds", leewaySeconds);
    if (secret != null) {
      json.put("secret", secret);
    }
    if (publicKeyPem != null) {
      json.put("public_key_pem", publicKeyPem);
    }
    if (privateKeyPem != null) {
      json.put("private_key_pem", privateKeyPem);
    }
    if (issuer != null) {
      json.put("issuer", issuer);
    }
    return json;
  }

  /** Never prints the secret or the private key. */
  @Override
  public String toString() {
    return "JwtSettings[algorithm=" + algorithm + ", secret=" + (secret == null ? "none" : "***")
        + ", audience=" + audience + ", issuer=" + issuer + ", leeway_seconds=" + leewaySeconds + "]";
  }

  private static boolean isSymmetric(String algorithm) {
    return algorithm.startsWith("HS");
  }
}
