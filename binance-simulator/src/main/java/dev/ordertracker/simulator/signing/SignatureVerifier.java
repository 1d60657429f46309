package dev.ordertracker.simulator.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Checks a request signature over a payload, exactly as Binance does: HMAC-SHA256 as hex (case-insensitive),
 * Ed25519 and RSA (PKCS#1 v1.5 with SHA-256) as base64. Built once per account (key parsing is not done per
 * request). Instances are not thread-safe (HMAC keeps a {@code Mac}); use them from the simulator context.
 */
public interface SignatureVerifier {

  /** True when {@code signature} is a valid signature of {@code payload} (UTF-8). */
  boolean verify(String payload, String signature);

  KeyType keyType();

  static SignatureVerifier hmac(String secret) {
    return new HmacSignatureVerifier(secret);
  }

  static SignatureVerifier ed25519(String publicKeyPem) {
    return new AsymmetricSignatureVerifier(KeyType.ED25519, parsePem(publicKeyPem, "Ed25519"), "Ed25519");
  }

  static SignatureVerifier rsa(String publicKeyPem) {
    return new AsymmetricSignatureVerifier(KeyType.RSA, parsePem(publicKeyPem, "RSA"), "SHA256withRSA");
  }

  static SignatureVerifier of(KeyType type, String secretOrPem) {
    switch (type) {
      case HMAC:
        return hmac(secretOrPem);
      case ED25519:
        return ed25519(secretOrPem);
      case RSA:
        return rsa(secretOrPem);
      default:
        throw new IllegalArgumentException("unknown key type " + type);
    }
  }

  /** Parses an X.509 SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----"). */
  static PublicKey parsePem(String pem, String algorithm) {
    String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
      return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + algorithm + " public key PEM: " + e.getMessage(), e);
    }
  }
}
