package dev.ordertracker.simulator.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Ed25519 or RSA PKCS#1 v1.5 SHA-256 signatures, base64-encoded (case-sensitive). */
final class AsymmetricSignatureVerifier implements SignatureVerifier {

  private final KeyType type;
  private final PublicKey key;
  private final String algorithm;

  AsymmetricSignatureVerifier(KeyType type, PublicKey key, String algorithm) {
    this.type = type;
    this.key = key;
    this.algorithm = algorithm;
  }

  @Override
  public boolean verify(String payload, String signature) {
    if (signature == null || signature.isEmpty()) {
      return false;
    }
    try {
      byte[] sig = Base64.getDecoder().decode(signature);
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(payload.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(sig);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public KeyType keyType() {
    return type;
  }
}
