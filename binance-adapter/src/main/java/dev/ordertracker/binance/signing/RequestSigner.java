package dev.ordertracker.binance.signing;

import dev.ordertracker.binance.config.KeyType;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Binance payloads (see {@link SigningPayloads}) for one account. HMAC-SHA256 answers lowercase hex;
 * Ed25519 and RSA (PKCS#1 v1.5, SHA-256) answer base64. Thread-safe: every call uses its own JCA instance.
 * Holds key material: {@link #toString()} says only the type.
 */
public abstract class RequestSigner {
  private final String apiKey;

  private RequestSigner(String apiKey) {
    this.apiKey = apiKey;
  }

  public static RequestSigner hmac(String apiKey, String secret) {
    return new Hmac(apiKey, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
  }

  public static RequestSigner ed25519(String apiKey, PrivateKey key) {
    return new Asymmetric(apiKey, key, "Ed25519", KeyType.ED25519);
  }

  public static RequestSigner rsa(String apiKey, PrivateKey key) {
    return new Asymmetric(apiKey, key, "SHA256withRSA", KeyType.RSA);
  }

  public String apiKey() {
    return apiKey;
  }

  public abstract KeyType keyType();

  /** The signature of {@code payload} (UTF-8). */
  public abstract String sign(String payload);

  @Override
  public String toString() {
    return "RequestSigner[" + keyType() + "]";
  }

  private static final class Hmac extends RequestSigner {
    private final SecretKeySpec key;

    Hmac(String apiKey, SecretKeySpec key) {
      super(apiKey);
      this.key = key;
    }

    @Override
    public KeyType keyType() {
      return KeyType.HMAC;
    }

    @Override
    public String sign(String payload) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA256 unavailable: " + e.getClass().getSimpleName());
      }
    }
  }

  private static final class Asymmetric extends RequestSigner {
    private final PrivateKey key;
    private final String algorithm;
    private final KeyType type;

    Asymmetric(String apiKey, PrivateKey key, String algorithm, KeyType type) {
      super(apiKey);
      this.key = key;
      this.algorithm = algorithm;
      this.type = type;
    }

    @Override
    public KeyType keyType() {
      return type;
    }

    @Override
    public String sign(String payload) {
      try {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(key);
        signature.update(payload.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature.sign());
      } catch (GeneralSecurityException e) {
        // the message of a JCA exception can describe the key: say only what failed
        throw new IllegalStateException(algorithm + " signing failed: " + e.getClass().getSimpleName());
      }
    }
  }
}
